package org.hospital.continuity.server.reconciliation.app;

import org.hospital.continuity.server.incident.Incidents;
import org.hospital.continuity.server.incident.Incident;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.writeback.Corrections;
import org.hospital.continuity.server.reconciliation.domain.CorrectionApprovals;
import org.hospital.continuity.server.reconciliation.domain.Parcels;
import org.hospital.continuity.server.reconciliation.domain.WorkbenchAction;
import org.hospital.continuity.server.reconciliation.domain.WorkbenchDecisions;
import org.hospital.continuity.server.reconciliation.persistence.TraceClosures;
import org.hospital.continuity.server.writeback.Workbench;
import org.hospital.continuity.server.writeback.OutageTraces;
import org.hospital.continuity.server.writeback.SyncedEntries;
import org.hospital.continuity.server.writeback.WriteBackConfig;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.WorkbenchReason;
import org.hospital.continuity.server.writeback.WriteBackLedger;

import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.matching.Frequencies;
import org.hospital.continuity.sync.matching.MatchModel;
import org.hospital.continuity.sync.matching.MatchScore;
import org.hospital.continuity.sync.matching.PatientMatcher;
import org.hospital.continuity.sync.matching.RetrievedFrequencies;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Scoring;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reconciliation workbench (EP-8.4, EP-8.5): the queue, reading an item (recorded, HR-12),
 * acting on it (decided by {@link WorkbenchDecisions}, recorded with who and why, HR-8/HR-9), parcels and
 * their progress. Blocking; called from worker threads.
 */
@ApplicationScoped
public class WorkingTheQueue {

    private final Workbench store;
    private final InstantSource clock;
    private final ZoneId zone;

    private final WriteBackLedger ledger;
    private final Incidents incidents;
    private final SyncedEntries entries;
    private final HisPort his;
    private final TraceClosures closures;
    private final org.hospital.continuity.server.audit.AuditLog audit;

    public WorkingTheQueue(Workbench store, InstantSource clock, WriteBackConfig config, WriteBackLedger ledger,
                           SyncedEntries entries, HisPort his, Incidents incidents, TraceClosures closures,
                           org.hospital.continuity.server.audit.AuditLog audit) {
        this.audit = audit;
        this.closures = closures;
        this.incidents = incidents;
        this.store = store;
        this.entries = entries;
        this.his = his;
        this.ledger = ledger;
        this.clock = clock;
        this.zone = ZoneId.of(config.zone());
    }

    /** The queue of an incident, optionally one parcel's area only. */
    public List<Workbench.Stored> queue(String incident, boolean openOnly, Parcels.SplitBy by, String area) {
        List<Workbench.Stored> all = store.items(incident, openOnly);
        if (area == null) {
            return all;
        }
        return all.stream().filter(s -> area.equals(areaOf(s.item(), by))).toList();
    }

    /** An item with the captured record and the candidates: the reading is recorded against the reader (HR-12). */
    public Workbench.Stored read(UUID id, String reader) {
        Workbench.Stored s = store.item(id).orElseThrow(() -> DomainRejection.notFound("Workbench item " + id));
        store.recordRead(s.item(), reader, clock.instant());
        Log.infof("workbench read item=%s visit=%s by=%s", id, s.item().visitId(), reader);
        return s;
    }

    /** The incidents with workbench items. */
    public List<Workbench.IncidentCount> incidents() {
        return store.incidents();
    }

    /** The traces of an incident with the closed ones apart (who closed each, why). */
    public record TracesView(List<org.hospital.continuity.sync.crosscheck.DispenseCrossCheck.TraceItem> dispenseMismatches,
                             List<ClosedTrace> closedTraces, List<org.hospital.continuity.sync.crosscheck.DispenseCrossCheck.Outstanding> stillToDispense,
                             List<org.hospital.continuity.sync.crosscheck.CashierTodo.Todo> cashierTodo) {
    }

    /** A trace a person closed, with why. */
    public record ClosedTrace(org.hospital.continuity.sync.crosscheck.DispenseCrossCheck.TraceItem trace, String closedBy, String why,
                              java.time.Instant closedAt) {
    }

    /** EP-6.7.5 open and closed dispense mismatches, what is still to dispense, the cashiers' to-do; the read is recorded (HR-12). */
    /**
     * Whose traces a reader sees (HR-5): all of them (data entry, IT), or only the cashier to-do of the entries of the given
     * kiosks (a cashier: their own department's kiosks), without the dispense traces.
     */
    public record TraceScope(boolean all, java.util.Set<String> kioskIds) {
        public static final TraceScope ALL = new TraceScope(true, java.util.Set.of());

