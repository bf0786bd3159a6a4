package org.hospital.continuity.kiosk.wardreport.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** The ward reports printed on this kiosk (V0811). */
@ApplicationScoped
public class WardReportSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0811__ward_report_prints.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("ward_report_print");
    }
}
