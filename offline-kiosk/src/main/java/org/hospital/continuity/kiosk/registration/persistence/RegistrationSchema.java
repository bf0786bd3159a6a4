package org.hospital.continuity.kiosk.registration.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** The registrations' read model, created by the cashier script of V0140 (shared with charge and settlement). */
@ApplicationScoped
public class RegistrationSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0140__cashier.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("registration");
    }
}
