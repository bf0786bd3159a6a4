package org.hospital.continuity.kiosk.fault.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** The fault reports filed at this kiosk and their state (EP-3). */
@ApplicationScoped
public class FaultSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0710__fault_reports.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("fault_report");
    }
}
