package org.hospital.continuity.sync.protocol;

import java.time.Duration;

/**
 * Tuning of the kiosk's sender.
 *
 * @param batchSize  entries per push (at most {@link SyncProtocol#MAX_BATCH_ENTRIES})
 * @param minBackoff first wait after a failed push
 * @param maxBackoff longest wait between attempts while the server is unreachable or refuses
 */
public record SenderSettings(int batchSize, Duration minBackoff, Duration maxBackoff) {

    public SenderSettings {
        if (batchSize < 1 || batchSize > SyncProtocol.MAX_BATCH_ENTRIES) {
            throw new IllegalArgumentException("batchSize must be 1.." + SyncProtocol.MAX_BATCH_ENTRIES);
        }
        if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("backoff range");
        }
    }

    public static SenderSettings defaults() {
        return new SenderSettings(500, Duration.ofMillis(500), Duration.ofSeconds(60));
    }
}
