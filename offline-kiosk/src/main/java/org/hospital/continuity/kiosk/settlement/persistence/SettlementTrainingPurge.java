package org.hospital.continuity.kiosk.settlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.journal.TrainingProjections;
import org.hospital.continuity.kiosk.platform.persistence.StreamRows;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;

/** HR-21: the discharge settlements of a purged drill's training records go with its training namespace. */
@ApplicationScoped
public class SettlementTrainingPurge implements TrainingProjections {

    private static final List<String> DELETES = List.of("delete from discharge_settlement where stream_id = ?");

    @Override
    public long purge(WriteTransaction transaction, List<UUID> streams) {
        return StreamRows.delete(transaction, DELETES, streams);
    }
}
