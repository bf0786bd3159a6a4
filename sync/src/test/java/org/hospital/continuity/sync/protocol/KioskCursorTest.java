package org.hospital.continuity.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KioskCursorTest {

    @Test
    void theCursorMovesOverAContiguousRun() {
        KioskCursor c = KioskCursor.advance(0, new long[] {1, 2, 3});
        assertThat(c).isEqualTo(new KioskCursor(3, 3, List.of()));
    }

    @Test
    @DisplayName("a gap is detected when 41 arrives before 40, and filled when 40 comes")
    void aGapIsReportedUntilFilled() {
        KioskCursor c = KioskCursor.advance(39, new long[] {41});
        assertThat(c.cursor()).isEqualTo(39);
        assertThat(c.highestHeld()).isEqualTo(41);
        assertThat(c.gaps()).containsExactly(new SeqRange(40, 40));
        assertThat(c.hasGaps()).isTrue();

        KioskCursor filled = KioskCursor.advance(39, new long[] {41, 40});
        assertThat(filled).isEqualTo(new KioskCursor(41, 41, List.of()));
    }

    @Test
    void sequencesAtOrBelowTheCursorAndRepeatsAreIgnored() {
        assertThat(KioskCursor.advance(10, new long[] {3, 10, 11, 11, 12})).isEqualTo(new KioskCursor(12, 12, List.of()));
    }

    @Test
    void manyGapsAreListedLowestFirstAndCapped() {
        long[] odd = new long[500];
        for (int i = 0; i < odd.length; i++) {
            odd[i] = 2L * i + 2; // 2, 4, 6 … : every odd sequence missing
        }
        KioskCursor c = KioskCursor.advance(0, odd);
        assertThat(c.cursor()).isEqualTo(0);
        assertThat(c.gaps()).hasSize(KioskCursor.MAX_GAPS_REPORTED);
        assertThat(c.gaps().get(0)).isEqualTo(new SeqRange(1, 1));
        assertThat(c.gaps().get(1)).isEqualTo(new SeqRange(3, 3));
    }

    @Test
    @DisplayName("property: whatever order sequences arrive in, the cursor is the longest settled prefix and gaps are exactly the missing ones")
    void cursorIsTheLongestSettledPrefixForAnyArrivalOrder() {
        Random random = new Random(20261122);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(60);
            TreeSet<Long> held = new TreeSet<>();
            KioskCursor c = KioskCursor.START;
            for (int step = 0; step < 1 + random.nextInt(8); step++) {
                List<Long> batch = new ArrayList<>();
                for (int k = 0; k < random.nextInt(12); k++) {
                    batch.add(1L + random.nextInt(n));
                }
                held.addAll(batch);
                long[] above = held.stream().mapToLong(Long::longValue).toArray();
                c = KioskCursor.advance(c.cursor(), above);
                long expectedCursor = 0;
                while (held.contains(expectedCursor + 1)) {
                    expectedCursor++;
                }
                assertThat(c.cursor()).isEqualTo(expectedCursor);
                assertThat(c.highestHeld()).isEqualTo(held.isEmpty() ? 0 : Math.max(expectedCursor, held.last()));
                long missing = 0;
                for (long s = expectedCursor + 1; s <= c.highestHeld(); s++) {
                    if (!held.contains(s)) {
                        missing++;
                    }
                }
                assertThat(c.gaps().stream().mapToLong(SeqRange::size).sum()).isEqualTo(missing);
                for (SeqRange g : c.gaps()) {
                    for (long s = g.from(); s <= g.to(); s++) {
                        assertThat(held).doesNotContain(s);
                    }
                }
            }
        }
    }
}
