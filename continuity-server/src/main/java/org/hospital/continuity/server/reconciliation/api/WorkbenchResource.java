package org.hospital.continuity.server.reconciliation.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.hospital.continuity.server.reconciliation.app.WorkingTheQueue;
import org.hospital.continuity.server.reconciliation.domain.CorrectionApprovals;
import org.hospital.continuity.server.reconciliation.domain.Parcels;
import org.hospital.continuity.server.reconciliation.domain.WorkbenchAction;
import org.hospital.continuity.server.writeback.Workbench;
import org.hospital.continuity.server.writeback.OutageTraces;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.sync.matching.MatchScore;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.ScoreComponent;
import org.hospital.continuity.sync.matching.Sex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reconciliation workbench for data-entry teams (EP-8.4, EP-8.5): the queue, one item with the
 * record as captured and the HIS candidates side by side (every such read is recorded, HR-12), the actions
 * (who and why recorded, HR-8; corrections as new entries, HR-9) and parcels with their deadlines.
 */
@Path("/api/workbench")
@Produces(MediaType.APPLICATION_JSON)
public class WorkbenchResource {

    /** The staff role of cashiers (granted under its own name): they work the IOU / deferred-insurance to-do. */
    static final String CASHIER = "cashier";

    private static final String INCIDENT = "[A-Za-z0-9._:-]{1,100}";

    private final WorkingTheQueue queue;
    private final SecurityIdentity identity;

    private final org.hospital.continuity.server.writeback.WriteBackFigures figures;
    private final org.hospital.continuity.server.kiosk.Kiosks kiosks;

    public WorkbenchResource(WorkingTheQueue queue, SecurityIdentity identity,
                             org.hospital.continuity.server.writeback.WriteBackFigures figures,
                             org.hospital.continuity.server.kiosk.Kiosks kiosks) {
        this.kiosks = kiosks;
        this.figures = figures;
        this.queue = queue;
        this.identity = identity;
    }

    /**
     * A queue row: no patient data (only reading one item shows it, and that is recorded). {@code writePending}: a
     * person decided the patient; the next write-back run writes the visit and closes the item.
     */
    public record ItemSummary(UUID id, String incident, UUID visitId, String kioskId, String departmentCode, String reason,
                              String detail, boolean blocking, boolean important, Instant raisedAt, Instant resolvedAt,
                              boolean writePending) {
        static ItemSummary of(Workbench.Stored s) {
            WorkbenchItem i = s.item();
            return new ItemSummary(i.id(), i.incident(), i.visitId(), i.kioskId(), i.departmentCode(), i.reason().name(), i.detail(),
                    i.blocking(), Parcels.important(i), i.raisedAt(), s.resolvedAt(), s.decided() && s.resolvedAt() == null);
        }
    }

    public record PatientView(String ref, String name, String sex, LocalDate birthDate, String phone, String idNumber) {
    }

    /**
     * One field's comparison, the explainable score: how it compared, the evidence it gave (bits, one decimal), and
     * whether the agreed value is common or rare in the HIS ({@code sharedBy} patients hold it; -1 when not known).
     */
    public record ComponentView(String field, String outcome, double weight, boolean common, boolean rare, long sharedBy) {
        static ComponentView of(ScoreComponent c) {
            return new ComponentView(c.field().name(), c.outcome().name(), Math.round(c.weight() * 10) / 10.0, c.commonValue(),
                    c.rareValue(), c.sharedBy());
        }
    }

    /**
     * A candidate: {@code score} = the sum of the parts (bits, one decimal); {@code probability} that it is the person,
     * as matching weighed it against the other candidates and "a new patient" (null for a person's own search).
     */
    public record CandidateView(PatientView patient, double score, Double probability, String explanation,
                                List<ComponentView> components) {
        static CandidateView of(MatchScore m) {
            return new CandidateView(new PatientView(m.candidate().ref(), m.candidate().name(),
                    m.candidate().sex() == null ? null : m.candidate().sex().name(), m.candidate().birthDate(), m.candidate().phone(),
                    m.candidate().nationalId()), Math.round(m.total() * 10) / 10.0, m.probability(), m.explain(),
                    m.components().stream().map(ComponentView::of).toList());
        }
    }

    public record LineView(String kind, String code, String name, int quantity, long unitPriceFen) {
    }

    public record CapturedView(String downtimeNumber, PatientView patient, String departmentCode, String doctorCode,
                               Instant registeredAt, String kioskId, String operator, String paperFormId, List<LineView> lines) {
    }

