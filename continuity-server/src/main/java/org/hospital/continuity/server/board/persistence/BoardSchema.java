package org.hospital.continuity.server.board.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.platform.persistence.SchemaScripts;

@ApplicationScoped
public class BoardSchema implements SchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/migration/V0650__board.sql");
    }
}
