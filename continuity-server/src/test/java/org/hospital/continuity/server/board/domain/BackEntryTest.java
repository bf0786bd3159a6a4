package org.hospital.continuity.server.board.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackEntryTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("EP-8.4 important data is due at the end of the day the system came back, everything at the end of the next day")
    void deadlinesAreTheEndOfTheRecoveryDayAndOfTheNextDay() {
        Instant back = ZonedDateTime.of(2026, 11, 22, 23, 10, 0, 0, SHANGHAI).toInstant();
        BackEntry.Deadlines d = BackEntry.deadlines(back, SHANGHAI);
        assertThat(d.importantDue()).isEqualTo(ZonedDateTime.of(2026, 11, 23, 0, 0, 0, 0, SHANGHAI).toInstant());
        assertThat(d.allDue()).isEqualTo(ZonedDateTime.of(2026, 11, 24, 0, 0, 0, 0, SHANGHAI).toInstant());
    }

    @Test
    @DisplayName("EP-8.4 a deadline is late only when it has passed with items still open, over many random cases")
    void lateOnlyWhenPassedWithItemsOpen() {
        Random random = new Random(84);
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        for (int n = 0; n < 5000; n++) {
            int total = random.nextInt(30);
            int done = total == 0 ? 0 : random.nextInt(total + 1);
            int important = total == 0 ? 0 : random.nextInt(total + 1);
            int importantDone = important == 0 ? 0 : random.nextInt(important + 1);
            BackEntry.Count c = new BackEntry.Count(total, done, important, importantDone);
            Instant back = base.plusSeconds(random.nextInt(30 * 24 * 3600));
            Instant now = back.plusSeconds(random.nextInt(4 * 24 * 3600));
            BackEntry.Standing s = BackEntry.standing(c, back, SHANGHAI, now);
            assertThat(s.importantLate()).isEqualTo(importantDone < important && !now.isBefore(s.deadlines().importantDue()));
            assertThat(s.allLate()).isEqualTo(done < total && !now.isBefore(s.deadlines().allDue()));
            assertThat(s.deadlines().importantDue()).isAfter(back);
            assertThat(Duration.between(s.deadlines().importantDue(), s.deadlines().allDue())).isEqualTo(Duration.ofDays(1));
            assertThat(Duration.between(back, s.deadlines().importantDue())).isLessThanOrEqualTo(Duration.ofDays(1));
            assertThat(s.importantSecondsLeft()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(s.allSecondsLeft());
        }
    }

    @Test
    @DisplayName("EP-8.4 while the system is not back no deadline runs and nothing is late")
    void noDeadlineBeforeRecovery() {
        BackEntry.Standing s = BackEntry.standing(new BackEntry.Count(5, 1, 2, 0), null, SHANGHAI, Instant.now());
        assertThat(s.deadlines()).isNull();
        assertThat(s.importantLate()).isFalse();
        assertThat(s.allLate()).isFalse();
        assertThat(s.allFinished()).isFalse();
    }

    @Test
    @DisplayName("a count with more done than there are items is refused")
    void inconsistentCountsAreRefused() {
        assertThatThrownBy(() -> new BackEntry.Count(2, 3, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackEntry.Count(2, 1, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
