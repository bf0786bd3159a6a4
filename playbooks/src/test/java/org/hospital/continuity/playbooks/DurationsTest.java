package org.hospital.continuity.playbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hospital.continuity.playbooks.text.Durations;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Durations are written as the plan and staff write them")
class DurationsTest {

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource({
            "PT30M, 30分钟, 30 min",
            "PT6H, 6小时, 6 h",
            "PT24H, 24小时, 24 h",
            "PT26H30M, 26小时30分钟, 26 h 30 min",
            "P2D, 2天, 2 d",
            "PT22M30S, 22分钟30秒, 22 min 30 s",
            "PT0S, 0分钟, 0 min"})
    @DisplayName("EP-5.2 30分钟 / 6小时 / 24小时, and EP-8.6 2天")
    void writesDurations(Duration d, String zh, String en) {
        assertThat(Durations.zh(d)).isEqualTo(zh);
        assertThat(Durations.en(d)).isEqualTo(en);
    }
}
