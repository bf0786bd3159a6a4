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
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRoles;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.reference.KnownPatient;
import org.hospital.continuity.kiosk.clinical.app.AmendingClinicalRecords;
import org.hospital.continuity.kiosk.clinical.app.DowntimeReports;
import org.hospital.continuity.kiosk.clinical.app.PrintedForm;
import org.hospital.continuity.kiosk.clinical.app.ReadingClinicalRecords;
import org.hospital.continuity.kiosk.clinical.app.WritingClinicalForms;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRecord;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalForms;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.i18n.Texts;
import org.hospital.continuity.kiosk.session.Sessions;

/**
 * Clinical downtime forms: doctor (EP-6.4), nurse (EP-6.5), med-tech (EP-6.6), pharmacy (EP-6.7).
 * A 201 means the record is durable; a 4xx means nothing was stored. Each record prints as a page.
 */
@Path("/api/clinical")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
// HR-1: each form by the roles the plan gives it, decided before the body is read (a wrong role gets 403, never a
// validation answer); clinical records and reports are read by clinical staff only (HR-12). The app checks again.
@RolesAllowed(KioskRoles.STAFF)
public class ClinicalResource {

    private final WritingClinicalForms writing;
    private final AmendingClinicalRecords amending;
    private final ReadingClinicalRecords records;
    private final Sessions sessions;
    private final Texts texts;
    private final DowntimeReports reports;
    private final ReferenceData reference;
    private final java.time.ZoneId zone;
    private final org.hospital.continuity.kiosk.enrolment.EnrolledKiosk enrolled;

    private final org.hospital.continuity.kiosk.journal.Journal journal;

    public ClinicalResource(WritingClinicalForms writing, AmendingClinicalRecords amending, ReadingClinicalRecords records, Sessions sessions,
                            Texts texts, DowntimeReports reports, ReferenceData reference,
                            org.hospital.continuity.kiosk.platform.config.KioskConfig config,
                            org.hospital.continuity.kiosk.enrolment.EnrolledKiosk enrolled,
                            org.hospital.continuity.kiosk.journal.Journal journal) {
        this.journal = journal;
        this.zone = java.time.ZoneId.of(config.timeZone());
        this.enrolled = enrolled;
        this.writing = writing;
        this.amending = amending;
        this.records = records;
        this.reference = reference;
        this.reports = reports;
        this.sessions = sessions;
        this.texts = texts;
    }

    @jakarta.inject.Inject
    org.hospital.continuity.kiosk.platform.api.ProblemMappers problems;

    /** The form each writing route takes (the last segment of {@code /api/clinical/<form>}). */
    private static final java.util.Map<String, org.hospital.continuity.kiosk.clinical.domain.FormType> FORM_ROUTES = java.util.Map.of(
            "prescriptions", org.hospital.continuity.kiosk.clinical.domain.FormType.PRESCRIPTION,
            "orders", org.hospital.continuity.kiosk.clinical.domain.FormType.ORDER,
            "requisitions", org.hospital.continuity.kiosk.clinical.domain.FormType.REQUISITION,
            "charge-executions", org.hospital.continuity.kiosk.clinical.domain.FormType.CHARGE_EXECUTION,
            "exam-registers", org.hospital.continuity.kiosk.clinical.domain.FormType.EXAM_REGISTER,
            "dispenses", org.hospital.continuity.kiosk.clinical.domain.FormType.DISPENSE);

    /**
     * HR-1: a role the route's rule refuses (before the body is read) gets the same sentence as the forms' own check —
     * who writes this form ("处方只能由医生开具"), or that clinical records are for clinical staff.
     */
    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response notForRole(io.quarkus.security.ForbiddenException e, jakarta.ws.rs.core.UriInfo uri) {
        String path = uri == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        var form = FORM_ROUTES.get(last);
        KioskRejection why = form != null && path.endsWith("/api/clinical/" + last)
                ? new KioskRejection(403, "form-not-for-role", "HR-1", form.roleRefusal(), List.of())
                : new KioskRejection(403, "clinical-records-not-for-role", "HR-1", "error.clinical.read", List.of());
        return problems.rejected(why, uri);
    }

    @POST
    @Path("/prescriptions")
    @RolesAllowed(ClinicalRoles.DOCTOR) // EP-6.4
    @Consumes(MediaType.APPLICATION_JSON)
    public Response prescribe(@CookieParam(Sessions.COOKIE) String token, @NotNull ClinicalForms.Prescription form) {
        return created(writing.prescribe(form, sessions.require(token)));
    }

    @POST
    @Path("/orders")
    @RolesAllowed(ClinicalRoles.DOCTOR) // EP-6.4
    @Consumes(MediaType.APPLICATION_JSON)
    public Response order(@CookieParam(Sessions.COOKIE) String token, @NotNull ClinicalForms.Order form) {
        return created(writing.order(form, sessions.require(token)));
    }

