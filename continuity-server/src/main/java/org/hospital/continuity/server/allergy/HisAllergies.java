package org.hospital.continuity.server.allergy;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.Tx;

/**
 * Allergies as the HIS reference feed read them (AllergyIntolerance): stored as an import of source {@code HIS}, so each
 * listed patient's current statement is the HIS's as of the pull. Runs in the caller's transaction.
 */
public interface HisAllergies {

    /** Severity as the kiosks know it: MILD, MODERATE, SEVERE, UNKNOWN, or NONE (the HIS records no known allergy). */
    record Entry(String patientId, String allergenCode, String allergen, String reaction, String severity) {
    }

    /** Stores the statements of the patients listed in {@code entries}, recorded at {@code asOf}; nothing when empty. */
    Uni<Void> fromHis(Tx tx, List<Entry> entries, Instant asOf);
}
