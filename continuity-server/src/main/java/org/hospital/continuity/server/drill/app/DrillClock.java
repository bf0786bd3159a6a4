package org.hospital.continuity.server.drill.app;

import org.hospital.continuity.server.incident.EngineClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.hospital.continuity.server.drill.domain.TimeScale;

/**
 * The incident engine's clock: the server's {@link InstantSource} (real time, or the tests' clock) seen through
 * the {@link TimeScale} of the drill that runs, if any. The engine, the playbook clock and IT's decisions read
 * this; everything else (notifications, sessions, sync, write-back) keeps real time. Typed to itself so the
 * server's one {@code InstantSource} stays unambiguous.
 */
@ApplicationScoped
@Typed({DrillClock.class, EngineClock.class})
public class DrillClock implements EngineClock {

    private final InstantSource real;
    private final AtomicReference<TimeScale> scale = new AtomicReference<>(TimeScale.REAL);

    public DrillClock(InstantSource real) {
        this.real = real;
    }

    @Override
    public Instant instant() {
        return scale.get().engine(real.instant());
    }

    @Override
    public Instant onThisClock(Instant realInstant) {
        return realInstant == null ? null : scale.get().engine(realInstant);
    }

    /** Real time (the server's clock). */
    public Instant realNow() {
        return real.instant();
    }

    @Override
    public int rate() {
        return scale.get().factor();
    }

    public TimeScale scale() {
        return scale.get();
    }

    /** From now on engine time follows this scale. */
    public void use(TimeScale s) {
        scale.set(s);
    }

    /** Back to real time (the drill is over; the engine is reset to real time with it). */
    public void useRealTime() {
        scale.set(TimeScale.REAL);
    }
}
