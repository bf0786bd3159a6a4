package org.hospital.continuity.sync.his;

import java.util.Optional;

/**
 * The hospital information system as write-back sees it. Plain Java and blocking: the server's
 * implementations (HL7 FHIR R4, and HL7 v2 over MLLP for a HIS that does not speak FHIR) run on worker threads, never on
 * the event loop; write-back calls them from several workers at once, so an implementation is thread-safe.
 *
 * <p>Finding candidate patients is {@link HisPatientSearch} (its contract says what every link must do).
 *
 * <p>Every write is idempotent: writing the same {@link DowntimeVisit} twice creates nothing twice
 * (FHIR: conditional creates on business identifiers; HL7 v2: control ids and business ids derived from the record).
 */
public interface HisPort extends HisPatientSearch {

    /** The HIS's current unit price of an item or drug (HIS code), in fen, if the HIS knows one. */
    Optional<Long> currentPriceFen(String hisCode);

    /** Writes one downtime visit as one atomic unit. Never throws for HIS answers; only for programming errors. */
    WriteOutcome write(DowntimeVisit visit);

    /**
     * Writes one downtime record (prescription, order, exam register, requisition, dispense, charges, settlement, IOU
     * exchange, allergy, amendment) as one atomic unit, idempotent on its record and line ids. Never throws for HIS
     * answers; only for programming errors.
     */
    default WriteOutcome write(HisRecord record) {
        // a link that does not write a kind refuses it: the record waits on the workbench, it is never dropped
        return new WriteOutcome.Refused(501, "this HIS link does not write " + record.getClass().getSimpleName());
    }

    /**
     * A patient the kiosks knew from their snapshot (the HIS's own patient id), with the inpatient encounter of
     * {@code inpatientNumber} when one is given and the HIS has it; empty when the HIS does not know the patient.
     * Throws when the HIS cannot be asked (the runner retries and pauses as for searches).
     */
    default Optional<HisRecord.Subject> knownPatient(String hisPatientId, String inpatientNumber) {
        return Optional.empty();
    }
}
