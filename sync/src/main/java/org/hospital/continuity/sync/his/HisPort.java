package org.hospital.continuity.sync.his;

import java.util.Optional;

/**
 * The hospital information system as write-back sees it. Plain Java and blocking: the server's
 * implementation (HL7 FHIR R4) runs it on worker threads, never on the event loop.
 *
 * <p>Finding candidate patients is {@link HisPatientSearch} (its contract says what every link must do).
 *
 * <p>Every write is idempotent: writing the same {@link DowntimeVisit} twice creates nothing twice
 * (conditional creates on business identifiers).
 */
public interface HisPort extends HisPatientSearch {

    /** The HIS's current unit price of an item or drug (HIS code), in fen, if the HIS knows one. */
    Optional<Long> currentPriceFen(String hisCode);

    /** Writes one downtime visit as one atomic unit. Never throws for HIS answers; only for programming errors. */
    WriteOutcome write(DowntimeVisit visit);
}