    @POST
    @Path("/requisitions")
    @RolesAllowed(ClinicalRoles.NURSE) // EP-6.5
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requisition(@CookieParam(Sessions.COOKIE) String token, @NotNull ClinicalForms.Requisition form) {
        return created(writing.requisition(form, sessions.require(token)));
    }

    @POST
    @Path("/charge-executions")
    @RolesAllowed(ClinicalRoles.NURSE) // EP-6.5
    @Consumes(MediaType.APPLICATION_JSON)
    public Response chargeExecution(@CookieParam(Sessions.COOKIE) String token, @NotNull ClinicalForms.ChargeExecution form) {
        return created(writing.chargeExecution(form, sessions.require(token)));
    }

    @POST
    @Path("/exam-registers")
    @RolesAllowed(ClinicalRoles.MEDTECH) // EP-6.6
    @Consumes(MediaType.APPLICATION_JSON)
    public Response examRegister(@CookieParam(Sessions.COOKIE) String token, @NotNull ClinicalForms.ExamRegister form) {
        return created(writing.examRegister(form, sessions.require(token)));
    }

    @POST
    @Path("/dispenses")
    @RolesAllowed(ClinicalRoles.PHARMACIST) // EP-6.7
    @Consumes(MediaType.APPLICATION_JSON)
    public Response dispense(@CookieParam(Sessions.COOKIE) String token, @NotNull ClinicalForms.Dispense form) {
        return created(writing.dispense(form, sessions.require(token)));
    }

    /**
     * Downtime reports: {@code census} (ward census of the snapshot, with allergies), {@code allergies}
     * (the ward's allergy list) or {@code orders} (active orders written here).
     */
    @GET
    @Path("/reports/{report}")
    @RolesAllowed({ClinicalRoles.DOCTOR, ClinicalRoles.NURSE, ClinicalRoles.MEDTECH, ClinicalRoles.PHARMACIST})
    @Produces(MediaType.TEXT_HTML)
    public String report(@CookieParam(Sessions.COOKIE) String token, @PathParam("report") String report) {
        records.requireReader(sessions.require(token));
        String language = texts.language();
        if ("census".equals(report)) {
            return reports.census(language, k -> texts.text(language, k));
        }
        if ("allergies".equals(report)) {
            return reports.allergies(language, k -> texts.text(language, k));
        }
        if ("orders".equals(report)) {
            return reports.activeOrders(language, k -> texts.text(language, k));
        }
        throw notFound();
    }

    /** The forms the signed-in staff member may write (HR-1), in the desk's order. */
    @GET
    @Path("/forms")
    public List<String> forms(@CookieParam(Sessions.COOKIE) String token) {
        return ClinicalRoles.formsOf(sessions.require(token).roles());
    }

    /** A known patient with the allergies of the snapshot, shown on the forms before any drug is written. */
    public record PatientAllergies(String patientId, String name, String inpatientNumber, String ward, String bed, boolean allergiesRecorded,
                                   List<KnownPatient.Allergy> allergies) {
    }

    @GET
    @Path("/patients/{patientId}/allergies")
    @RolesAllowed({ClinicalRoles.DOCTOR, ClinicalRoles.NURSE, ClinicalRoles.MEDTECH, ClinicalRoles.PHARMACIST})
    public PatientAllergies allergies(@CookieParam(Sessions.COOKIE) String token, @PathParam("patientId") String patientId) {
        records.requireReader(sessions.require(token));
        KnownPatient p = reference.patient(patientId.trim())
                .orElseThrow(() -> new KioskRejection(404, "patient-not-found", null, "error.patient.unknown", List.of()));
        return new PatientAllergies(p.patientId(), p.name(), p.inpatientNumber(), p.ward(), p.bed(), p.allergiesRecorded(), p.allergies());
    }

    /** HR-9: a void with its reason and the second person (a supervisor of the form's discipline) who approves it. */
    public record VoidRequest(@jakarta.validation.constraints.Size(max = 1000) String reason,
                              @jakarta.validation.constraints.Size(max = 100) String approverAccountId,
                              @jakarta.validation.constraints.Size(max = 200) String approverPassword) {
        @Override
        public String toString() {
            return "VoidRequest[reason, approver " + approverAccountId + ", password hidden]";
        }
    }

    /**
     * HR-9: a correction: the reason, the whole corrected form (the same fields as the original form's) and the second
     * person who approves it.
     */
    public record CorrectionRequest(@jakarta.validation.constraints.Size(max = 1000) String reason, JsonNode form,
                                    @jakarta.validation.constraints.Size(max = 100) String approverAccountId,
                                    @jakarta.validation.constraints.Size(max = 200) String approverPassword) {
        @Override
        public String toString() {
            return "CorrectionRequest[reason, form, approver " + approverAccountId + ", password hidden]";
        }
    }

