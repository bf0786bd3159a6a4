package org.hospital.continuity.kiosk.settlement.api;

import jakarta.annotation.security.RolesAllowed;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.hospital.continuity.kiosk.charge.Pricing;
import org.hospital.continuity.kiosk.session.Sessions;
import org.hospital.continuity.kiosk.settlement.app.SettlingDischarge;

/** EP-6.3.3: emergency discharge settlement by hand. */
@Path("/api/discharge-settlements")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.CASHIER) // HR-1: the cashier's desk only; other roles get 403
public class SettlementResource {

    private final SettlingDischarge settling;
    private final Sessions sessions;

    public SettlementResource(SettlingDischarge settling, Sessions sessions) {
        this.settling = settling;
        this.sessions = sessions;
    }

    public record Request(String patientId, List<Pricing.Line> lines, Long depositFen, boolean examsChecked) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response settle(@CookieParam(Sessions.COOKIE) String token, @Valid @NotNull Request request) {
        var staff = sessions.require(token);
        SettlingDischarge.Settled s = settling.settle(request.patientId(), request.lines(), request.depositFen(), request.examsChecked(), staff);
        return Response.created(URI.create("/api/discharge-settlements/" + s.id())).entity(s).build();
    }

    @GET
    public List<SettlingDischarge.Settled> recent(@CookieParam(Sessions.COOKIE) String token) {
        sessions.require(token);
        return settling.recent(20); // HR-5: the newest few, no bulk listing
    }
}
