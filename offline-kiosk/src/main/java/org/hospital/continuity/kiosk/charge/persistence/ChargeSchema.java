package org.hospital.continuity.kiosk.charge.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** Charges, the invoice register and IOU slips, created by the cashier script of V0140 (shared with registration and settlement). */
@ApplicationScoped
public class ChargeSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0140__cashier.sql", "db/kiosk/V0151__training_iou.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("charge", "invoice_register", "iou");
    }
}
