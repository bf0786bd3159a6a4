package org.hospital.continuity.server.fault.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

@ApplicationScoped
public class FaultSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0100__fault_report.sql", "db/migration/V0110__fault_verification.sql");
    }
}
