package org.hospital.continuity.server.readiness.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

@ApplicationScoped
public class ReadinessSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0810__readiness.sql", "db/migration/V0371__kiosk_readiness_his_data.sql");
    }
}
