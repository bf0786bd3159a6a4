package org.hospital.continuity.server.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's clock in tests: real time plus an offset the test moves forward, so the downtime ladder
 * (30 min, 6 h, 24 h) runs in seconds. Only ever moves forward (the journal's instants stay in order).
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock implements InstantSource {

    /** One offset per test JVM (the embedded database lives as long), readable by static test helpers. */
    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return now();
    }

    public static Instant now() {
        return Instant.now().plus(OFFSET.get());
    }

    public void advance(Duration d) {
        OFFSET.accumulateAndGet(d, Duration::plus);
    }
}
