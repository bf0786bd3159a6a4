package org.hospital.continuity.sync.wire;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The cross-site request rule of both apps (HR-13): a state-changing request that carries a cookie (a browser's
 * ambient session) must come from a page of the same app. SameSite=Strict alone is not enough here: every port of
 * {@code localhost} is the same site, so a page of one local app could drive another's session.
 *
 * <p>The request's {@code Origin} (else its {@code Referer}) must name the scheme-less host and port the request was
 * sent to ({@code Host}), or one of the configured extra origins (a TLS proxy in front of the server). A request
 * with a cookie and neither header is allowed: browsers send {@code Origin} on every cross-origin POST, PUT, PATCH
 * and DELETE, so such a request does not come from another site's page (scripts and the sync agent send none).
 */
public final class SameOrigin {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private SameOrigin() {
    }

    /**
     * Why the request is refused, or empty.
     *
     * @param method the HTTP method
     * @param hasCookie whether the request carries a {@code Cookie} header
     * @param origin the {@code Origin} header or null
     * @param referer the {@code Referer} header or null
     * @param host the {@code Host} header (host[:port]) or null
     * @param extraOrigins further allowed origins, each {@code scheme://host[:port]}, lower case
     */
    public static Optional<String> problem(String method, boolean hasCookie, String origin, String referer, String host,
            Set<String> extraOrigins) {
        if (method == null || SAFE.contains(method.toUpperCase(Locale.ROOT)) || !hasCookie) {
            return Optional.empty();
        }
        String claimed = origin != null && !origin.isBlank() ? origin.trim() : null;
        String from = "Origin";
        if (claimed == null && referer != null && !referer.isBlank()) {
            claimed = referer.trim();
            from = "Referer";
        }
        if (claimed == null) {
            return Optional.empty();
        }
        Optional<String[]> source = schemeAndAuthority(claimed);
        if (source.isEmpty()) {
            return Optional.of("the " + from + " header is not an address of this app");
        }
        String scheme = source.get()[0];
        String authority = source.get()[1];
        if (extraOrigins.contains(scheme + "://" + authority)) {
            return Optional.empty();
        }
        if (host == null || !sameAuthority(scheme, authority, host.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("the request comes from a page of another site (" + from + ")");
        }
        return Optional.empty();
    }

    /** {scheme, host[:port]} of an absolute http(s) address, lower case, default ports dropped. */
    static Optional<String[]> schemeAndAuthority(String address) {
        if ("null".equalsIgnoreCase(address)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            String hostPart = uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(new String[] {scheme, defaultPort ? hostPart : hostPart + ":" + port});
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean sameAuthority(String scheme, String authority, String host) {
        String normalisedHost = host;
        if ("http".equals(scheme) && host.endsWith(":80")) {
            normalisedHost = host.substring(0, host.length() - 3);
        } else if ("https".equals(scheme) && host.endsWith(":443")) {
            normalisedHost = host.substring(0, host.length() - 4);
        }
        return authority.equals(normalisedHost);
    }
}
