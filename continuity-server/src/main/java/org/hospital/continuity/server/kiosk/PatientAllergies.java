package org.hospital.continuity.server.kiosk;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.platform.persistence.Tx;

/**
 * The allergies a kiosk shows with its patients (HR-5: a prescription never goes out blind). The allergy feature
 * answers, in the snapshot's transaction so the snapshot is consistent.
 */
public interface PatientAllergies {

    /** One known allergy. */
    record Allergy(String allergenCode, String allergen, String reaction, String severity) {
    }

    /** A patient's current statement: the allergies (empty: none known) and when it was recorded. */
    record Statement(List<Allergy> allergies, Instant recordedAt) {
    }

    /** Each patient's current statement, by patient id. */
    Uni<Map<String, Statement>> current(Tx tx);
}
