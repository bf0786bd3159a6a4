package org.hospital.continuity.server.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

/** The audit log (V0900–V0999). */
@ApplicationScoped
public class AuditSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0900__audit_log.sql");
    }
}
