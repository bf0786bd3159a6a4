package org.hospital.continuity.kiosk.enrolment.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** This kiosk's identity (V0110; the script also creates the session feature's verifier table). */
@ApplicationScoped
public class EnrolmentSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0110__enrolment.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("kiosk_identity");
    }
}
