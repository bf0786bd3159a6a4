package org.hospital.continuity.kiosk.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PlatformSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0001__platform.sql");
    }
}
