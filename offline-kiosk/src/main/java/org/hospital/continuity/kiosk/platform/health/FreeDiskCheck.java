package org.hospital.continuity.kiosk.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;

/** Ready only while the data folder's disk keeps the configured floor of free space. */
@Readiness
@ApplicationScoped
public class FreeDiskCheck implements HealthCheck {

    private final KioskDatabase database;
    private final KioskConfig config;

    public FreeDiskCheck(KioskDatabase database, KioskConfig config) {
        this.database = database;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        long floor = config.minFreeDiskMib() * 1024 * 1024;
        try {
            long free = Files.getFileStore(database.dataDir()).getUsableSpace();
            return HealthCheckResponse.named("Free disk for the journal")
                    .status(free >= floor)
                    .withData("freeMiB", free / (1024 * 1024))
                    .withData("floorMiB", config.minFreeDiskMib())
                    .build();
        } catch (IOException e) {
            return HealthCheckResponse.named("Free disk for the journal").down().withData("error", e.getMessage()).build();
        }
    }
}
