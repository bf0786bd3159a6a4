package org.hospital.continuity.kiosk.outbox.config;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sync agent's settings ({@code continuity.sync.*}). */
@StaticInitSafe
@ConfigMapping(prefix = "continuity.sync")
public interface OutboxConfig {

    /** How often the agent looks for unsent entries and pushes them while the server is reachable. */
    @WithDefault("5s")
    String interval();

    /** Entries per push. */
    @WithDefault("500")
    int batchSize();

    /** Pushes per scheduled run at most (the next run goes on), so one run never holds the agent for long. */
    @WithDefault("40")
    int maxPushesPerRun();

    /** How long one push may take before it counts as failed (it is re-sent; the server dedupes), in milliseconds. */
    @WithDefault("15000")
    int requestTimeoutMillis();

    /** First wait after a failed push, in milliseconds; it doubles up to {@link #maxBackoffMillis()}. */
    @WithDefault("500")
    int minBackoffMillis();

    /** Longest wait between attempts while the server is unreachable or refuses, in milliseconds. */
    @WithDefault("60000")
    int maxBackoffMillis();

    /** HIS down, LAN up: push right after each capture (the relay to other stations starts with the push), not only every interval. */
    @WithDefault("true")
    boolean pushOnSave();
}