        public TraceScope {
            kioskIds = java.util.Set.copyOf(kioskIds);
        }
    }

    public TracesView tracesView(String incident, String reader) {
        return tracesView(incident, reader, TraceScope.ALL);
    }

    public TracesView tracesView(String incident, String reader, TraceScope scope) {
        if (!scope.all()) {
            OutageTraces.Traces own = OutageTraces.of(entries.entries(incident).stream()
                    .filter(e -> scope.kioskIds().contains(e.kioskId())).toList());
            store.recordTraceRead(incident, "TRACES", null, reader, clock.instant());
            Log.infof("workbench cashier traces incident=%s by=%s kiosks=%d todo=%d", incident, reader, scope.kioskIds().size(),
                    own.cashierTodo().size());
            return new TracesView(List.of(), List.of(), List.of(), own.cashierTodo());
        }
        OutageTraces.Traces t = traces(incident, reader);
        var closed = closures.closed(incident);
        List<org.hospital.continuity.sync.crosscheck.DispenseCrossCheck.TraceItem> open = new java.util.ArrayList<>();
        List<ClosedTrace> done = new java.util.ArrayList<>();
        for (var item : t.dispenseMismatches()) {
            var c = closed.get(item.key());
            if (c == null) {
                open.add(item);
            } else {
                done.add(new ClosedTrace(item, c.actor(), c.why(), c.closedAt()));
            }
        }
        return new TracesView(open, done, t.stillToDispense(), t.cashierTodo());
    }

    /** EP-6.7.5 a person closes a trace (traced: the patient called back, the stock corrected …) with why (HR-8). */
    public void closeTrace(String incident, String traceKey, String actor, String why) {
        if (why == null || why.isBlank()) {
            throw new DomainRejection(422, "trace-closure-needs-why", "HR-8", "Every closure says why.");
        }
        boolean exists = OutageTraces.of(entries.entries(incident)).dispenseMismatches().stream().anyMatch(t -> t.key().equals(traceKey));
        if (!exists) {
            throw DomainRejection.notFound("Trace " + traceKey);
        }
        closures.close(incident, traceKey, actor, why.trim(), clock.instant());
        Log.infof("workbench trace closed incident=%s by=%s", incident, actor);
    }

    /** EP-6.7.5 dispense mismatches and the cashiers' to-do of the incident; the reading is recorded (HR-12). */
    public OutageTraces.Traces traces(String incident, String reader) {
        OutageTraces.Traces t = OutageTraces.of(entries.entries(incident));
        store.recordTraceRead(incident, "TRACES", null, reader, clock.instant());
        Log.infof("workbench traces incident=%s by=%s dispense=%d todo=%d", incident, reader, t.dispenseMismatches().size(),
                t.cashierTodo().size());
        return t;
    }

    /**
     * Another HIS patient for the item (the person searches by name, phone, ID number or birth date), each scored
     * against the record as captured; the search is recorded against the reader (HR-12).
     */
    public List<MatchScore> searchHis(UUID id, PatientFacts query, String reader) {
        Workbench.Stored s = store.item(id).orElseThrow(() -> DomainRejection.notFound("Workbench item " + id));
        PatientFacts captured = s.item().captured().patient();
        Candidates found;
        long patients;
        try {
            // the person's search is answered like matching's: every block whole, every page
            found = new PatientMatcher(his).candidates(query);
            patients = his.patientCount();
        } catch (RuntimeException e) {
            throw new DomainRejection(503, "his-unavailable", "EP-8.4", "The HIS does not answer; try again when it is back.");
        }
        store.recordTraceRead(s.item().incident(), "HIS_SEARCH", id, reader, clock.instant());
        Frequencies freq = new RetrievedFrequencies(found, Math.max(patients, Math.max(1, found.patients().size())));
        return found.patients().stream().map(c -> Scoring.score(captured, c, MatchModel.defaults(), freq))
                .sorted(Comparator.comparingDouble(MatchScore::total).reversed()).limit(20).toList();
    }

    public List<Workbench.ActionRow> history(UUID id) {
        store.item(id).orElseThrow(() -> DomainRejection.notFound("Workbench item " + id));
        return store.actions(id);
    }

    /** What an action did. */
    public record Acted(UUID actionId, String outcome) {
    }

    public Acted act(UUID id, WorkbenchAction action) {
        return act(id, action, new Workbench.Person(action.actor(), action.actor(), null, null));
    }

