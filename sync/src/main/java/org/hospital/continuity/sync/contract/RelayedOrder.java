package org.hospital.continuity.sync.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * EP-6.7: a prescription or a ward's requisition as the server relays it to a pharmacy kiosk that dispenses against it,
 * once it reached the server from the kiosk that captured it. A corrected record is relayed as its latest correction
 * ({@code asWritten} the id the pharmacist asked for); a voided one with status {@code VOIDED} (not to be filled).
 *
 * @param recordId     the record to fill (the latest correction of the one asked for)
 * @param streamType   {@code prescription} or {@code requisition}
 * @param eventType    {@code PrescriptionWritten} or {@code RequisitionIssued}
 * @param payload      the record as captured (the contract's JSON)
 * @param status       {@code ACTIVE} or {@code VOIDED}
 * @param asWritten    the id asked for, when it was corrected since; else null
 * @param kioskId      the kiosk that captured it
 * @param recordedAt   when it was captured (kiosk clock)
 */
public record RelayedOrder(UUID recordId, String streamType, String eventType, JsonNode payload, String status, UUID asWritten,
                           String kioskId, Instant recordedAt) {
}
