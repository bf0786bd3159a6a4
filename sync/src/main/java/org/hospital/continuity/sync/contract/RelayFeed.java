package org.hospital.continuity.sync.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * HIS down, LAN up: what the continuity server relays to one station from the records other stations pushed (EP-6.4–6.7):
 * a ward's requisitions and doctors' prescriptions to the pharmacy, exam requests to the med-tech station, registrations
 * to the doctors of their department, dispenses and exam results back to the requesting station. The kiosk asks with
 * {@code after} = the last {@code cursor} it holds; the server answers as soon as there is something for it (long poll).
 * Records keep the ids they were captured with, everywhere.
 *
 * @param cursor   where the next question starts (opaque to the kiosk)
 * @param entries  the records for this station, in the order the server made them visible
 * @param more     true when the server has more right away (ask again at once)
 */
public record RelayFeed(String cursor, List<Entry> entries, boolean more) {

    /**
     * One relayed journal entry.
     *
     * @param entryId       the entry's id as the capturing kiosk sealed it
     * @param recordId      the record (stream) it belongs to
     * @param streamType    e.g. {@code requisition}
     * @param streamVersion 1 for the record as written, above for its void or correction
     * @param eventType     e.g. {@code RequisitionIssued}, {@code Dispensed}, {@code ClinicalFormVoided}
     * @param payload       the record as the contract reads it
     * @param kioskId       the capturing kiosk
     * @param departmentCode the capturing kiosk's department
     * @param departmentName its name as the directory has it (for the screen)
     * @param actor         who captured it (an account id, never a name)
     * @param recordedAt    when it was captured (kiosk clock)
     * @param receivedAt    when the server stored it
     */
    public record Entry(UUID entryId, UUID recordId, String streamType, int streamVersion, String eventType, JsonNode payload,
                        String kioskId, String departmentCode, String departmentName, String actor, Instant recordedAt, Instant receivedAt) {
    }
}
