package org.hospital.continuity.server.drill.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How engine time relates to real time: from {@code realAnchor} (where both agree, at {@code engineAnchor}) the
 * engine runs {@code factor} times as fast. Outside a drill the factor is 1 and the anchors are equal, so engine
 * time is real time. A drill compresses time (EP-9.4: a 24-hour ladder in 24 minutes at 60), never thresholds.
 */
public record TimeScale(Instant realAnchor, Instant engineAnchor, int factor) {

    public static final TimeScale REAL = new TimeScale(Instant.EPOCH, Instant.EPOCH, 1);

    public TimeScale {
        Objects.requireNonNull(realAnchor, "realAnchor");
        Objects.requireNonNull(engineAnchor, "engineAnchor");
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1");
        }
    }

    /** A drill starting at {@code start}, where engine and real time agree. */
    public static TimeScale compressed(Instant start, int factor) {
        return new TimeScale(start, start, factor);
    }

    /** Engine time at a real instant. */
    public Instant engine(Instant real) {
        Duration d = Duration.between(realAnchor, real);
        return engineAnchor.plus(d.multipliedBy(factor));
    }

    /** The real instant at which the engine reaches {@code engine} (the inverse of {@link #engine}). */
    public Instant real(Instant engine) {
        Duration d = Duration.between(engineAnchor, engine);
        return realAnchor.plus(d.dividedBy(factor));
    }

    /** A span of engine time as real time. */
    public Duration realSpan(Duration engineSpan) {
        return engineSpan.dividedBy(factor);
    }
}
