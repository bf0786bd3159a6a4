package org.hospital.continuity.kiosk.enrolment.api;

import jakarta.annotation.security.RolesAllowed;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import jakarta.annotation.security.PermitAll;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.hospital.continuity.kiosk.enrolment.app.EnrollingKiosk;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.enrolment.integration.ServerWire;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.pool.PoolKind;
import org.hospital.continuity.kiosk.session.Sessions;

/**
 * One-time enrolment (needs the server once), then snapshot refresh and pool refill while online.
 * Enrolment needs no staff session (no staff verifiers exist before it); the one-time code is the
 * proof, created by an administrator on the server.
 */
@Path("/api/kiosk")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.STAFF)
public class EnrolmentResource {

    private final EnrollingKiosk enrolling;
    private final EnrolledKiosk enrolled;
    private final Sessions sessions;
    private final KioskConfig config;

    public EnrolmentResource(EnrollingKiosk enrolling, EnrolledKiosk enrolled, Sessions sessions, KioskConfig config) {
        this.enrolling = enrolling;
        this.enrolled = enrolled;
        this.sessions = sessions;
        this.config = config;
    }

    public record Enrol(@Size(max = 200) @Pattern(regexp = "https?://[A-Za-z0-9.:\\-\\[\\]]+/?", message = "must be an http(s) address") String serverUrl,
                        @NotBlank @Size(max = 64) String code,
                        @Size(max = 60) String kioskName) {
    }

    @GET
    @PermitAll
    public Map<String, Object> identity() {
        return enrolled.identity().<Map<String, Object>>map(i -> Map.of("enrolled", true, "kioskId", i.kioskId(), "kioskName", i.kioskName(),
                "departmentCode", i.departmentCode(), "departmentName", i.departmentName(), "enrolledAt", i.enrolledAt().toString()))
                .orElse(Map.of("enrolled", false, "serverUrl", config.serverUrl()));
    }

    @POST
    @Path("/enrolment")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public KioskIdentity enrol(@Valid @NotNull Enrol request) {
        String server = request.serverUrl() == null || request.serverUrl().isBlank() ? config.serverUrl() : request.serverUrl();
        return enrolling.enrol(server, request.code(), request.kioskName());
    }

    @POST
    @Path("/snapshot/refresh")
    public Map<String, Object> refresh(@CookieParam(Sessions.COOKIE) String token) {
        sessions.require(token);
        return Map.of("items", enrolling.refreshSnapshot());
    }

    @POST
    @Path("/pools/{pool}/refill")
    public ServerWire.Block refill(@CookieParam(Sessions.COOKIE) String token,
                                   @PathParam("pool") @Pattern(regexp = "PATIENT|INVOICE") String pool) {
        sessions.require(token);
        return enrolling.refill(PoolKind.valueOf(pool));
    }
}