    public record ItemView(ItemSummary item, CapturedView captured, List<CandidateView> candidates) {
        static ItemView of(Workbench.Stored s) {
            WorkbenchItem i = s.item();
            VisitDraft d = i.captured();
            var p = d.patient();
            CapturedView c = new CapturedView(d.downtimeNumber(), new PatientView(null, p.name(), p.sex() == null ? null : p.sex().name(),
                    p.birthDate(), p.phone(), p.nationalId()), d.departmentCode(), d.doctorCode(), d.registeredAt(), d.kioskId(),
                    d.operator(), d.paperFormId(), d.lines().stream().map(l -> new LineView(l.kind(), l.code(), l.name(), l.quantity(),
                    l.unitPriceFen())).toList());
            List<CandidateView> cands = i.candidates().stream().map(CandidateView::of).toList();
            return new ItemView(ItemSummary.of(s), c, cands);
        }
    }

    public enum ActionKind { ACCEPT_MATCH, CHOOSE_ANOTHER, CREATE_NEW, CORRECT, MERGE, UNMERGE, MARK_TRACED }

    /** An action on an item; {@code why} is always required (HR-8). */
    public record ActionRequest(@NotNull ActionKind action, @NotBlank @Size(max = 1000) String why,
                                @Size(max = 200) String hisPatientRef, @Size(max = 40) String field,
                                @Size(max = 200) String newValue, @Size(max = 50) List<@NotNull UUID> visitIds) {
    }

    /** An action; an approved correction also names the clerk ({@code actorName}) and the second person who approved it (HR-9). */
    public record ActionView(UUID id, String action, String actor, String why, String hisPatientRef, String field, String newValue,
                             Instant at, String actorName, String approvedBy, String approvedByName, String approvalWhy) {
    }

    /**
     * HR-9: a correction a clerk asked for, with the value as captured beside the new one, who asked and why, and, once
     * decided, who decided, their note and when. Shows patient data: every listing is recorded (HR-12).
     */
    public record CorrectionView(UUID id, UUID itemId, String incident, String field, String capturedValue, String newValue, String why,
                                 String requestedBy, String requestedByName, String requestedByDepartment, Instant requestedAt,
                                 String status, String decidedBy, String decidedByName, String decisionWhy, Instant decidedAt,
                                 UUID actionId) {
        static CorrectionView of(Workbench.CorrectionRequest r, String captured) {
            return new CorrectionView(r.id(), r.itemId(), r.incident(), r.field(), captured, r.newValue(), r.why(),
                    r.requestedBy().accountId(), r.requestedBy().name(), r.requestedBy().departmentCode(), r.requestedAt(),
                    r.status().name(), r.decidedBy(), r.decidedByName(), r.decisionWhy(), r.decidedAt(), r.actionId());
        }
    }

    /** The approver's note (optional). */
    public record Approval(@Size(max = 1000) String note) {
    }

    /** Why the correction is refused (required, HR-8). */
    public record Refusal(@Size(max = 1000) String why) {
    }

    public record Assignment(@NotBlank @Size(max = 64) String area, @NotBlank @Size(max = 100) String owner) {
    }

    public record ParcelRequest(@NotNull Parcels.SplitBy splitBy, @NotEmpty @Size(max = 200) List<@Valid @NotNull Assignment> assignments) {
    }

    public record IncidentView(String incident, long total, long open, Instant firstRaisedAt) {
    }

