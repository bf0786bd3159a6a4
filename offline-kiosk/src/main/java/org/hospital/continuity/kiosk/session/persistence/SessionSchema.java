package org.hospital.continuity.kiosk.session.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** The staff verifiers' table, created by the enrolment script of V0110 (shared with the enrolment feature). */
@ApplicationScoped
public class SessionSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0110__enrolment.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("staff_verifier");
    }
}
