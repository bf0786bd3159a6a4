package org.hospital.continuity.kiosk.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.kiosk.pool.domain.NumberBlock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NumberPoolTest {

    static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    @DisplayName("EP-6.2.3 a block hands out each of its numbers once, in order, then refuses")
    void blockRunsOutCleanly() {
        NumberBlock b = new NumberBlock("b1", PoolKind.INVOICE, "SG", 41, 43, 41, NOW.plus(Duration.ofDays(30)));
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            NumberBlock.Drawn d = b.draw(NOW).orElseThrow();
            assertThat(issued.add(d.number())).isTrue();
            b = d.after();
        }
        assertThat(issued).containsExactlyInAnyOrder("SG00000041", "SG00000042", "SG00000043");
        assertThat(b.draw(NOW)).isEmpty();
        assertThat(b.remaining()).isZero();
    }

    @Test
    @DisplayName("an expired block issues nothing; the level warns when low or expiring and reports empty")
    void levelsWarn() {
        NumberBlock expired = new NumberBlock("b0", PoolKind.PATIENT, "D", 1, 100, 1, NOW.minusSeconds(1));
        NumberBlock soon = new NumberBlock("b1", PoolKind.PATIENT, "D", 101, 200, 101, NOW.plus(Duration.ofHours(2)));
        NumberBlock later = new NumberBlock("b2", PoolKind.PATIENT, "D", 201, 215, 201, NOW.plus(Duration.ofDays(30)));
        assertThat(expired.draw(NOW)).isEmpty();
        PoolLevel level = PoolLevel.of(PoolKind.PATIENT, List.of(expired, soon, later), NOW, 20);
        assertThat(level.remaining()).isEqualTo(115);
        assertThat(level.low()).as("expiring within a day").isTrue();
        assertThat(PoolLevel.nextBlock(PoolKind.PATIENT, List.of(expired, soon, later), NOW)).map(NumberBlock::blockId).contains("b1");
        PoolLevel onlyLater = PoolLevel.of(PoolKind.PATIENT, List.of(later), NOW, 20);
        assertThat(onlyLater.low()).as("15 left is at or below 20").isTrue();
        assertThat(PoolLevel.of(PoolKind.INVOICE, List.of(later), NOW, 20).empty()).isTrue();
        assertThat(PoolLevel.nextBlock(PoolKind.INVOICE, List.of(later), NOW)).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("EP-6.2.3 numbers print as the prefix and eight digits, exactly as String.format did, longer numbers unpadded")
    void numbersPrintZeroPadded() {
        for (long n : new long[] {0, 1, 9, 10, 41, 12_345, 99_999_999, 100_000_000, 1_234_567_890_123L, Long.MAX_VALUE, -5}) {
            assertThat(NumberBlock.format("SG", n)).isEqualTo("SG" + String.format("%08d", n));
        }
        assertThat(NumberBlock.format("", 7)).isEqualTo("00000007");
        assertThat(NumberBlock.format("D", 12_345)).isEqualTo("D00012345");
    }
}
