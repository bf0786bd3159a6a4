package org.hospital.continuity.kiosk.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * This kiosk's settings ({@code kiosk_setting}): the UI language, the last announced instruction followed
 * … Not clinical data. Failures are {@link KioskStorageException}s.
 */
@ApplicationScoped
public class KioskSettings {

    private final KioskDatabase database;

    public KioskSettings(KioskDatabase database) {
        this.database = database;
    }

    /** The value of {@code key}, empty when never set. */
    public Optional<String> get(String key) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select value from kiosk_setting where key = ?")) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new KioskStorageException("kiosk setting unreadable", e);
        }
    }

    /** Sets {@code key} in a transaction of its own (durable when this returns). */
    public void put(String key, String value, Instant changedAt) {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into kiosk_setting(key, value, changed_at) values (?, ?, ?) "
                        + "on conflict(key) do update set value = excluded.value, changed_at = excluded.changed_at")) {
                    ps.setString(1, key);
                    ps.setString(2, value);
                    ps.setString(3, changedAt.toString());
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new KioskStorageException("kiosk setting not written", e);
        }
    }
}
