package org.hospital.continuity.kiosk.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hospital.continuity.kiosk.platform.persistence.GroupStats;
import org.hospital.continuity.kiosk.platform.persistence.Heartbeat;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;

/** Ready only when the journal file takes a durable write (a heartbeat row, committed with FULL sync). */
@Readiness
@ApplicationScoped
public class SqliteWritableCheck implements HealthCheck {

    private final KioskDatabase database;
    private final Heartbeat heartbeat;

    public SqliteWritableCheck(KioskDatabase database, Heartbeat heartbeat) {
        this.database = database;
        this.heartbeat = heartbeat;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            long started = System.nanoTime();
            heartbeat.beat(Instant.now());
            GroupStats stats = database.groupStats();
            return HealthCheckResponse.named("SQLite journal writable").up()
                    .withData("file", String.valueOf(database.file()))
                    .withData("commitMicros", (System.nanoTime() - started) / 1000)
                    // group commit: commits so far, captures they carried, the largest group
                    .withData("commits", stats.commits())
                    .withData("capturesCommitted", stats.captures())
                    .withData("largestGroup", stats.largest())
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("SQLite journal writable").down().withData("error", e.getMessage()).build();
        }
    }
}