    /**
     * Incidents whose write-back is held because the HIS does not take the records (EP-8.4): the workbench says so
     * instead of "nothing to do" while records wait.
     */
    @GET
    @Path("/holds")
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN, CASHIER, Roles.DEPARTMENT_HEAD})
    public io.smallrye.mutiny.Uni<List<org.hospital.continuity.server.writeback.WriteBackFigures.HeldIncident>> holds() {
        return figures.holds();
    }

    /** The incidents that have workbench items (no patient data). */
    @GET
    @Path("/incidents")
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN, CASHIER, Roles.DEPARTMENT_HEAD})
    public List<IncidentView> incidents() {
        return queue.incidents().stream().map(c -> new IncidentView(c.incident(), c.total(), c.open(), c.first())).toList();
    }

    /**
     * EP-6.7.5 dispense mismatches to trace and the cashiers' IOU / deferred-insurance to-do; the read is recorded (HR-12).
     * HR-5 (no bulk reading of patients): data entry and IT administrators, who work the whole reconciliation, see all of
     * it; a cashier sees only the cashier to-do of the kiosks of their own department (names and phones of their own desk's
     * IOU slips), never the dispense traces nor other wards' slips.
     */
    @GET
    @Path("/incidents/{incident}/traces")
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN, CASHIER})
    public WorkingTheQueue.TracesView traces(@PathParam("incident") @Pattern(regexp = INCIDENT) String incident) {
        String reader = actor();
        if (identity.hasRole(Roles.DATA_ENTRY) || identity.hasRole(Roles.ADMIN)) {
            return queue.tracesView(incident, reader, WorkingTheQueue.TraceScope.ALL);
        }
        String department = Staff.of(identity).departmentCode();
        java.util.Set<String> own = kiosks.kiosks().await().indefinitely().stream()
                .filter(k -> department != null && department.equals(k.departmentCode()))
                .map(org.hospital.continuity.server.kiosk.Kiosks.Kiosk::kioskId).collect(java.util.stream.Collectors.toSet());
        return queue.tracesView(incident, reader, new WorkingTheQueue.TraceScope(false, own));
    }

    /** What closing a trace says: why (HR-8). */
    public record CloseTrace(@Size(max = 500) String why) {
    }

    /** EP-6.7.5 closes a dispense trace with who (the signed-in account) and why; 404 for a trace the incident does not have. */
    @POST
    @Path("/incidents/{incident}/traces/{key}/close")
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN, CASHIER})
    public void closeTrace(@PathParam("incident") @Pattern(regexp = INCIDENT) String incident,
                           @PathParam("key") @Size(max = 300) String key, CloseTrace body) {
        queue.closeTrace(incident, key, actor(), body == null ? null : body.why());
    }

    /** Searches the HIS for another patient for the item, each scored against the record as captured (recorded, HR-12). */
    @GET
    @Path("/items/{id}/his-search")
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN})
    public List<CandidateView> searchHis(@PathParam("id") UUID id, @QueryParam("name") @Size(max = 100) String name,
                                         @QueryParam("phone") @Size(max = 40) String phone,
                                         @QueryParam("idNumber") @Size(max = 40) String idNumber,
                                         @QueryParam("birthDate") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String birthDate) {
        if (blank(name) && blank(phone) && blank(idNumber) && blank(birthDate)) {
            throw new DomainRejection(422, "his-search-empty", null, "Search by name, phone, ID number or date of birth.");
        }
        PatientFacts q = new PatientFacts("search", blank(name) ? null : name.trim(), Sex.UNKNOWN,
                blank(birthDate) ? null : LocalDate.parse(birthDate), blank(phone) ? null : phone.trim(),
                blank(idNumber) ? null : idNumber.trim());
        return queue.searchHis(id, q, actor()).stream().map(CandidateView::of).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @GET
    @Path("/incidents/{incident}/items")
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN})
    public List<ItemSummary> queue(@PathParam("incident") @Pattern(regexp = INCIDENT) String incident,
                                   @QueryParam("open") @DefaultValue("true") boolean open,
                                   @QueryParam("splitBy") @DefaultValue("DEPARTMENT") Parcels.SplitBy splitBy,
                                   @QueryParam("area") @Size(max = 64) String area) {
        return queue.queue(incident, open, splitBy, area).stream().map(ItemSummary::of).toList();
    }

    @GET
    @Path("/items/{id}")
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN})
    public ItemView item(@PathParam("id") UUID id) {
        return ItemView.of(queue.read(id, actor()));
    }

    @GET
    @Path("/items/{id}/actions")
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN, Roles.LEADERSHIP})
    public List<ActionView> history(@PathParam("id") UUID id) {
        return queue.history(id).stream().map(a -> new ActionView(a.id(), a.action(), a.actor(), a.why(), a.hisPatientRef(), a.field(),
                a.newValue(), a.at(), a.actorName(), a.approvedBy(), a.approvedByName(), a.approvalWhy())).toList();
    }

    /**
     * HR-9: the corrections of an incident that wait for a second person ({@code pending=true}, the default) or all of them.
     * Data entry and IT administrators see all; a department head those asked by their own department's staff. Recorded (HR-12).
     */
    @GET
    @Path("/incidents/{incident}/corrections")
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN, Roles.DEPARTMENT_HEAD})
    public List<CorrectionView> corrections(@PathParam("incident") @Pattern(regexp = INCIDENT) String incident,
                                            @QueryParam("pending") @DefaultValue("true") boolean pending) {
        String reader = actor();
        String department = identity.hasRole(Roles.DATA_ENTRY) || identity.hasRole(Roles.ADMIN) ? null
                : java.util.Objects.requireNonNullElse(Staff.of(identity).departmentCode(), "");
        return queue.corrections(incident, pending, department, reader).stream()
                .map(c -> CorrectionView.of(c.request(), c.capturedValue())).toList();
    }

    /** HR-9: the correction requests of one item, oldest first (who asked, who decided). */
    @GET
    @Path("/items/{id}/corrections")
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN})
    public List<CorrectionView> correctionsOf(@PathParam("id") UUID id) {
        queue.history(id); // 404 for an unknown item
        return queue.correctionsOf(id).stream().map(r -> CorrectionView.of(r, null)).toList();
    }

    /**
     * HR-9: a department head approves a correction one of their department's clerks asked for; it then takes effect (the
     * item closes, the next write-back run uses it). 403 for the clerk themself or another department, 409 once decided.
     */
    @POST
    @Path("/corrections/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.DEPARTMENT_HEAD)
    public WorkingTheQueue.Acted approve(@PathParam("id") UUID id, @Valid Approval body) {
        return queue.approveCorrection(id, decider(), person(), body == null ? null : body.note());
    }

    /** HR-9: a department head refuses a correction, saying why; the record stays as it was. */
    @POST
    @Path("/corrections/{id}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.DEPARTMENT_HEAD)
    public WorkingTheQueue.Acted refuse(@PathParam("id") UUID id, @Valid Refusal body) {
        return queue.refuseCorrection(id, decider(), person(), body == null ? null : body.why());
    }

    private CorrectionApprovals.Decider decider() {
        Staff s = staff();
        return new CorrectionApprovals.Decider(s.accountId().toString(), s.personId() == null ? null : s.personId().toString(),
                s.departmentCode(), identity.hasRole(Roles.DEPARTMENT_HEAD));
    }

    private Workbench.Person person() {
        Staff s = staff();
        return new Workbench.Person(s.accountId().toString(), s.personName(), s.personId() == null ? null : s.personId().toString(),
                s.departmentCode());
    }

    @POST
    @Path("/items/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN})
    public WorkingTheQueue.Acted act(@PathParam("id") UUID id, @NotNull @Valid ActionRequest r) {
        return queue.act(id, toAction(r, actor()), person());
    }

    @GET
    @Path("/incidents/{incident}/parcels")
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.IT, Roles.ADMIN, Roles.LEADERSHIP, Roles.DEPARTMENT_HEAD})
    public List<WorkingTheQueue.ParcelView> parcels(@PathParam("incident") @Pattern(regexp = INCIDENT) String incident,
                                                    @QueryParam("splitBy") @DefaultValue("DEPARTMENT") Parcels.SplitBy splitBy) {
        return queue.parcels(incident, splitBy);
    }

    /** EP-8.5: the lead gives parcels to people. */
    @POST
    @Path("/incidents/{incident}/parcels")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({Roles.DATA_ENTRY, Roles.ADMIN, Roles.DEPARTMENT_HEAD})
    public List<WorkingTheQueue.ParcelView> assign(@PathParam("incident") @Pattern(regexp = INCIDENT) String incident,
                                                   @NotNull @Valid ParcelRequest r) {
        Map<String, String> owners = new LinkedHashMap<>();
        r.assignments().forEach(a -> owners.put(a.area(), a.owner()));
        return queue.assign(incident, r.splitBy(), owners, actor());
    }

    private String actor() {
        return staff().accountId().toString();
    }

    private Staff staff() {
        Staff s = Staff.of(identity);
        if (s == null) {
            throw new DomainRejection(403, "staff-only", "HR-2", "Only a signed-in staff account may use the workbench.");
        }
        return s;
    }

    static WorkbenchAction toAction(ActionRequest r, String actor) {
        switch (r.action()) {
            case ACCEPT_MATCH:
                return new WorkbenchAction.AcceptMatch(required(r.hisPatientRef(), "hisPatientRef"), actor, r.why());
            case CHOOSE_ANOTHER:
                return new WorkbenchAction.ChooseAnother(required(r.hisPatientRef(), "hisPatientRef"), actor, r.why());
            case CREATE_NEW:
                return new WorkbenchAction.CreateNew(actor, r.why());
            case CORRECT:
                return new WorkbenchAction.Correct(required(r.field(), "field"), r.newValue(), actor, r.why());
            case MERGE:
                return new WorkbenchAction.Merge(ids(r), actor, r.why());
            case UNMERGE:
                return new WorkbenchAction.Unmerge(ids(r), actor, r.why());
            default:
                return new WorkbenchAction.MarkTraced(actor, r.why());
        }
    }

    private static List<String> ids(ActionRequest r) {
        return r.visitIds() == null ? List.of() : r.visitIds().stream().map(UUID::toString).toList();
    }

    private static String required(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new DomainRejection(422, "workbench-action-incomplete", null, "This action needs " + field + ".");
        }
        return v;
    }
}
