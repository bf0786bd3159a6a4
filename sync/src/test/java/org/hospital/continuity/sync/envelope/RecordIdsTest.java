package org.hospital.continuity.sync.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void idsAreVersion7WithTheRfcVariantAndCarryTheirMillisecond() {
        long now = 1_796_000_000_123L;
        UUID id = RecordIds.at(now);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(RecordIds.millisOf(id)).isEqualTo(now);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsTextAndAsNumbers() {
        UUID earlier = RecordIds.at(1_796_000_000_000L);
        UUID later = RecordIds.at(1_796_000_000_001L);
        assertThat(later.toString()).isGreaterThan(earlier.toString());
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits())).isPositive();
    }

    @Test
    void aMillionIdsOfTheSameMillisecondAreAllDistinct() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(seen.add(RecordIds.at(1_796_000_000_000L))).isTrue();
        }
    }

    @Test
    void nextUsesTheWallClock() {
        long before = System.currentTimeMillis();
        UUID id = RecordIds.next();
        long after = System.currentTimeMillis();
        assertThat(RecordIds.millisOf(id)).isBetween(before, after);
    }

    @Test
    void outOfRangeTimesAndOtherVersionsAreRefused() {
        assertThatThrownBy(() -> RecordIds.at(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordIds.at(1L << 48)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordIds.millisOf(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
    }
}