    /**
     * Acts on an item as {@code by}. A correction (HR-9) takes no effect here: it is kept as a request waiting for a second
     * person ({@link #approveCorrection}); the outcome is APPROVAL_PENDING and the action id the request's.
     */
    public Acted act(UUID id, WorkbenchAction action, Workbench.Person by) {
        Workbench.Stored s = store.item(id).orElseThrow(() -> DomainRejection.notFound("Workbench item " + id));
        // a merge or un-merge corrects an earlier grouping decision, so it may follow on a resolved item (HR-9: a new entry)
        if (s.resolvedAt() != null && !(action instanceof WorkbenchAction.Unmerge) && !(action instanceof WorkbenchAction.Merge)) {
            throw DomainRejection.conflict("workbench-item-resolved", "HR-9",
                    "This item was already resolved; its history shows who resolved it and why.");
        }
        WorkbenchItem item = s.item();
        WorkbenchDecisions.Decision d = WorkbenchDecisions.decide(item, action);
        Instant now = clock.instant();
        String kind = kind(action);
        UUID actionId;
        String outcome;
        if (d instanceof WorkbenchDecisions.Rejected r) {
            throw DomainRejection.conflict("workbench-action-rejected", r.rule(), r.reason());
        } else if (d instanceof WorkbenchDecisions.WriteUnder w) {
            // the next write-back run writes the visit under this patient; the write closes the item
            actionId = store.act(id, item.visitId(), kind, action.actor(), action.why(), w.hisPatientRef(), null, null,
                    w.hisPatientRef(), false, now);
            outcome = "WRITE_PENDING";
        } else if (d instanceof WorkbenchDecisions.Corrected c) {
            Optional<String> bad = Corrections.invalid(c.field(), c.newValue());
            if (bad.isPresent()) {
                throw new DomainRejection(422, "workbench-correction-invalid", "HR-9", bad.get());
            }
            // HR-9: kept until a second person approves it; the record and the item stay as they are
            actionId = store.requestCorrection(item, c.field(), c.newValue(), action.why().trim(), by, now)
                    .orElseThrow(() -> DomainRejection.conflict("correction-pending", "HR-9",
                            "A correction of this item already waits for approval; it is approved or refused first."));
            outcome = "APPROVAL_PENDING";
        } else if (d instanceof WorkbenchDecisions.Regrouped g) {
            List<String> visits = action instanceof WorkbenchAction.Merge m ? m.visitIds() : ((WorkbenchAction.Unmerge) action).visitIds();
            if (!visits.contains(item.visitId().toString())) {
                throw new DomainRejection(422, "workbench-regroup-foreign", "issue-9", "A merge or un-merge names this item's registration.");
            }
            // the item closes; the next run writes the visits with the new grouping (held again if still in doubt)
            actionId = store.act(id, item.visitId(), kind, action.actor(), action.why(), null, "visits", String.join(",", visits),
                    null, true, now);
            // the other registrations' "possible duplicate" items are answered by the same decision
            store.resolveDuplicateItems(visits.stream().map(UUID::fromString).toList(), now);
            Map<UUID, String> written = store.writtenPatients(visits.stream().map(UUID::fromString).toList());
            long distinct = written.values().stream().distinct().count();
            // after write-back the HIS already holds the visits: a person follows up there, nothing changes silently
            boolean followUp = g.merged() ? distinct >= 2 : written.size() >= 2 && distinct < written.size();
            if (followUp) {
                String detail = (g.merged() ? "MERGE in HIS: " : "UNMERGE in HIS: ") + String.join(", ", new java.util.TreeSet<>(written.values()))
                        + " (visits " + String.join(", ", visits) + ")";
                ledger.raise(new WorkbenchItem(UUID.randomUUID(), item.incident(), item.visitId(), item.kioskId(), item.departmentCode(),
                        WorkbenchReason.FOLLOW_UP_IN_HIS, detail, item.captured(), List.of(), false, now));
            }
            outcome = followUp ? "FOLLOW_UP_IN_HIS" : g.merged() ? "MERGED" : "UNMERGED";
        } else {
            actionId = store.act(id, item.visitId(), kind, action.actor(), action.why(), null, null, null, null, true, now);
            outcome = "TRACED";
        }
        Log.infof("workbench action=%s item=%s by=%s outcome=%s", kind, id, action.actor(), outcome);
        return new Acted(actionId, outcome);
    }

