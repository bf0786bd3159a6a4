package org.hospital.continuity.server.writeback.app;

import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.envelope.JournalEntry;

import java.util.List;
import java.util.UUID;

/**
 * A downtime record other than a registration visit, as captured (kiosk codes), waiting to be resolved (patient,
 * encounter, codes) and written: the unit write-back keeps its place by ({@code unitId}).
 *
 * @param unitId   the record's stream id, or the amending entry's id for an amendment or an IOU exchange
 * @param entry    the journal entry that carries it
 * @param record   the record as read through the contract
 * @param patient  how to find its patient
 * @param amends   for an amendment: the record (stream) it voids or corrects; else null
 * @param original for an amendment: the amended record's draft (its resources get the new status); else null
 */
public record RecordDraft(UUID unitId, JournalEntry entry, DowntimeRecord record, PatientKey patient, UUID amends, RecordDraft original) {

    /**
     * How a record names its patient: a registration (for a charge: one not among this incident's records, written by an
     * earlier outage's write-back), the HIS's patient id the kiosk's snapshot had (with the inpatient number), the
     * outpatient number written on the form (for a patient registered in the outage: the downtime patient number of the
     * registration slip), or only a name typed on the form.
     */
    public record PatientKey(UUID registrationId, String knownPatientId, String inpatientNumber, String name, String outpatientNumber) {

        public PatientKey(UUID registrationId, String knownPatientId, String inpatientNumber, String name) {
            this(registrationId, knownPatientId, inpatientNumber, name, null);
        }
    }

    /** The kiosk codes the record carries, per code list (for the mapping to the HIS's). */
    public record Codes(List<String> drugs, List<String> items) {
    }
}
