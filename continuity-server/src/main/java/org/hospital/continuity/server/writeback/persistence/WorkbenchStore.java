package org.hospital.continuity.server.writeback.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.hospital.continuity.server.platform.persistence.SessionContext;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.Workbench;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.WorkbenchReason;
import org.hospital.continuity.sync.matching.MatchScore;

/**
 * The workbench queue (Hibernate Reactive, tables of V0700 … V0720). Its callers are blocking (the workbench's
 * {@code @Blocking} resources on worker threads), so each call runs in a session of its own and waits for it; an
 * action's rows go in one transaction.
 */
@ApplicationScoped
public class WorkbenchStore implements Workbench {

    private final WorkbenchItemRepository items;
    private final WorkbenchActionRepository actions;
    private final WritebackDecisionRepository decisions;
    private final WritebackVisitRepository visits;
    private final WorkbenchReadRepository reads;
    private final WorkbenchTraceReadRepository traceReads;
    private final WorkbenchParcelRepository parcels;
    private final WorkbenchCorrectionRequestRepository requests;
    private final ObjectMapper json;

    public WorkbenchStore(WorkbenchItemRepository items, WorkbenchActionRepository actions, WritebackDecisionRepository decisions,
                          WritebackVisitRepository visits, WorkbenchReadRepository reads, WorkbenchTraceReadRepository traceReads,
                          WorkbenchParcelRepository parcels, WorkbenchCorrectionRequestRepository requests, ObjectMapper json) {
        this.requests = requests;
        this.items = items;
        this.actions = actions;
        this.decisions = decisions;
        this.visits = visits;
        this.reads = reads;
        this.traceReads = traceReads;
        this.parcels = parcels;
        this.json = json;
    }

    private static <T> T session(Supplier<Uni<T>> work) {
        return SessionContext.await(() -> Panache.withSession(work::get));
    }

    private static <T> T transaction(Supplier<Uni<T>> work) {
        return SessionContext.await(() -> Panache.withTransaction(work::get));
    }

    @Override
    public List<Stored> items(String incident, boolean openOnly) {
        return session(() -> items.list("incident = ?1" + (openOnly ? " and resolvedAt is null" : "") + " order by raisedAt, id", incident)
                .chain(this::stored));
    }

    @Override
    public Optional<Stored> item(UUID id) {
        return Optional.ofNullable(session(() -> items.findById(id)
                .chain(i -> i == null ? Uni.createFrom().nullItem() : stored(List.of(i)).map(l -> l.get(0)))));
    }

    @Override
    public void recordRead(WorkbenchItem item, String reader, Instant at) {
        WorkbenchReadEntity r = new WorkbenchReadEntity();
        r.id = UUID.randomUUID();
        r.itemId = item.id();
        r.visitId = item.visitId();
        r.reader = reader;
        r.readAt = at;
        transaction(() -> reads.persist(r).replaceWithVoid());
    }

    @Override
    public void recordTraceRead(String incident, String what, UUID itemId, String reader, Instant at) {
        WorkbenchTraceReadEntity r = new WorkbenchTraceReadEntity();
        r.id = UUID.randomUUID();
        r.incident = incident;
        r.what = what;
        r.itemId = itemId;
        r.reader = reader;
        r.readAt = at;
        transaction(() -> traceReads.persist(r).replaceWithVoid());
    }

    @Override
    public long traceReadsOf(String incident, String what, String reader) {
        return session(() -> traceReads.count("incident = ?1 and what = ?2 and reader = ?3", incident, what, reader));
    }

    @Override
    public long readsOf(UUID visitId, String reader) {
        return session(() -> reads.count("visitId = ?1 and reader = ?2", visitId, reader));
    }

