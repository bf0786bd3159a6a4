package org.hospital.continuity.kiosk.pool.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** The number blocks (V0130). */
@ApplicationScoped
public class PoolSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0130__pool.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("number_block");
    }
}
