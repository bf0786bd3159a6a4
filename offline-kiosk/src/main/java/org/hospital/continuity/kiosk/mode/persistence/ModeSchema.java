package org.hospital.continuity.kiosk.mode.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** The instructions this kiosk received and the acknowledgements given here (EP-6.1). */
@ApplicationScoped
public class ModeSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0700__instructions.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("received_instruction", "instruction_ack");
    }
}
