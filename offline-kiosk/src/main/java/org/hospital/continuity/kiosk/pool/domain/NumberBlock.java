package org.hospital.continuity.kiosk.pool.domain;

import java.time.Instant;
import java.util.Optional;
import org.hospital.continuity.kiosk.pool.PoolKind;

/**
 * A block of numbers {@code [first, last]} given to this kiosk only, {@code next} being the next
 * unused one. Numbers print as the prefix and eight digits ({@code SG00012345}).
 */
public record NumberBlock(String blockId, PoolKind pool, String prefix, long first, long last, long next, Instant expiresAt) {

    public NumberBlock {
        if (first > last || next < first || next > last + 1) {
            throw new IllegalArgumentException("block bounds are inconsistent");
        }
    }

    public long remaining() {
        return last - next + 1;
    }

    public boolean usableAt(Instant now) {
        return remaining() > 0 && now.isBefore(expiresAt);
    }

    /** The next number and the block after drawing it, or empty when spent or expired. */
    public Optional<Drawn> draw(Instant now) {
        if (!usableAt(now)) {
            return Optional.empty();
        }
        return Optional.of(new Drawn(format(prefix, next),
                new NumberBlock(blockId, pool, prefix, first, last, next + 1, expiresAt)));
    }

    /** The prefix and the number zero-padded to eight digits (more digits print as they are). */
    public static String format(String prefix, long number) {
        if (number < 0) {
            return prefix + String.format("%08d", number);
        }
        // on every submit that draws a number: no Formatter (it parses the pattern each call)
        String digits = Long.toString(number);
        StringBuilder b = new StringBuilder(prefix.length() + Math.max(8, digits.length())).append(prefix);
        for (int i = digits.length(); i < 8; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    public record Drawn(String number, NumberBlock after) {
    }
}
