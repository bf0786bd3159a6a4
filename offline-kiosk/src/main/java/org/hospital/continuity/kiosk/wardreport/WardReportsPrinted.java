package org.hospital.continuity.kiosk.wardreport;

import java.time.Instant;
import java.util.Optional;

/** The ward reports' public face for readiness: how many wards this kiosk's census holds, and when their reports last printed. */
public interface WardReportsPrinted {

    /** The wards of the census (0: not a ward's kiosk, nothing to print). */
    int wards();

    /** When the wards' downtime reports last reached paper or a file. */
    Optional<Instant> lastPrintedAt();
}
