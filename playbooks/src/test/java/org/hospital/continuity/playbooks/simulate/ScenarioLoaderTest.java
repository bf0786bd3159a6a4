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
                        "an id used once"),
                Arguments.of("an offset that overflows the calendar", GOOD.replace("- at: PT5M", "- at: PT2562047788015215H"), 11,
                        "timeline[2].at", "stays before the year 3000"),
                Arguments.of("an offset too large for a duration", GOOD.replace("- at: PT5M", "- at: PT99999999999999999999H"), 11,
                        "timeline[2].at", "an ISO-8601 duration"),
                Arguments.of("a start near the end of time", GOOD.replace("2026-11-24T10:00:00+08:00", "+1000000000-12-31T23:59:59+08:00"), 3,
                        "start", "an ISO-8601 date-time"),
                Arguments.of("a start beyond the years a scenario may touch", GOOD.replace("2026-11-24T10:00:00+08:00", "9999-12-31T23:00:00+08:00"), 3,
                        "start", "within the years 1970"),
                Arguments.of("a ten-year gap", GOOD.replace("- at: PT5M", "- at: P3650D"), 11, "timeline[2].at",
                        "a gap of at most the horizon"),
                Arguments.of("a gap beyond a scenario's own horizon", GOOD.replace("timeline:", "horizon: PT1M\ntimeline:"), 12,
                        "timeline[2].at", "a gap of at most the horizon PT1M"),
                Arguments.of("an until far after the last entry", GOOD.replace("timeline:", "until: P400D\ntimeline:"), 7, "until",
                        "an until at most the horizon"),
                Arguments.of("an area with too many parts", GOOD.replace("status: DOWN}", "status: DOWN, area: B/3/5A/bed-7}"), 10,
                        "timeline[1].probe.area", "an area building[/floor[/area]]"),
                Arguments.of("an unknown expectation", GOOD + "expect: {incidents: 1, paper: never}\n", 13, "expect.paper",
                        "one of the keys"),
                Arguments.of("a merge without its incidents", GOOD.replace("    clear: {by: it, ids: [p1]}", "    merge: {by: it, reason: x}"), 12,
                        "timeline[2].merge.from", "the incident merged away"));
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are rejected at the line and column of the first of them")
    void rejectsBytesThatAreNotUtf8(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        byte[] good = GOOD.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String marker = "target: db";
        int at = GOOD.substring(0, GOOD.indexOf(marker) + "target: ".length()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        byte[] bad = java.util.Arrays.copyOf(good, good.length);
        bad[at] = (byte) 0xC3; // a lead byte followed by an ASCII letter: not UTF-8
        java.nio.file.Path file = dir.resolve("latin1.yaml");
        java.nio.file.Files.write(file, bad);

        FileFormatException e = catchThrowableOfType(FileFormatException.class, () -> ScenarioLoader.load(file));
        assertThat(e.getMessage()).startsWith("latin1.yaml:10:").contains("UTF-8").contains("0xC3");
        assertThat(e.column()).isEqualTo(GOOD.lines().toList().get(9).indexOf(marker) + "target: ".length() + 1);
    }

    @Test
    @DisplayName("a file's areas, floors, decisions and expectations are read")
    void readsTheNewKinds() {
        Scenario s = ScenarioLoader.parse("new.yaml", """
                id: new-kinds
                title: {zh: 新, en: New}
                start: 2026-11-24T10:00:00+08:00
                horizon: P2D
                timeline:
                  - at: PT0M
                    probe: {component: NETWORK_SEGMENT, target: fibre-b, status: DOWN, area: B/3}
                  - at: PT1M
                    report:
                      reporter: n
                      terminal: {id: T1, department: NURSE_STATION, building: B, floor: "3", ward: 3A}
                      symptom: CANNOT_CONNECT
                  - at: PT2M
                    switch-earlier: {by: leader, department: PHARMACY, reason: 假日, area: B/3, incident: 1}
                  - at: PT3M
                    merge: {by: it, from: 2, into: 1, reason: 同一故障}
                expect:
                  incidents: 1
                  ladder: [{at: PT30M, step: FRONT_DESK, area: B/3}]
                  classes: {1: [CLASS_I, none]}
                """);

        assertThat(((ProbeResult) ((Input.Observe) s.inputs().get(0)).signal()).area())
                .contains(new org.hospital.continuity.playbooks.fault.Area("B", "3", null));
        assertThat(((org.hospital.continuity.playbooks.signal.FaultReport) ((Input.Observe) s.inputs().get(1)).signal()).terminal().area().path())
                .isEqualTo("B/3/3A");
        assertThat(s.inputs().get(2)).isInstanceOfSatisfying(Input.SwitchEarlier.class, e -> assertThat(e.incident()).contains("1"));
        assertThat(s.inputs().get(3)).isInstanceOfSatisfying(Input.MergeIncidents.class, m -> assertThat(m.from()).isEqualTo("2"));
        assertThat(s.horizon()).isEqualTo(Duration.ofDays(2));
        assertThat(s.expect().incidents()).contains(1);
        assertThat(s.expect().ladder().orElseThrow()).singleElement().satisfies(r -> assertThat(r.area().path()).isEqualTo("B/3"));
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
        assertThat(e.getMessage()).startsWith("bad.yaml:" + line + ":" + e.column() + ": ");
    }
}
