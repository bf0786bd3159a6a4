package org.hospital.continuity.kiosk.reference.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** The stored reference snapshot (V0120). */
@ApplicationScoped
public class ReferenceSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0120__reference.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("reference_snapshot", "ref_item", "ref_department", "ref_doctor", "ref_patient");
    }
}
