package org.hospital.continuity.server.drill.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

@ApplicationScoped
public class DrillSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0800__drill.sql", "db/migration/V0820__drill_training_entries.sql");
    }
}
