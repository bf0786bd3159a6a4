package org.hospital.continuity.kiosk.readiness.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.hospital.continuity.kiosk.journal.Backlog;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.reference.ReferenceData;

/**
 * The signal the server reads about this kiosk's data: snapshot age (DOWN once older than
 * {@code continuity.reference.stale-after}: prices may be wrong, EP-4.1), and the unsent backlog
 * with the age of its oldest entry (information; being offline is normal).
 */
@Readiness
@ApplicationScoped
public class ReferenceAndBacklogCheck implements HealthCheck {

    private final ReferenceData reference;
    private final Journal journal;
    private final KioskConfig config;
    private final InstantSource clock;

    public ReferenceAndBacklogCheck(ReferenceData reference, Journal journal, KioskConfig config, InstantSource clock) {
        this.reference = reference;
        this.journal = journal;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("Reference snapshot fresh, journal backlog");
        boolean stale = false;
        var info = reference.info();
        if (info.isPresent()) {
            stale = info.get().staleAt(now, config.reference().staleAfter());
            b.withData("snapshotVersion", info.get().version()).withData("snapshotAgeSeconds", info.get().age(now).toSeconds());
        } else {
            b.withData("snapshotVersion", "none");
        }
        b.withData("snapshotStale", stale);
        Backlog backlog = journal.backlog();
        b.withData("unsent", backlog.unsent());
        b.withData("oldestUnsentAgeSeconds", backlog.oldestUnsentAt() == null ? 0 : Duration.between(backlog.oldestUnsentAt(), now).toSeconds());
        return b.status(!stale).build();
    }
}
