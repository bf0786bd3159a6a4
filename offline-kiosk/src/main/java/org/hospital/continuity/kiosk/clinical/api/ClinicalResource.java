package org.hospital.continuity.kiosk.clinical.api;

import jakarta.annotation.security.RolesAllowed;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.hospital.continuity.kiosk.clinical.app.ClinicalDesk;
import org.hospital.continuity.kiosk.clinical.app.DowntimeReports;
import org.hospital.continuity.kiosk.clinical.app.PrintedForm;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalForms;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.i18n.Texts;
import org.hospital.continuity.kiosk.session.api.SessionResource;
import org.hospital.continuity.kiosk.session.app.Sessions;

/**
 * Clinical downtime forms: doctor (EP-6.4), nurse (EP-6.5), med-tech (EP-6.6), pharmacy (EP-6.7).
 * A 201 means the record is durable; a 4xx means nothing was stored. Each record prints as a page.
 */
@Path("/api/clinical")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.STAFF)
public class ClinicalResource {

    private final ClinicalDesk desk;
    private final Sessions sessions;
    private final Texts texts;
    private final DowntimeReports reports;

    public ClinicalResource(ClinicalDesk desk, Sessions sessions, Texts texts, DowntimeReports reports) {
        this.reports = reports;
        this.desk = desk;
        this.sessions = sessions;
        this.texts = texts;
    }

    @POST
    @Path("/prescriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response prescribe(@CookieParam(SessionResource.COOKIE) String token, @NotNull ClinicalForms.Prescription form) {
        return created(desk.prescribe(form, sessions.require(token)));
    }

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response order(@CookieParam(SessionResource.COOKIE) String token, @NotNull ClinicalForms.Order form) {
        return created(desk.order(form, sessions.require(token)));
    }

    @POST
    @Path("/requisitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requisition(@CookieParam(SessionResource.COOKIE) String token, @NotNull ClinicalForms.Requisition form) {
        return created(desk.requisition(form, sessions.require(token)));
    }

    @POST
    @Path("/charge-executions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response chargeExecution(@CookieParam(SessionResource.COOKIE) String token, @NotNull ClinicalForms.ChargeExecution form) {
        return created(desk.chargeExecution(form, sessions.require(token)));
    }

    @POST
    @Path("/exam-registers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response examRegister(@CookieParam(SessionResource.COOKIE) String token, @NotNull ClinicalForms.ExamRegister form) {
        return created(desk.examRegister(form, sessions.require(token)));
    }

    @POST
    @Path("/dispenses")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response dispense(@CookieParam(SessionResource.COOKIE) String token, @NotNull ClinicalForms.Dispense form) {
        return created(desk.dispense(form, sessions.require(token)));
    }

    /** Downtime reports: {@code census} (ward census of the snapshot) or {@code orders} (orders written here). */
    @GET
    @Path("/reports/{report}")
    @Produces(MediaType.TEXT_HTML)
    public String report(@CookieParam(SessionResource.COOKIE) String token, @PathParam("report") String report) {
        sessions.require(token);
        String language = texts.language();
        if ("census".equals(report)) {
            return reports.census(language, k -> texts.text(language, k));
        }
        if ("orders".equals(report)) {
            return reports.activeOrders(language, k -> texts.text(language, k));
        }
        throw notFound();
    }

    @GET
    @Path("/{id}")
    public ClinicalDesk.Record get(@CookieParam(SessionResource.COOKIE) String token, @PathParam("id") UUID id) {
        sessions.require(token);
        return desk.byId(id).orElseThrow(ClinicalResource::notFound);
    }

    @GET
    @Path("/{id}/print")
    @Produces(MediaType.TEXT_HTML)
    public String print(@CookieParam(SessionResource.COOKIE) String token, @PathParam("id") UUID id) {
        sessions.require(token);
        String language = texts.language();
        return PrintedForm.html(desk.byId(id).orElseThrow(ClinicalResource::notFound), language, k -> texts.text(language, k));
    }

    private static Response created(ClinicalDesk.Record r) {
        return Response.created(URI.create("/api/clinical/" + r.id())).entity(r).build();
    }

    private static KioskRejection notFound() {
        return new KioskRejection(404, "record-not-found", null, "error.record.unknown", java.util.List.of());
    }
}