    @POST
    @Path("/{id}/void")
    @RolesAllowed({ClinicalRoles.DOCTOR, ClinicalRoles.NURSE, ClinicalRoles.MEDTECH, ClinicalRoles.PHARMACIST})
    @Consumes(MediaType.APPLICATION_JSON)
    public ClinicalRecord voidRecord(@CookieParam(Sessions.COOKIE) String token, @PathParam("id") UUID id,
                                          @jakarta.validation.Valid @NotNull VoidRequest request) {
        return amending.voidRecord(id, request.reason(), request.approverAccountId(), request.approverPassword(), sessions.require(token));
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed({ClinicalRoles.DOCTOR, ClinicalRoles.NURSE, ClinicalRoles.MEDTECH, ClinicalRoles.PHARMACIST})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response correct(@CookieParam(Sessions.COOKIE) String token, @PathParam("id") UUID id,
                            @jakarta.validation.Valid @NotNull CorrectionRequest request) {
        return created(amending.correct(id, request.reason(), request.form(), request.approverAccountId(), request.approverPassword(),
                sessions.require(token)));
    }

    /** A line of the list of this kiosk's records the signed-in person can amend or reprint: no ids on the screen. */
    public record RecentRecord(UUID id, String type, long kioskSeq, java.time.Instant recordedAt, String patientName, String bed,
                               String inpatientNumber, String status, String summary) {
    }

    /** This kiosk's records of the forms the signed-in person writes, newest first (pick one to void, correct or reprint). */
    @GET
    @Path("/recent")
    @RolesAllowed({ClinicalRoles.DOCTOR, ClinicalRoles.NURSE, ClinicalRoles.MEDTECH, ClinicalRoles.PHARMACIST})
    public List<RecentRecord> recent(@CookieParam(Sessions.COOKIE) String token,
                                     @jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue("20") int limit) {
        var staff = sessions.require(token);
        records.requireReader(staff);
        List<org.hospital.continuity.kiosk.clinical.domain.FormType> types = ClinicalRoles.formsOf(staff.roles()).stream()
                .map(t -> org.hospital.continuity.kiosk.clinical.domain.FormType.ofStreamType(t).orElseThrow()).toList();
        return records.recent(types, Math.max(1, Math.min(limit, 100))).stream().map(r -> {
            com.fasterxml.jackson.databind.JsonNode p = r.details().path("patient");
            com.fasterxml.jackson.databind.JsonNode lines = r.details().has("lines") ? r.details().path("lines") : r.details().path("exams");
            StringBuilder summary = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonNode l : lines) {
                String name = l.path("drugName").asText(l.path("name").asText(l.path("description").asText("")));
                summary.append(summary.length() > 0 ? "、" : "").append(name).append(l.has("quantity") ? "×" + l.path("quantity").asText() : "");
            }
            if (summary.length() == 0) {
                summary.append(r.details().path("content").asText(""));
            }
            return new RecentRecord(r.id(), r.type().streamType(), r.kioskSeq(), r.recordedAt(), p.path("name").asText(null),
                    p.path("bed").asText(null), p.path("inpatientNumber").asText(null), r.status().name(),
                    summary.length() > 60 ? summary.substring(0, 60) + "…" : summary.toString());
        }).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ClinicalRoles.DOCTOR, ClinicalRoles.NURSE, ClinicalRoles.MEDTECH, ClinicalRoles.PHARMACIST})
    public ClinicalRecord get(@CookieParam(Sessions.COOKIE) String token, @PathParam("id") UUID id) {
        records.requireReader(sessions.require(token));
        return records.byId(id).orElseThrow(ClinicalResource::notFound);
    }

    @GET
    @Path("/{id}/print")
    @RolesAllowed({ClinicalRoles.DOCTOR, ClinicalRoles.NURSE, ClinicalRoles.MEDTECH, ClinicalRoles.PHARMACIST})
    @Produces(MediaType.TEXT_HTML)
    public String print(@CookieParam(Sessions.COOKIE) String token, @PathParam("id") UUID id) {
        records.requireReader(sessions.require(token));
        String language = texts.language();
        return PrintedForm.html(records.byId(id).orElseThrow(ClinicalResource::notFound), language, k -> texts.text(language, k), zone,
                kioskName(), sessions::nameOf, ref -> recordNo(ref), journal.training(id));
    }

    /** A record this kiosk holds, as people find it on paper and screens: "#" and its number on this kiosk. */
    private String recordNo(String id) {
        try {
            return records.byId(UUID.fromString(id)).map(x -> "#" + x.kioskSeq()).orElse(null);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private String kioskName() {
        return enrolled.identity().map(org.hospital.continuity.kiosk.enrolment.KioskIdentity::kioskName).orElse("");
    }

    private static Response created(ClinicalRecord r) {
        return Response.created(URI.create("/api/clinical/" + r.id())).entity(r).build();
    }

    private static KioskRejection notFound() {
        return new KioskRejection(404, "record-not-found", null, "error.record.unknown", java.util.List.of());
    }
}
