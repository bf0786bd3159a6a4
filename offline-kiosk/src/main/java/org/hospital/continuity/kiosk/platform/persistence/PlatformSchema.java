package org.hospital.continuity.kiosk.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** The kiosk's settings and the readiness heartbeat (V0001). */
@ApplicationScoped
public class PlatformSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0001__platform.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("kiosk_setting", "kiosk_heartbeat");
    }
}
