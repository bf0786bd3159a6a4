package org.hospital.continuity.sync.envelope;

import java.time.InstantSource;

/**
 * A hybrid logical clock (Kulkarni et al.): a 64-bit value, the upper 48 bits wall-clock
 * milliseconds, the lower 16 bits a counter. It never goes backwards on one kiosk even when the
 * wall clock is set back, and it moves past any value it has seen from another node, so entries
 * from kiosks with drifting clocks still order causally. Not thread-safe: one per journal writer.
 */
public final class HybridLogicalClock {

    private static final int COUNTER_BITS = 16;
    private static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;

    private final InstantSource wall;
    private long last;

    public HybridLogicalClock(InstantSource wall, long lastIssued) {
        this.wall = wall;
        this.last = lastIssued;
    }

    /** The value for a local event (a capture). */
    public long tick() {
        long physical = wall.millis() << COUNTER_BITS;
        last = physical > last ? physical : last + 1;
        return last;
    }

    /** Merges a value seen from another node (e.g. the server's answer) so later ticks pass it. */
    public long observe(long remote) {
        long physical = wall.millis() << COUNTER_BITS;
        long max = Math.max(Math.max(physical, remote), last);
        last = max == last || max == remote ? max + 1 : max;
        return last;
    }

    public long last() {
        return last;
    }

    /** Wall-clock milliseconds part of a value. */
    public static long millisOf(long hlc) {
        return hlc >>> COUNTER_BITS;
    }

    /** Counter part of a value. */
    public static long counterOf(long hlc) {
        return hlc & COUNTER_MASK;
    }
}
