package org.hospital.continuity.kiosk.registration.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.kiosk.journal.TrainingProjections;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;

/** HR-21: the registration read models of a purged drill's training records go with its training namespace. */
@ApplicationScoped
public class RegistrationTrainingPurge implements TrainingProjections {

    private static final List<String> DELETES = List.of("delete from registration where stream_id = ?");

    @Override
    public long purge(WriteTransaction transaction, List<UUID> streams) {
        long rows = 0;
        try {
            for (String sql : DELETES) {
                PreparedStatement ps = transaction.statement(sql);
                for (UUID stream : streams) {
                    ps.setString(1, stream.toString());
                    rows += ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new KioskStorageException("training read models not purged", e);
        }
        return rows;
    }
}
