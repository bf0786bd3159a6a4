package org.hospital.continuity.server.writeback.app;

import org.hospital.continuity.server.writeback.WriteBackLedger;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.sync.his.WriteOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ledger held in memory: for the write-back command line run and for tests. The server's durable
 * ledger (PostgreSQL) is {@code PgWriteBackLedger}.
 */
public final class InMemoryLedger implements WriteBackLedger {

    /** A written visit. */
    public record Written(String incident, UUID visitId, String groupKey, WriteOutcome.Written outcome, String how) {
    }

    private final Map<UUID, Written> written = new ConcurrentHashMap<>();
    private final Map<UUID, String> decided = new ConcurrentHashMap<>();
    private final Map<String, String> groupPatient = new ConcurrentHashMap<>();
    private final List<WorkbenchItem> items = new ArrayList<>();
    private final Map<UUID, Boolean> blocked = new ConcurrentHashMap<>();
    private final java.util.Set<UUID> released = new java.util.HashSet<>();
    private volatile String pausedDetail;

    @Override
    public boolean settled(UUID visitId) {
        return written.containsKey(visitId) || blocked.containsKey(visitId) && !decided.containsKey(visitId);
    }

    @Override
    public Optional<String> decidedPatient(UUID visitId) {
        return Optional.ofNullable(decided.get(visitId));
    }

    @Override
    public Optional<String> patientOfGroup(String groupKey) {
        return Optional.ofNullable(groupPatient.get(groupKey));
    }

    @Override
    public Optional<String> writtenPatientOf(java.util.Collection<UUID> visitIds) {
        return visitIds.stream().map(written::get).filter(w -> w != null && w.outcome().hisPatientRef() != null)
                .map(w -> w.outcome().hisPatientRef()).findFirst();
    }

    private final List<org.hospital.continuity.server.writeback.domain.Regrouping> regroupings =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public List<org.hospital.continuity.server.writeback.domain.Regrouping> regroupings(String incident) {
        return List.copyOf(regroupings);
    }

    /** A person's merge or un-merge on the workbench. */
    public void regroup(org.hospital.continuity.server.writeback.domain.Regrouping r) {
        regroupings.add(r);
    }

    @Override
    public void written(String incident, UUID visitId, String groupKey, WriteOutcome.Written outcome, String how) {
        written.put(visitId, new Written(incident, visitId, groupKey, outcome, how));
        if (groupKey != null && outcome.hisPatientRef() != null) {
            groupPatient.putIfAbsent(groupKey, outcome.hisPatientRef());
        }
    }

    @Override
    public synchronized boolean waitsOnlyForItsGroup(UUID visitId) {
        if (written.containsKey(visitId) || decided.containsKey(visitId) || !blocked.containsKey(visitId)) {
            return false;
        }
        List<WorkbenchItem> open = items.stream().filter(i -> i.visitId().equals(visitId) && i.blocking() && !released.contains(i.id())).toList();
        return !open.isEmpty() && open.stream().allMatch(InMemoryLedger::groupWait);
    }

    @Override
    public synchronized void releaseGroupWait(UUID visitId, String why) {
        items.stream().filter(i -> i.visitId().equals(visitId) && groupWait(i)).forEach(i -> released.add(i.id()));
        if (items.stream().noneMatch(i -> i.visitId().equals(visitId) && i.blocking() && !released.contains(i.id()))) {
            blocked.remove(visitId);
        }
    }

    private static boolean groupWait(WorkbenchItem i) {
        return i.blocking() && i.reason() == org.hospital.continuity.server.writeback.WorkbenchReason.PATIENT_PROPOSAL
                && "GROUP_WAITING".equals(i.detail());
    }

    /** Items write-back closed itself (an earlier registration of the person was written). */
    public synchronized java.util.Set<UUID> released() {
        return java.util.Set.copyOf(released);
    }

    @Override
    public synchronized void raise(WorkbenchItem item) {
        items.add(item);
        if (item.blocking()) {
            blocked.put(item.visitId(), true);
        }
    }

    @Override
    public Optional<org.hospital.continuity.sync.his.HisRecord.Subject> subjectOf(UUID unitId) {
        Written w = written.get(unitId);
        return w == null || w.outcome().hisPatientRef() == null ? Optional.empty()
                : Optional.of(new org.hospital.continuity.sync.his.HisRecord.Subject(w.outcome().hisPatientRef(), w.outcome().encounterRef()));
    }

    @Override
    public synchronized Optional<org.hospital.continuity.server.writeback.WorkbenchReason> waitingReason(UUID unitId) {
        if (written.containsKey(unitId) || decided.containsKey(unitId)) {
            return Optional.empty();
        }
        return items.stream().filter(i -> i.visitId().equals(unitId) && i.blocking() && !released.contains(i.id()))
                .map(WorkbenchItem::reason).findFirst();
    }

    @Override
    public synchronized boolean raisedBefore(UUID recordId, org.hospital.continuity.server.writeback.WorkbenchReason reason) {
        return items.stream().anyMatch(i -> i.visitId().equals(recordId) && i.reason() == reason);
    }

    @Override
    public void paused(String incident, UUID visitId, String detail) {
        pausedDetail = detail;
    }

    /** A person's decision on the workbench: the HIS patient to use, or "" to create a new one. */
    public void decide(UUID visitId, String hisPatientRef) {
        decided.put(visitId, hisPatientRef);
    }

    public Map<UUID, Written> writtenVisits() {
        return Map.copyOf(written);
    }

    public synchronized List<WorkbenchItem> items() {
        return List.copyOf(items);
    }

    public String pausedDetail() {
        return pausedDetail;
    }
}
