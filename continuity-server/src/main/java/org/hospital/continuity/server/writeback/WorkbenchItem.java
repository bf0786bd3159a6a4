package org.hospital.continuity.server.writeback;

import org.hospital.continuity.sync.matching.MatchScore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the reconciliation queue: the record as captured, why it is here, and the candidate HIS
 * data side by side (with each candidate's score components).
 *
 * @param blocking true when the visit waits for a person before it can be written back; false for flags
 *                 on visits already written (a price difference)
 */
public record WorkbenchItem(UUID id, String incident, UUID visitId, String kioskId, String departmentCode,
                            WorkbenchReason reason, String detail, VisitDraft captured, List<MatchScore> candidates,
                            boolean blocking, Instant raisedAt) {

    public WorkbenchItem {
        candidates = List.copyOf(candidates);
    }
}