    /**
     * HR-9: the correction requests of an incident for a second person to decide (only those of the reader's own department
     * when {@code department} is given); the reading shows patient data (the captured and the new value) and is recorded.
     */
    public List<Correction> corrections(String incident, boolean pendingOnly, String department, String reader) {
        List<Workbench.CorrectionRequest> found = store.correctionRequests(incident, pendingOnly).stream()
                .filter(r -> department == null || department.equals(r.requestedBy().departmentCode()))
                .limit(200).toList();
        store.recordTraceRead(incident, "CORRECTIONS", null, reader, clock.instant());
        Map<UUID, Optional<Workbench.Stored>> items = new java.util.HashMap<>();
        return found.stream().map(r -> new Correction(r, items.computeIfAbsent(r.itemId(), store::item)
                .map(s -> capturedValue(s.item(), r.field())).orElse(null))).toList();
    }

    /** A correction request with the value as captured, for the approver to compare. */
    public record Correction(Workbench.CorrectionRequest request, String capturedValue) {
    }

    /** The correction requests of one item (its history shows them). */
    public List<Workbench.CorrectionRequest> correctionsOf(UUID itemId) {
        return store.correctionRequestsOf(itemId);
    }

    /**
     * HR-9: a second person approves a clerk's correction: the correction becomes a CORRECT action attributed to the clerk
     * and naming the approver, the item closes and the next write-back run uses it; both names and the reasons go to the
     * audit log. 403 for the clerk themself, another role or another department; 409 once decided or the item resolved.
     */
    public Acted approveCorrection(UUID requestId, CorrectionApprovals.Decider decider, Workbench.Person approver, String note) {
        Workbench.CorrectionRequest r = decidable(requestId, decider);
        Instant now = clock.instant();
        String clean = note == null || note.isBlank() ? null : note.trim();
        switch (store.approveCorrection(requestId, approver, clean, now)) {
            case NOT_PENDING -> throw DomainRejection.conflict("correction-decided", "HR-9",
                    "This correction was already decided; its history shows by whom.");
            case ITEM_RESOLVED -> throw DomainRejection.conflict("workbench-item-resolved", "HR-9",
                    "This item was resolved otherwise while the correction waited; refuse the correction.");
            default -> {
            }
        }
        Workbench.CorrectionRequest done = store.correctionRequest(requestId).orElseThrow();
        audit(done, approver, "CORRECTION_APPROVED");
        Log.infof("workbench correction approved request=%s item=%s by=%s asked-by=%s", requestId, r.itemId(), approver.accountId(),
                r.requestedBy().accountId());
        return new Acted(done.actionId(), "CORRECTED");
    }

    /** HR-9: a second person refuses a clerk's correction, saying why; the record stays as it was. */
    public Acted refuseCorrection(UUID requestId, CorrectionApprovals.Decider decider, Workbench.Person refuser, String why) {
        if (why == null || why.isBlank()) {
            throw new DomainRejection(422, "correction-refusal-needs-why", "HR-8", "A refusal says why.");
        }
        Workbench.CorrectionRequest r = decidable(requestId, decider);
        if (store.refuseCorrection(requestId, refuser, why.trim(), clock.instant()) != Workbench.Decided.DONE) {
            throw DomainRejection.conflict("correction-decided", "HR-9", "This correction was already decided; its history shows by whom.");
        }
        audit(store.correctionRequest(requestId).orElseThrow(), refuser, "CORRECTION_REFUSED");
        Log.infof("workbench correction refused request=%s item=%s by=%s asked-by=%s", requestId, r.itemId(), refuser.accountId(),
                r.requestedBy().accountId());
        return new Acted(requestId, "REFUSED");
    }

    private Workbench.CorrectionRequest decidable(UUID requestId, CorrectionApprovals.Decider decider) {
        Workbench.CorrectionRequest r = store.correctionRequest(requestId)
                .orElseThrow(() -> DomainRejection.notFound("Correction request " + requestId));
        CorrectionApprovals.check(r, decider).ifPresent(no -> {
            throw new DomainRejection(no.status(), no.slug(), no.rule(), no.reason());
        });
        return r;
    }

    /**
     * HR-8/HR-9 in the audit log: who asked, who decided (accounts and names; staff names are not patient data), the field,
     * the request and the action. The reasons stay in the workbench's own tables with the request: a clerk's reason may
     * quote the patient ("纸质表为张伟"), and the audit log holds no patient data (HR-12).
     */
    private void audit(Workbench.CorrectionRequest r, Workbench.Person decider, String what) {
        String detail = what + " request=" + r.id() + " item=" + r.itemId() + " field=" + r.field()
                + " asked-by=" + r.requestedBy().accountId() + " (" + r.requestedBy().name() + ")"
                + " decided-by=" + decider.accountId() + " (" + decider.name() + ")"
                + (r.actionId() == null ? "" : " action=" + r.actionId());
        audit.record(new org.hospital.continuity.server.audit.AuditLog.Event(decider.accountId(), "STAFF", what,
                "CORRECTION", "SUCCESS", null, "workbench-correction", r.id().toString(), detail)).await().indefinitely();
    }

