package org.hospital.continuity.server.kiosk.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

/** Kiosk registry, enrolment, number pools, staff verifiers and reference snapshots (V0400–V0499). */
@ApplicationScoped
public class KioskSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0400__kiosk_registry.sql", "db/migration/V0410__kiosk_verifier_withdrawal.sql",
                "db/migration/V0360__reference_source.sql", "db/migration/V0370__his_medication.sql", "db/migration/V0380__his_outpatients.sql", "db/migration/V0381__his_attending.sql",
                "db/migration/V0821__training_number_mark.sql"); // HR-21: numbered in the drill block, the constraint is the registry's
    }
}
