package org.hospital.continuity.server.kiosk.api;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.server.kiosk.domain.Secrets;
import org.hospital.continuity.sync.wire.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * INTERIM protection of the kiosk administration endpoints ({@code /api/admin/kiosk*}) until the
 * staff accounts and roles of issue 4 are merged: the caller must present
 * {@code Authorization: Bearer <token>} where the SHA-256 (hex) of the token equals
 * {@code continuity.kiosk.admin-token-sha256}. Without that setting the endpoints are closed (403).
 * No token is in the repository. Replace with the IT-administrator role when it exists.
 */
@Singleton
public class KioskAdminGuard {

    private final Optional<String> tokenHash;

    public KioskAdminGuard(ContinuityServerConfig config) {
        this.tokenHash = config.kiosk().adminTokenSha256().map(String::trim).map(s -> s.toLowerCase(java.util.Locale.ROOT)).filter(s -> s.length() == 64);
    }

    @ServerRequestFilter
    public Response guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/admin/kiosk")) {
            return null;
        }
        if (tokenHash.isEmpty()) {
            return problem(403, "admin-closed", "Kiosk administration is closed: no administrator token is configured on this server.");
        }
        String auth = request.getHeaderString("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return problem(401, "unauthenticated", "Sign in as an administrator first.");
        }
        if (!Secrets.matches(auth.substring(7).trim(), tokenHash.get())) {
            return problem(403, "forbidden", "This token does not allow kiosk administration.");
        }
        return null;
    }

    private static Response problem(int status, String slug, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, slug, Problem.forStatus(status).title(), detail)).build();
    }
}
