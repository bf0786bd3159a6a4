package org.hospital.continuity.kiosk.journal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/** The pinned journal tables (V0100), the sent-through watermark (V0101) and the quarantine of unreadable entries (V0102). */
@ApplicationScoped
public class JournalSchema implements KioskSchemaScripts {

    @Override
    public List<String> scripts() {
        return List.of("db/kiosk/V0100__journal.sql", "db/kiosk/V0101__journal_sent_watermark.sql",
                "db/kiosk/V0102__journal_quarantine.sql", "db/kiosk/V0150__training_namespace.sql");
    }

    @Override
    public Set<String> tables() {
        return Set.of("journal", "outbox", "sync_checkpoint", "journal_phase", "journal_quarantine", "training_drill",
                "training_number", "training_purge");
    }
}
