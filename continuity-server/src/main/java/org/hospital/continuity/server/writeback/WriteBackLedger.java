package org.hospital.continuity.server.writeback;

import org.hospital.continuity.server.writeback.domain.Regrouping;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.sync.his.WriteOutcome;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where write-back keeps its place: which visits are written (and as which HIS patient), which wait on
 * the workbench, and what a person decided there. A run skips what is settled, so a pause or a restart
 * loses nothing and a replay creates nothing.
 */
public interface WriteBackLedger {

    /** True when the visit is written or waits on the workbench. */
    boolean settled(UUID visitId);

    /** The HIS patient a person chose on the workbench for the visit ("" = create new), if any. */
    Optional<String> decidedPatient(UUID visitId);

    /** The HIS patient already written for another registration of the same person (duplicate group). */
    Optional<String> patientOfGroup(String groupKey);

    /** The HIS patient the first written of these visits went under, if any of them is written. */
    Optional<String> writtenPatientOf(Collection<UUID> visitIds);

    /** The workbench's merges and un-merges of the incident's registrations, oldest first. */
    List<Regrouping> regroupings(String incident);

    /** Records a written visit. */
    void written(String incident, UUID visitId, String groupKey, WriteOutcome.Written outcome, String how);

    /** True when an item of this reason was ever raised for the record (open or resolved): it is not raised twice. */
    boolean raisedBefore(UUID recordId, org.hospital.continuity.server.writeback.WorkbenchReason reason);

    /** The HIS patient and encounter a written unit (visit or record) went under, if it is written. */
    Optional<org.hospital.continuity.sync.his.HisRecord.Subject> subjectOf(UUID unitId);

    /** The reason of the unit's open blocking workbench item, if it waits for a person. */
    Optional<org.hospital.continuity.server.writeback.WorkbenchReason> waitingReason(UUID unitId);

    /** Puts an item on the workbench. A blocking item leaves the visit unsettled until a person resolves it. */
    void raise(WorkbenchItem item);

    /**
     * True when the visit's only open blocking item says it waits for an earlier registration of the same person
     * ({@code GROUP_WAITING}: that one is with a person, and only one registration of a person creates the patient).
     */
    boolean waitsOnlyForItsGroup(UUID visitId);

    /**
     * Closes the visit's {@code GROUP_WAITING} item, recorded as write-back's own action with {@code why}: the earlier
     * registration is written now, so the next step takes this one up again (and finds the patient it was written under).
     */
    void releaseGroupWait(UUID visitId, String why);

    /** Records that the run paused (HIS unavailable) before {@code visitId}. */
    void paused(String incident, UUID visitId, String detail);
}
