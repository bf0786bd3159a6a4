package org.hospital.continuity.server.writeback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reconciliation workbench's queue as write-back keeps it (its tables are write-back's, V0700 … V0720): the items
 * write-back raised, what people did with them (HR-8, HR-9: attributed actions, never overwrites), who read patient data
 * through them (HR-12) and the parcels of the queue (EP-8.5). Blocking: call it from worker threads (the workbench's
 * {@code @Blocking} resources), never on the event loop.
 */
public interface Workbench {

    /** An item, whether it is resolved and whether a person decided its visit's HIS patient. */
    record Stored(WorkbenchItem item, Instant resolvedAt, boolean decided) {
        public Stored(WorkbenchItem item, Instant resolvedAt) {
            this(item, resolvedAt, false);
        }
    }

    /**
     * One recorded action: who, why, what. An approved correction (HR-9) also names the second person who approved it
     * ({@code approvedBy} account, {@code approvedByName}) and their note; {@code actorName} is the clerk's name.
     */
    record ActionRow(UUID id, UUID itemId, String action, String actor, String why, String hisPatientRef, String field,
                     String newValue, Instant at, String actorName, String approvedBy, String approvedByName, String approvalWhy) {
        public ActionRow(UUID id, UUID itemId, String action, String actor, String why, String hisPatientRef, String field,
                         String newValue, Instant at) {
            this(id, itemId, action, actor, why, hisPatientRef, field, newValue, at, null, null, null, null);
        }
    }

    /** A staff member as the workbench records them: account id, name (staff names are not patient data), person, department. */
    record Person(String accountId, String name, String personId, String departmentCode) {
    }

    enum CorrectionStatus { PENDING, APPROVED, REFUSED }

    /**
     * HR-9: a correction a clerk asked for, waiting for a second person or decided by one ({@code decidedBy}, their name,
     * their note, when; {@code actionId} the CORRECT action an approval wrote).
     */
    record CorrectionRequest(UUID id, UUID itemId, String incident, UUID visitId, String field, String newValue, String why,
                             Person requestedBy, Instant requestedAt, CorrectionStatus status, String decidedBy, String decidedByName,
                             String decisionWhy, Instant decidedAt, UUID actionId) {
    }

    /** HR-9: keeps a clerk's correction as PENDING; nothing of the record changes. Empty when the item already has one waiting. */
    Optional<UUID> requestCorrection(WorkbenchItem item, String field, String newValue, String why, Person by, Instant at);

    Optional<CorrectionRequest> correctionRequest(UUID id);

    /** An incident's correction requests, oldest first; only the waiting ones when {@code pendingOnly}. */
    List<CorrectionRequest> correctionRequests(String incident, boolean pendingOnly);

    /** An item's correction requests, oldest first. */
    List<CorrectionRequest> correctionRequestsOf(UUID itemId);

    /** What deciding a request did. */
    enum Decided { DONE, NOT_PENDING, ITEM_RESOLVED }

    /**
     * HR-9 approval, in one transaction: the request APPROVED by {@code approver}; the correction written as a CORRECT action
     * attributed to the clerk and naming the approver; the item resolved. Nothing changes unless the request is still
     * pending ({@link Decided#NOT_PENDING}) and its item still open ({@link Decided#ITEM_RESOLVED}).
     */
    Decided approveCorrection(UUID requestId, Person approver, String note, Instant at);

    /** HR-9 refusal: the request REFUSED with who and why; the record stays as it was. */
    Decided refuseCorrection(UUID requestId, Person refuser, String why, Instant at);

    /** A parcel assignment (latest per area wins). */
    record Assignment(String area, String owner, String assignedBy, Instant at) {
    }

    /** Incidents with workbench items: total and open counts, newest first. */
    record IncidentCount(String incident, long total, long open, Instant first) {
    }

    /** An incident's items in the order they were raised, only the open ones when {@code openOnly}. */
    List<Stored> items(String incident, boolean openOnly);

    Optional<Stored> item(UUID id);

    /** HR-12: records that {@code reader} read the patient data of the item. */
    void recordRead(WorkbenchItem item, String reader, Instant at);

    /** HR-12: records that {@code reader} read an incident's traces (TRACES) or searched the HIS for an item (HIS_SEARCH). */
    void recordTraceRead(String incident, String what, UUID itemId, String reader, Instant at);

    long traceReadsOf(String incident, String what, String reader);

    long readsOf(UUID visitId, String reader);

    /**
     * Records an action in one transaction: the action row; the HIS patient decision for the visit when
     * {@code decidePatient} is not null ("" = create new); the item resolved when {@code resolve}.
     */
    UUID act(UUID itemId, UUID visitId, String action, String actor, String why, String hisPatientRef, String field,
             String newValue, String decidePatient, boolean resolve, Instant at);

    /** The item's actions, oldest first. */
    List<ActionRow> actions(UUID itemId);

    /** Whether the visit has been written into the HIS. */
    boolean written(UUID visitId);

    /** The HIS patient of each of these visits that is written (visit → patient reference). */
    Map<UUID, String> writtenPatients(List<UUID> visitIds);

    /** Closes the open "possible duplicate" items of these visits (a merge or un-merge answered them). */
    void resolveDuplicateItems(List<UUID> visitIds, Instant at);

    /** Incidents with workbench items, the 200 newest. */
    List<IncidentCount> incidents();

    /** EP-8.5: a parcel of the queue given to a person (a re-assignment is a newer row). */
    void assign(String incident, String splitBy, String area, String owner, String by, Instant at);

    /** Area → the latest assignment. */
    Map<String, Assignment> assignments(String incident, String splitBy);

    /** When the incident's first workbench item was raised. */
    Optional<Instant> firstItemRaisedAt(String incident);
}
