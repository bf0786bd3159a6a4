package org.hospital.continuity.playbooks;

import java.util.List;
import java.util.Random;

/**
 * A small seeded generator for property tests: deterministic (the seed is in every failure message), no
 * extra library. Each property runs {@link #TRIES} generated cases.
 */
public final class Gen {

    /** Cases per property: enough to cover the small universes below, fast enough for the build. */
    public static final int TRIES = 400;

    private final Random random;
    private final long seed;

    public Gen(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public long seed() {
        return seed;
    }

    /** 0 ≤ result &lt; bound. */
    public int below(int bound) {
        return random.nextInt(bound);
    }

    /** lo ≤ result ≤ hi. */
    public int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
