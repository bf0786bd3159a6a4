package org.hospital.continuity.server.platform.security;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.sync.wire.Problem;
import org.hospital.continuity.sync.wire.RequestSanity;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * HR-3, HR-13: passwords travel only over TLS, except on the loopback interface (the demo, a kiosk's own
 * browser). A request to a route that carries a password (sign-in, account creation, password reset, kiosk
 * staff verifiers) over plain HTTP from another address is refused with 403 before its body is read. Behind a
 * TLS-terminating reverse proxy, enable {@code quarkus.http.proxy.proxy-address-forwarding} so the scheme
 * and address the proxy saw are used.
 */
public class PasswordsOverTls {

    private volatile TransportSecurityConfig config;

    /** The mapping, looked up once (a filter class is not an ordinary bean). */
    private TransportSecurityConfig config() {
        TransportSecurityConfig c = config;
        if (c == null) {
            c = io.quarkus.arc.Arc.container().instance(TransportSecurity.class).get().config();
            config = c;
        }
        return c;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refusePlainPasswords(HttpServerRequest request) {
        if (!config().requireTlsForPasswords() || request.method().name().equals("GET") || !carriesPassword(request.path())) {
            return null;
        }
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (allowed("https".equalsIgnoreCase(request.scheme()), remote)) {
            return null;
        }
        Log.warnf("password route over plain HTTP refused from a non-loopback address path=%s", request.path());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(Problem.of(403, "tls-required", "TLS required",
                "Passwords are accepted only over HTTPS from another computer; use the https:// address of the server.")
                .withRule("HR-13").at(request.path(), null)).build();
    }

    boolean carriesPassword(String rawPath) {
        return carriesPassword(rawPath, config().passwordPaths());
    }

    /**
     * Whether a request to this raw (still percent-encoded) path reaches a route that carries a password. Decided
     * on the path as the router matches it ({@link RequestSanity#canonicalPath}: doubled slashes, encoded letters and
     * a trailing slash all reach the same endpoint); a path that does not decode counts as one (it is refused).
     */
    public static boolean carriesPassword(String rawPath, List<String> passwordPaths) {
        if (rawPath == null) {
            return false;
        }
        Optional<String> canonical = RequestSanity.canonicalPath(rawPath);
        if (canonical.isEmpty()) {
            return true;
        }
        String path = canonical.get();
        return passwordPaths.stream().anyMatch(path::startsWith);
    }

    /** TLS, or a loopback address (127.0.0.0/8, ::1). An unknown address is not loopback. */
    public static boolean allowed(boolean tls, String remoteAddress) {
        if (tls) {
            return true;
        }
        if (remoteAddress == null || remoteAddress.isBlank() || !remoteAddress.matches("[0-9A-Fa-f:.%a-z]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
