package org.hospital.continuity.server.hisfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hospital.continuity.server.hisfeed.domain.ContentHash;
import org.hospital.continuity.server.hisfeed.domain.FeedPiece;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedPieceTest {

    @Test
    @DisplayName("HR-10 a piece never answered, or answered longer ago than the limit, is stale")
    void staleness() {
        Instant now = Instant.parse("2026-12-06T08:00:00Z");
        assertThat(FeedPiece.stale(null, now, Duration.ofMinutes(30))).isTrue();
        assertThat(FeedPiece.stale(now.minus(Duration.ofMinutes(30)), now, Duration.ofMinutes(30))).isFalse();
        assertThat(FeedPiece.stale(now.minus(Duration.ofMinutes(31)), now, Duration.ofMinutes(30))).isTrue();
    }

    @Test
    @DisplayName("A piece's content hash ignores the order the HIS returned it in and changes with any field")
    void contentHash() {
        record R(String code, long fen) {
        }
        assertThat(ContentHash.of(List.of(new R("A", 1), new R("B", 2)))).isEqualTo(ContentHash.of(List.of(new R("B", 2), new R("A", 1))));
        assertThat(ContentHash.of(List.of(new R("A", 1)))).isNotEqualTo(ContentHash.of(List.of(new R("A", 2))));
    }
}
