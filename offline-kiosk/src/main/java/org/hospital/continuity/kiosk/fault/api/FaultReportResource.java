package org.hospital.continuity.kiosk.fault.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.hospital.continuity.kiosk.fault.app.ReportingFaults;
import org.hospital.continuity.kiosk.fault.persistence.FaultReportTable;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import org.hospital.continuity.kiosk.session.Sessions;

/** EP-3.1 / EP-3.2: the fault-report key (F5): file a report in one action, and see each report's state. */
@Path("/api/fault-reports")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.STAFF)
public class FaultReportResource {

    private final ReportingFaults reporting;
    private final Sessions sessions;

    public FaultReportResource(ReportingFaults reporting, Sessions sessions) {
        this.reporting = reporting;
        this.sessions = sessions;
    }

    /** What fails ({@code symptom}: one of {@link ReportingFaults#SYMPTOMS}), where, since when, in the reporter's words. */
    public record Request(@Size(max = 40) String symptom, @Size(max = 200) String location, Instant observedSince,
                          @Size(max = 2000) String words) {
    }

    /** A report as the kiosk shows it: its state, sent or waiting, and what IT did with it. */
    public record View(String id, String symptom, String location, Instant observedSince, String words, String reporterName,
                       Instant filedAt, boolean sent, Instant sentAt, String lastError, String state, String verifiedBy, Instant verifiedAt,
                       String cause, Instant incidentOpenedAt, String incidentClass) {
        static View of(FaultReportTable.Row r) {
            return new View(r.id().toString(), r.symptom(), r.location(), r.observedSince(), r.words(), r.reporterName(), r.filedAt(),
                    r.sentAt() != null, r.sentAt(), r.lastError(), r.state(), r.verifiedBy(), r.verifiedAt(), r.cause(),
                    r.incidentOpenedAt(), r.incidentClass());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(@CookieParam(Sessions.COOKIE) String token, @Valid @NotNull Request request) {
        var staff = sessions.require(token);
        View v = View.of(reporting.file(request.symptom(), request.location(), request.observedSince(), request.words(), staff));
        return Response.created(URI.create("/api/fault-reports/" + v.id())).entity(v).build();
    }

    @GET
    public List<View> reports(@CookieParam(Sessions.COOKIE) String token) {
        sessions.require(token);
        return reporting.reports(30).stream().map(View::of).toList();
    }

    /** Sends waiting reports and asks the server for the state of open ones now (it also happens by itself). */
    @POST
    @Path("/refresh")
    public List<View> refresh(@CookieParam(Sessions.COOKIE) String token) {
        sessions.require(token);
        reporting.catchUp();
        return reporting.reports(30).stream().map(View::of).toList();
    }
}
