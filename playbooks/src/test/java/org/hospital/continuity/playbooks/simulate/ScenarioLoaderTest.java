package org.hospital.continuity.playbooks.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.stream.Stream;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.yaml.FileFormatException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ScenarioLoader: scenario files with precise errors")
class ScenarioLoaderTest {

    static final String GOOD = """
            id: tiny
            title: {zh: 小场景, en: Tiny}
            start: 2026-11-24T10:00:00+08:00
            settings:
              classifier: {patternMinTerminals: 4}
              ladder: {FRONT_DESK: PT20M}
            timeline:
              - at: PT0M
                id: p1
                probe: {component: DATABASE_SERVER, target: db, status: DOWN}
              - at: PT5M
                clear: {by: it, ids: [p1]}
            """;

    @Test
    @DisplayName("a good scenario parses: inputs at offsets from the start, default ids, settings changes")
    void parsesAGoodFile() {
        Scenario s = ScenarioLoader.parse("tiny.yaml", GOOD);

        assertThat(s.inputs()).hasSize(2);
        assertThat(((ProbeResult) ((Input.Observe) s.inputs().get(0)).signal()).id()).isEqualTo("p1");
        assertThat(((Input.Observe) s.inputs().get(1)).signal().id()).isEqualTo("e2");
        assertThat(s.inputs().get(1).at()).isEqualTo(s.start().plus(Duration.ofMinutes(5)));
        assertThat(s.settings().classifier().patternMinTerminals()).isEqualTo(4);
        assertThat(s.settings().ladder().thresholds().get(org.hospital.continuity.playbooks.ladder.LadderStep.FRONT_DESK))
                .isEqualTo(Duration.ofMinutes(20));
        assertThat(s.zone().getId()).isEqualTo("Asia/Shanghai");
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("entries out of time order", GOOD.replace("- at: PT5M", "- at: -PT5M"), 11, "timeline[2].at",
                        "not negative"),
                Arguments.of("a reference to an unknown id", GOOD.replace("ids: [p1]", "ids: [p9]"), 12, "timeline[2].clear.ids[1]",
                        "an id of an earlier timeline entry"),
                Arguments.of("two kinds in one entry", GOOD.replace("    clear: {by: it, ids: [p1]}",
                        "    clear: {by: it, ids: [p1]}\n    alarm: {kind: SERVER_DATA_LOSS}"), 11, "timeline[2]", "exactly one of"),
                Arguments.of("an unknown component", GOOD.replace("DATABASE_SERVER", "MAINFRAME"), 10, "timeline[1].probe.component",
                        "one of DATABASE_SERVER"),
                Arguments.of("ladder thresholds out of order", GOOD.replace("FRONT_DESK: PT20M", "FRONT_DESK: PT7H"), 6, "settings.ladder",
                        "thresholds that increase"),
                Arguments.of("a bad start", GOOD.replace("2026-11-24T10:00:00+08:00", "next tuesday"), 3, "start",
                        "an ISO-8601 date-time"),
                Arguments.of("a repeated id", GOOD.replace("  - at: PT5M\n", "  - at: PT5M\n    id: p1\n"), 12, "timeline[2].id",
                        "an id used once"));
    }

    @ParameterizedTest(name = "{0} is rejected at line {2}, field ''{3}''")
    @MethodSource("badFiles")
    @DisplayName("A bad scenario file is rejected with file, line, field and what was expected")
    void rejectsBadFiles(String what, String yaml, int line, String field, String expected) {
        FileFormatException e = catchThrowableOfType(FileFormatException.class, () -> ScenarioLoader.parse("bad.yaml", yaml));

        assertThat(e).as(what).isNotNull();
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        assertThat(e.expected()).as(e.getMessage()).contains(expected);
    }
}
