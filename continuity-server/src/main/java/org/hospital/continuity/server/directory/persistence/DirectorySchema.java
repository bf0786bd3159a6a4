package org.hospital.continuity.server.directory.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

@ApplicationScoped
public class DirectorySchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0200__directory.sql", "db/migration/V0205__initial_admin_display_name.sql",
                "db/migration/V0951__department_place.sql");
    }
}