    @Override
    public UUID act(UUID itemId, UUID visitId, String action, String actor, String why, String hisPatientRef, String field,
                    String newValue, String decidePatient, boolean resolve, Instant at) {
        WorkbenchActionEntity a = new WorkbenchActionEntity();
        a.id = UUID.randomUUID();
        a.itemId = itemId;
        a.action = action;
        a.actor = actor;
        a.why = why;
        a.hisPatientRef = hisPatientRef;
        a.field = field;
        a.newValue = newValue;
        a.actedAt = at;
        transaction(() -> {
            Uni<?> u = actions.persistAndFlush(a);
            if (decidePatient != null) {
                u = u.chain(() -> decisions.findById(visitId).chain(d -> {
                    if (d != null) {
                        d.hisPatientRef = decidePatient;
                        d.actionId = a.id;
                        return Uni.createFrom().voidItem();
                    }
                    WritebackDecisionEntity fresh = new WritebackDecisionEntity();
                    fresh.visitId = visitId;
                    fresh.hisPatientRef = decidePatient;
                    fresh.actionId = a.id;
                    return decisions.persist(fresh).replaceWithVoid();
                }));
            }
            if (resolve) {
                u = u.chain(() -> items.update("resolvedAt = ?2 where id = ?1 and resolvedAt is null", itemId, at));
            }
            return u.replaceWithVoid();
        });
        return a.id;
    }

    @Override
    public List<ActionRow> actions(UUID itemId) {
        return session(() -> actions.list("itemId = ?1 order by actedAt, id", itemId)
                .map(l -> l.stream().map(WorkbenchActionEntity::toRecord).toList()));
    }

    @Override
    public boolean written(UUID visitId) {
        return session(() -> visits.count("visitId", visitId)) > 0;
    }

    @Override
    public Map<UUID, String> writtenPatients(List<UUID> visitIds) {
        if (visitIds.isEmpty()) {
            return Map.of();
        }
        return session(() -> visits.list("visitId in ?1 and hisPatientRef is not null", visitIds).map(l -> {
            Map<UUID, String> out = new LinkedHashMap<>();
            l.forEach(v -> out.put(v.visitId, v.hisPatientRef));
            return out;
        }));
    }

    @Override
    public void resolveDuplicateItems(List<UUID> visitIds, Instant at) {
        if (visitIds.isEmpty()) {
            return;
        }
        transaction(() -> items.update("resolvedAt = ?2 where visitId in ?1 and reason = 'POSSIBLE_DUPLICATE' and resolvedAt is null",
                visitIds, at));
    }

