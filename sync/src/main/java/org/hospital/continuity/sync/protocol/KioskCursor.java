package org.hospital.continuity.sync.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-kiosk cursor and its gaps, as pure functions: given the cursor the server had and the
 * sequences it now holds above it, where does the cursor move and what is still missing.
 *
 * @param cursor      every sequence 1..cursor is settled on the server
 * @param highestHeld the highest settled sequence (== cursor when there is no gap)
 * @param gaps        missing ranges between cursor and highestHeld, lowest first (at most {@link #MAX_GAPS_REPORTED})
 */
public record KioskCursor(long cursor, long highestHeld, List<SeqRange> gaps) {

    /** Gap lists are capped so that a pathological kiosk cannot make answers huge. */
    public static final int MAX_GAPS_REPORTED = 100;

    public static final KioskCursor START = new KioskCursor(0, 0, List.of());

    public KioskCursor {
        if (cursor < 0 || highestHeld < cursor) {
            throw new IllegalArgumentException("cursor " + cursor + " highest " + highestHeld);
        }
        gaps = List.copyOf(gaps);
    }

    /**
     * Moves the cursor over the sequences now settled above it. Sequences at or below
     * {@code cursor} and repeats are ignored, so the result depends only on the set.
     *
     * @param cursor the previous cursor (0 before anything arrived)
     * @param above  settled sequences, any order, any duplicates
     */
    public static KioskCursor advance(long cursor, long[] above) {
        long[] seqs = Arrays.stream(above).filter(s -> s > cursor).sorted().distinct().toArray();
        long c = cursor;
        int i = 0;
        while (i < seqs.length && seqs[i] == c + 1) {
            c++;
            i++;
        }
        if (i == seqs.length) {
            return new KioskCursor(c, c, List.of());
        }
        List<SeqRange> gaps = new ArrayList<>();
        long expected = c + 1;
        for (; i < seqs.length; i++) {
            if (seqs[i] > expected && gaps.size() < MAX_GAPS_REPORTED) {
                gaps.add(new SeqRange(expected, seqs[i] - 1));
            }
            expected = seqs[i] + 1;
        }
        return new KioskCursor(c, seqs[seqs.length - 1], gaps);
    }

    public boolean hasGaps() {
        return highestHeld > cursor;
    }
}
