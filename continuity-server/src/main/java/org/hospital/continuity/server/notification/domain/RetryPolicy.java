package org.hospital.continuity.server.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed send is tried again: exponential backoff from {@code firstDelay}, doubled after each
 * failure, never more than {@code maxDelay} apart, at most {@code maxAttempts} attempts in all.
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    public RetryPolicy {
        Objects.requireNonNull(firstDelay);
        Objects.requireNonNull(maxDelay);
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy needs 0 < firstDelay <= maxDelay and maxAttempts >= 1");
        }
    }

    /** The delay after the {@code attempts}-th failed attempt (1-based): first, 2×first, 4×first … capped. */
    public Duration delayAfter(int attempts) {
        if (attempts < 1) {
            return Duration.ZERO;
        }
        Duration d = firstDelay;
        for (int i = 1; i < attempts && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** When to try again after {@code attempts} failed attempts, or empty when they are used up. */
    public Optional<Instant> nextAttempt(int attempts, Instant failedAt) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(delayAfter(attempts)));
    }
}