    @Override
    public List<IncidentCount> incidents() {
        return session(() -> Panache.getSession().chain(s -> s.createSelectionQuery("""
                        select w.incident, count(w), sum(case when w.resolvedAt is null then 1 else 0 end), min(w.raisedAt)
                          from WorkbenchItemEntity w group by w.incident order by min(w.raisedAt) desc""", Object[].class)
                .setMaxResults(200).getResultList())
                .map(rows -> rows.stream().map(r -> new IncidentCount((String) r[0], ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), (Instant) r[3])).toList()));
    }

    @Override
    public void assign(String incident, String splitBy, String area, String owner, String by, Instant at) {
        WorkbenchParcelEntity p = new WorkbenchParcelEntity();
        p.id = UUID.randomUUID();
        p.incident = incident;
        p.splitBy = splitBy;
        p.area = area;
        p.owner = owner;
        p.assignedBy = by;
        p.assignedAt = at;
        transaction(() -> parcels.persist(p).replaceWithVoid());
    }

    @Override
    public Map<String, Assignment> assignments(String incident, String splitBy) {
        return session(() -> parcels.list("incident = ?1 and splitBy = ?2 order by assignedAt, id", incident, splitBy).map(l -> {
            Map<String, Assignment> out = new LinkedHashMap<>();
            l.forEach(p -> out.put(p.area, p.toRecord()));
            return out;
        }));
    }

    @Override
    public Optional<Instant> firstItemRaisedAt(String incident) {
        return Optional.ofNullable(session(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                "select min(w.raisedAt) from WorkbenchItemEntity w where w.incident = ?1", Instant.class)
                .setParameter(1, incident).getSingleResultOrNull())));
    }

    @Override
    public Optional<UUID> requestCorrection(WorkbenchItem item, String field, String newValue, String why, Person by, Instant at) {
        WorkbenchCorrectionRequestEntity r = new WorkbenchCorrectionRequestEntity();
        r.id = UUID.randomUUID();
        r.itemId = item.id();
        r.incident = item.incident();
        r.visitId = item.visitId();
        r.field = field;
        r.newValue = newValue;
        r.why = why;
        r.requestedBy = by.accountId();
        r.requestedByName = by.name() == null ? by.accountId() : by.name();
        r.requestedByPerson = by.personId();
        r.requestedByDepartment = by.departmentCode();
        r.requestedAt = at;
        r.status = CorrectionStatus.PENDING.name();
        // one waits per item: the partial unique index holds it against a race, this answers the ordinary case
        boolean waiting = transaction(() -> requests.count("itemId = ?1 and status = 'PENDING'", item.id())
                .chain(n -> n > 0 ? Uni.createFrom().item(true) : requests.persistAndFlush(r).replaceWith(false)));
        return waiting ? Optional.empty() : Optional.of(r.id);
    }

    @Override
    public Optional<CorrectionRequest> correctionRequest(UUID id) {
        return Optional.ofNullable(session(() -> requests.findById(id).map(r -> r == null ? null : r.toRecord())));
    }

    @Override
    public List<CorrectionRequest> correctionRequests(String incident, boolean pendingOnly) {
        return session(() -> requests.list("incident = ?1" + (pendingOnly ? " and status = 'PENDING'" : "") + " order by requestedAt, id",
                incident).map(l -> l.stream().map(WorkbenchCorrectionRequestEntity::toRecord).toList()));
    }

    @Override
    public List<CorrectionRequest> correctionRequestsOf(UUID itemId) {
        return session(() -> requests.list("itemId = ?1 order by requestedAt, id", itemId)
                .map(l -> l.stream().map(WorkbenchCorrectionRequestEntity::toRecord).toList()));
    }

    @Override
    public Decided approveCorrection(UUID requestId, Person approver, String note, Instant at) {
        return transaction(() -> requests.findById(requestId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(r -> {
            if (r == null || !CorrectionStatus.PENDING.name().equals(r.status)) {
                return Uni.createFrom().item(Decided.NOT_PENDING);
            }
            return items.findById(r.itemId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(item -> {
                if (item == null || item.resolvedAt != null) {
                    return Uni.createFrom().item(Decided.ITEM_RESOLVED);
                }
                // the correction as the clerk asked for it, attributed to the clerk, naming the approver (HR-9)
                WorkbenchActionEntity a = new WorkbenchActionEntity();
                a.id = UUID.randomUUID();
                a.itemId = r.itemId;
                a.action = "CORRECT";
                a.actor = r.requestedBy;
                a.actorName = r.requestedByName;
                a.why = r.why;
                a.field = r.field;
                a.newValue = r.newValue;
                a.actedAt = at;
                a.approvedBy = approver.accountId();
                a.approvedByName = approver.name();
                a.approvalWhy = note;
                return actions.persistAndFlush(a).chain(() -> {
                    r.status = CorrectionStatus.APPROVED.name();
                    r.decidedBy = approver.accountId();
                    r.decidedByName = approver.name();
                    r.decisionWhy = note;
                    r.decidedAt = at;
                    r.actionId = a.id;
                    item.resolvedAt = at;
                    return Uni.createFrom().item(Decided.DONE);
                });
            });
        }));
    }

    @Override
    public Decided refuseCorrection(UUID requestId, Person refuser, String why, Instant at) {
        return transaction(() -> requests.findById(requestId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).map(r -> {
            if (r == null || !CorrectionStatus.PENDING.name().equals(r.status)) {
                return Decided.NOT_PENDING;
            }
            r.status = CorrectionStatus.REFUSED.name();
            r.decidedBy = refuser.accountId();
            r.decidedByName = refuser.name();
            r.decisionWhy = why;
            r.decidedAt = at;
            return Decided.DONE;
        }));
    }

    /** The items as records, each with whether a person decided its visit's HIS patient. */
    private Uni<List<Stored>> stored(List<WorkbenchItemEntity> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return decisions.list("visitId in ?1", found.stream().map(i -> i.visitId).distinct().toList()).map(ds -> {
            Set<UUID> decided = new HashSet<>();
            ds.forEach(d -> decided.add(d.visitId));
            return found.stream().map(i -> new Stored(item(i), i.resolvedAt, decided.contains(i.visitId))).toList();
        });
    }

    private WorkbenchItem item(WorkbenchItemEntity e) {
        try {
            VisitDraft captured = json.readValue(e.captured, VisitDraft.class);
            List<MatchScore> candidates = json.readValue(e.candidates, new TypeReference<List<MatchScore>>() {
            });
            return new WorkbenchItem(e.id, e.incident, e.visitId, e.kioskId, e.departmentCode, WorkbenchReason.valueOf(e.reason), e.detail,
                    captured, candidates, e.blocking, e.raisedAt);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
