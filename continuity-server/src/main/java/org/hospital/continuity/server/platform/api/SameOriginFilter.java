package org.hospital.continuity.server.platform.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hospital.continuity.sync.wire.Problem;
import org.hospital.continuity.sync.wire.SameOrigin;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * HR-13 cross-site requests: a state-changing request carrying a cookie session must come from this app's own
 * pages (Origin, else Referer, names the address it was sent to); refused with 403 before routing otherwise.
 * Extra origins (a TLS proxy in front of the app) are configured in {@code continuity.security.allowed-origins}.
 */
@Singleton
public class SameOriginFilter {

    private final Set<String> extraOrigins;

    public SameOriginFilter(@ConfigProperty(name = "continuity.security.allowed-origins") Optional<List<String>> allowed) {
        this.extraOrigins = allowed.orElse(List.of()).stream().map(s -> s.trim().toLowerCase(Locale.ROOT))
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).collect(Collectors.toUnmodifiableSet());
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSite(HttpServerRequest request) {
        Optional<String> problem = SameOrigin.problem(request.method().name(), request.headers().contains("Cookie"),
                request.getHeader("Origin"), request.getHeader("Referer"), request.getHeader("Host"), extraOrigins);
        if (problem.isEmpty()) {
            return null;
        }
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(ProblemMappers.inLanguage(Problem.of(403, "cross-site-request", "Forbidden", "Refused: " + problem.get() + "."),
                        request.getHeader("Accept-Language"))).build();
    }
}
