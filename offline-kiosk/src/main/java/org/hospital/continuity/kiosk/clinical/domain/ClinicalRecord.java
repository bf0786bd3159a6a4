package org.hospital.continuity.kiosk.clinical.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A clinical record as the desk shows and prints it: the written form folded with what happened to it
 * after (HR-9). {@code status} ACTIVE, VOIDED or CORRECTED (then {@code amendment} says by which record);
 * a correction's details carry {@code corrects} and {@code correctionReason}.
 */
public record ClinicalRecord(UUID id, FormType type, String eventType, long kioskSeq, Instant recordedAt, String phase, String actor,
                             JsonNode details, RecordStatus status, Amendment amendment) {

    /**
     * What happened to a record after it was written: voided or corrected, by whom, when, why, and (HR-9: changes approved)
     * the second person who approved it, by account and name (null for an amendment journaled before approval was asked).
     */
    public record Amendment(RecordStatus kind, String reason, UUID correctedBy, String actor, Instant at, long kioskSeq, String approvedBy,
                            String approvedByName) {
    }
}
