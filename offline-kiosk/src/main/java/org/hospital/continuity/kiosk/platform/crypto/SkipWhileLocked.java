package org.hospital.continuity.kiosk.platform.crypto;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/**
 * Scheduled work that reads the kiosk's credential or patient data waits while the data key is locked (a kiosk restarted
 * while the server is unreachable, until a person of the offline period signs in): skipped quietly, not failed every tick.
 */
@Singleton
public class SkipWhileLocked implements Scheduled.SkipPredicate {

    private final KioskKey key;

    public SkipWhileLocked(KioskKey key) {
        this.key = key;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !key.open();
    }
}
