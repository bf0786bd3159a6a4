package org.hospital.continuity.kiosk.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;

/** Ready only when the journal file takes a durable write (a heartbeat row, committed with FULL sync). */
@Readiness
@ApplicationScoped
public class SqliteWritableCheck implements HealthCheck {

    private final KioskDatabase database;

    public SqliteWritableCheck(KioskDatabase database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            long started = System.nanoTime();
            database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into kiosk_heartbeat(id, beat_at) values (1, ?) on conflict(id) do update set beat_at = excluded.beat_at")) {
                    ps.setString(1, Instant.now().toString());
                    return ps.executeUpdate();
                }
            });
            return HealthCheckResponse.named("SQLite journal writable").up()
                    .withData("file", String.valueOf(database.file()))
                    .withData("commitMicros", (System.nanoTime() - started) / 1000)
                    // group commit: commits so far, captures they carried, the largest group
                    .withData("commits", database.groupStats().commits())
                    .withData("capturesCommitted", database.groupStats().captures())
                    .withData("largestGroup", database.groupStats().largest())
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("SQLite journal writable").down().withData("error", e.getMessage()).build();
        }
    }
}
