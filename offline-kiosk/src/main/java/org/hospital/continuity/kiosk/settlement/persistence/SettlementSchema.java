package org.hospital.continuity.kiosk.settlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** Discharge settlements, created by the cashier script of V0140 (shared with registration and charge). */
@ApplicationScoped
public class SettlementSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0140__cashier.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("discharge_settlement");
    }
}
