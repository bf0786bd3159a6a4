package org.hospital.continuity.server.incident.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

@ApplicationScoped
public class IncidentSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0300__incident.sql", "db/migration/V0302__incident_event_typed.sql",
                "db/migration/V0310__instruction.sql", "db/migration/V0312__instruction_number.sql",
                "db/migration/V0950__several_incidents.sql", "db/migration/V0953__engine_snapshot.sql");
    }
}
