package org.hospital.continuity.server.writeback.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A circuit breaker around the HIS: after {@code threshold} failures in a row it opens and write-back
 * pauses for {@code coolDown}; then one trial call is let through (half-open); a success closes it.
 * Plain Java so the runner and its tests share it; time comes from an {@link InstantSource}.
 */
public final class HisCircuit {

    /** The breaker's state. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration coolDown;
    private final InstantSource clock;
    private int failures;
    private Instant openedAt;

    public HisCircuit(int threshold, Duration coolDown, InstantSource clock) {
        this.threshold = threshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** The state now. */
    public synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openedAt.plus(coolDown)) ? State.OPEN : State.HALF_OPEN;
    }

    /** True when a call may go to the HIS now. */
    public synchronized boolean allows() {
        return state() != State.OPEN;
    }

    /** The HIS answered. */
    public synchronized void success() {
        failures = 0;
        openedAt = null;
    }

    /** The HIS did not answer or failed; a failed trial re-opens at once. */
    public synchronized void failure() {
        if (state() == State.HALF_OPEN) {
            openedAt = clock.instant();
            return;
        }
        failures++;
        if (failures >= threshold) {
            openedAt = clock.instant();
        }
    }

    /** When the breaker may let a trial through, if open. */
    public synchronized Instant retryAt() {
        return openedAt == null ? clock.instant() : openedAt.plus(coolDown);
    }
}
