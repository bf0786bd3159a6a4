package org.hospital.continuity.kiosk.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** The readiness heartbeat: one row rewritten in a durable transaction, proving the journal file takes writes. */
@ApplicationScoped
public class Heartbeat {

    private final KioskDatabase database;

    public Heartbeat(KioskDatabase database) {
        this.database = database;
    }

    /** Writes the beat and returns once it is committed (WAL + FULL); a failure carries SQLite's own message. */
    public void beat(Instant at) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into kiosk_heartbeat(id, beat_at) values (1, ?) on conflict(id) do update set beat_at = excluded.beat_at")) {
                    ps.setString(1, at.toString());
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new KioskStorageException(e.getMessage(), e);
        }
    }
}
