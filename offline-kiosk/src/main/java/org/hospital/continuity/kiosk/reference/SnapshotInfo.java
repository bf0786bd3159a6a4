package org.hospital.continuity.kiosk.reference;

import java.time.Duration;
import java.time.Instant;

/** Version and age of the reference snapshot on this kiosk; stale beyond the configured age. */
public record SnapshotInfo(String version, Instant generatedAt, Instant fetchedAt, int itemCount) {

    public Duration age(Instant now) {
        return Duration.between(generatedAt, now);
    }

    public boolean staleAt(Instant now, Duration staleAfter) {
        return age(now).compareTo(staleAfter) > 0;
    }
}
