package org.hospital.continuity.kiosk.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** The kiosk's audit log (V0600–V0699). */
@ApplicationScoped
public class AuditSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0600__audit_log.sql", "db/kiosk/V0601__audit_log_no_time_index.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("audit_log", "audit_shipping");
    }
}
