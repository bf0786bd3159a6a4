package org.hospital.continuity.kiosk.reference.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** The stored reference snapshot (V0120) and the HIS feed's as-of times (V0810). */
@ApplicationScoped
public class ReferenceSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0120__reference.sql", "db/kiosk/V0810__reference_feed.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("reference_snapshot", "ref_item", "ref_department", "ref_doctor", "ref_patient", "ref_feed_as_of");
    }
}
