package org.hospital.continuity.server.probe.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

@ApplicationScoped
public class ProbeSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0320__probe.sql", "db/migration/V0952__probe_area.sql");
    }
}
