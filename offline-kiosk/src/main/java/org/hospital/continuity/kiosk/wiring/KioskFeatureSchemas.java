package org.hospital.continuity.kiosk.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** SQLite scripts of the journal, enrolment, reference, pool and cashier features (V0100–V0399). */
@ApplicationScoped
public class KioskFeatureSchemas implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0100__journal.sql", "db/kiosk/V0101__journal_sent_watermark.sql", "db/kiosk/V0110__enrolment.sql", "db/kiosk/V0120__reference.sql",
                "db/kiosk/V0130__pool.sql", "db/kiosk/V0140__cashier.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("journal", "outbox", "sync_checkpoint", "journal_phase", "kiosk_identity", "staff_verifier", "reference_snapshot",
                "ref_item", "ref_department", "ref_doctor", "ref_patient", "number_block", "registration", "charge", "invoice_register",
                "iou", "discharge_settlement");
    }
}