    private static String capturedValue(WorkbenchItem item, String field) {
        var d = item.captured();
        var p = d.patient();
        return switch (field) {
            case "name" -> p.name();
            case "sex" -> p.sex() == null ? null : p.sex().name();
            case "birthDate" -> p.birthDate() == null ? null : p.birthDate().toString();
            case "phone" -> p.phone();
            case "idNumber" -> p.nationalId();
            case "departmentCode" -> d.departmentCode();
            default -> d.lines().stream().map(l -> l.code()).distinct().collect(java.util.stream.Collectors.joining(", "));
        };
    }

    static String kind(WorkbenchAction a) {
        if (a instanceof WorkbenchAction.AcceptMatch) {
            return "ACCEPT_MATCH";
        } else if (a instanceof WorkbenchAction.ChooseAnother) {
            return "CHOOSE_ANOTHER";
        } else if (a instanceof WorkbenchAction.CreateNew) {
            return "CREATE_NEW";
        } else if (a instanceof WorkbenchAction.Correct) {
            return "CORRECT";
        } else if (a instanceof WorkbenchAction.Merge) {
            return "MERGE";
        } else if (a instanceof WorkbenchAction.Unmerge) {
            return "UNMERGE";
        }
        return "MARK_TRACED";
    }

    /** EP-8.5: gives parcels (areas) to people; returns the parcels' progress. */
    public List<ParcelView> assign(String incident, Parcels.SplitBy by, Map<String, String> ownersByArea, String lead) {
        Instant now = clock.instant();
        List<String> areas = Parcels.split(store.items(incident, false).stream().map(Workbench.Stored::item).toList(), by)
                .stream().map(Parcels.Parcel::area).toList();
        for (String area : ownersByArea.keySet()) {
            if (!areas.contains(area)) {
                throw new DomainRejection(422, "parcel-area-unknown", "EP-8.5", "No workbench items in area " + area + " for this incident.");
            }
        }
        ownersByArea.forEach((area, owner) -> store.assign(incident, by.name(), area, owner, lead, now));
        return parcels(incident, by);
    }

    /** A parcel and its progress against the EP-8.4 deadlines. */
    public record ParcelView(String area, String owner, Parcels.Progress progress) {
    }

    public List<ParcelView> parcels(String incident, Parcels.SplitBy by) {
        List<Workbench.Stored> all = store.items(incident, false);
        var resolved = resolvedIds(all);
        Instant recovered = recoveredAt(incident).orElse(clock.instant());
        Map<String, Workbench.Assignment> owners = store.assignments(incident, by.name());
        List<ParcelView> out = new ArrayList<>();
        for (Parcels.Parcel p : Parcels.split(all.stream().map(Workbench.Stored::item).toList(), by)) {
            Workbench.Assignment a = owners.get(p.area());
            Parcels.Parcel owned = a == null ? p : p.assignedTo(a.owner());
            out.add(new ParcelView(p.area(), owned.owner(), Parcels.progress(owned, resolved, recovered, clock.instant(), zone)));
        }
        return out;
    }

    private static String areaOf(WorkbenchItem i, Parcels.SplitBy by) {
        String a = by == Parcels.SplitBy.KIOSK ? i.kioskId() : i.departmentCode();
        return a == null ? "?" : a;
    }

    /** When the HIS came back for the incident: the incident's close, else its first workbench item (blocking). */
    private Optional<Instant> recoveredAt(String incident) {
        try {
            Incident closed = incidents.incident(UUID.fromString(incident)).await().atMost(java.time.Duration.ofSeconds(30));
            if (closed != null && closed.closedAt() != null) {
                return Optional.of(closed.closedAt());
            }
        } catch (IllegalArgumentException notAUuid) {
            // incidents of the write-back tool may be named freely
        }
        return store.firstItemRaisedAt(incident);
    }

    private static java.util.Set<UUID> resolvedIds(List<Workbench.Stored> items) {
        java.util.Set<UUID> out = new java.util.HashSet<>();
        items.stream().filter(s -> s.resolvedAt() != null).forEach(s -> out.add(s.item().id()));
        return out;
    }
}
