package org.hospital.continuity.kiosk.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.hospital.continuity.kiosk.pool.domain.NumberBlock;

/**
 * How many numbers of one pool this kiosk can still issue, and until when; {@code low} when the
 * remaining count is at or below the warning level or the usable blocks expire within a day.
 */
public record PoolLevel(PoolKind pool, long remaining, Instant earliestExpiry, boolean low, boolean empty) {

    static final Duration EXPIRY_WARNING = Duration.ofHours(24);

    public static PoolLevel of(PoolKind pool, List<NumberBlock> blocks, Instant now, long warnAtOrBelow) {
        List<NumberBlock> usable = blocks.stream().filter(b -> b.pool() == pool && b.usableAt(now)).toList();
        long remaining = usable.stream().mapToLong(NumberBlock::remaining).sum();
        Instant earliest = usable.stream().map(NumberBlock::expiresAt).min(Comparator.naturalOrder()).orElse(null);
        boolean expiringSoon = earliest != null && earliest.isBefore(now.plus(EXPIRY_WARNING));
        return new PoolLevel(pool, remaining, earliest, remaining <= warnAtOrBelow || expiringSoon, remaining == 0);
    }

    /** The block to draw from next: the one that expires first, then the lowest numbers. */
    public static java.util.Optional<NumberBlock> nextBlock(PoolKind pool, List<NumberBlock> blocks, Instant now) {
        return blocks.stream().filter(b -> b.pool() == pool && b.usableAt(now))
                .min(Comparator.comparing(NumberBlock::expiresAt).thenComparing(NumberBlock::first));
    }
}
