package org.hospital.continuity.playbooks.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hospital.continuity.playbooks.fault.Clauses;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Team;
import org.hospital.continuity.playbooks.yaml.FileFormatException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("PlaybookLoader: the emergency plan as data (EP-3 … EP-9)")
class PlaybookLoaderTest {

    private static final PlaybookSet DEFAULTS = PlaybookLoader.loadDefaults();

    static final String GOOD = """
            id: hospital-class-ii
            title: {zh: 二类故障(本院), en: Class II (our hospital)}
            clause: EP-4.2
            trigger: {type: CLASS, class: CLASS_II}
            steps:
              - id: call-admin
                clause: EP-4.6
                owner: SYSTEM_ADMINISTRATOR
                action: {zh: 电话通知系统管理员, en: Phone the system administrator}
                notify: [IT_DEPARTMENT]
                due: PT10M
            """;

    @Nested
    @DisplayName("The default playbooks")
    class Defaults {

        @Test
        @DisplayName("EP-3 … EP-9 the defaults load and cover every section of the plan from reporting to assurance")
        void coverTheWholePlan() {
            Set<String> sections = DEFAULTS.playbooks().stream()
                    .flatMap(p -> Stream.concat(Stream.of(p.clause()), p.steps().stream().map(PlaybookStep::clause)))
                    .filter(c -> c.startsWith("EP-"))
                    .map(c -> c.split("\\.")[0])
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(sections).contains("EP-3", "EP-4", "EP-5", "EP-6", "EP-7", "EP-8", "EP-9");
        }

        @Test
        @DisplayName("EP-4.5 … EP-4.8 each fault class has its playbook; every ladder row and every trigger type has one")
        void everyTriggerHasAPlaybook() {
            for (FaultClass c : FaultClass.values()) {
                assertThat(DEFAULTS.playbooks()).as(c.name()).anyMatch(p -> p.trigger().equals(new Trigger.ClassReached(c)));
            }
            for (LadderStep s : LadderStep.values()) {
                assertThat(DEFAULTS.playbooks()).as(s.name()).anyMatch(p -> p.trigger().equals(new Trigger.LadderStepDue(s)));
            }
            for (TriggerType t : TriggerType.values()) {
                assertThat(DEFAULTS.playbooks()).as(t.name()).anyMatch(p -> p.trigger().type() == t);
            }
        }

        @Test
        @DisplayName("EP-6 every department has its manual-mode steps and its recovery steps")
        void everyDepartmentIsCovered() {
            Playbook manual = DEFAULTS.byId("ep6-manual-mode").orElseThrow();
            Playbook recovery = DEFAULTS.byId("ep6-recovery").orElseThrow();
            for (Department d : Department.values()) {
                assertThat(manual.steps()).as("manual mode " + d).anyMatch(s -> s.department().equals(java.util.Optional.of(d)));
                assertThat(recovery.steps()).as("recovery " + d).anyMatch(s -> s.department().equals(java.util.Optional.of(d)));
            }
        }

        @Test
        @DisplayName("EP-6.2.3 and EP-6.5.3 the cashiers' invoice register and the nurses' duplicate requisitions are there")
        void theForms() {
            Playbook manual = DEFAULTS.byId("ep6-manual-mode").orElseThrow();
            assertThat(manual.steps()).anySatisfy(s -> {
                assertThat(s.clause()).isEqualTo("EP-6.2.3");
                assertThat(s.action().zh()).contains("手工发票登记");
            });
            assertThat(manual.steps()).anySatisfy(s -> {
                assertThat(s.clause()).isEqualTo("EP-6.5.3");
                assertThat(s.action().zh()).contains("一式两份");
            });
        }

        @Test
        @DisplayName("EP-8.4 and EP-8.6 deadlines: important data the same day, all back-entry by the next day, review within 2 days")
        void thePlansDeadlines() {
            Playbook recovery = DEFAULTS.byId("ep6-recovery").orElseThrow();
            assertThat(recovery.steps()).filteredOn(s -> s.clause().equals("EP-8.4")).extracting(s -> s.due().orElseThrow())
                    .contains(new Deadline.EndOfDay(0), new Deadline.EndOfDay(1));
            Playbook review = DEFAULTS.byId("ep8-post-incident-class-i").orElseThrow();
            assertThat(review.steps()).filteredOn(s -> s.clause().equals("EP-8.6")).singleElement()
                    .satisfies(s -> assertThat(s.due()).contains(new Deadline.Within(java.time.Duration.ofDays(2))));
        }

        @Test
        @DisplayName("EP-8.2 the Class I playbook forms the repair, liaison and coordination teams")
        void theThreeTeams() {
            assertThat(DEFAULTS.byId("ep4-1-class-i").orElseThrow().teams()).extracting(TeamDuty::team)
                    .containsExactly(Team.REPAIR_TEAM, Team.LIAISON_TEAM, Team.COORDINATION_TEAM);
        }

        @Test
        @DisplayName("every default file is listed in the classpath index, and every listed file exists")
        void indexIsComplete() throws IOException {
            Path dir = Path.of("src/main/resources/playbooks");
            Set<String> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).collect(Collectors.toSet());
            }
            Set<String> listed = Files.readAllLines(dir.resolve("index.txt"), StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
            assertThat(listed).isEqualTo(files);
            assertThat(DEFAULTS.playbooks()).hasSize(files.size());
        }

        @Test
        @DisplayName("every step of every default playbook cites a known clause and has both languages")
        void everyStepCitesAClause() {
            DEFAULTS.playbooks().stream().flatMap(p -> p.steps().stream()).forEach(s -> {
                assertThat(Clauses.isKnown(s.clause())).as(s.id()).isTrue();
                assertThat(s.action().zh()).as(s.id()).isNotBlank();
                assertThat(s.action().en()).as(s.id()).isNotBlank();
            });
        }
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("a missing id", GOOD.replace("id: hospital-class-ii\n", ""), 1, "id", "the playbook id"),
                Arguments.of("an unknown key", GOOD.replace("clause: EP-4.2\n", "clause: EP-4.2\nowner: FINANCE\n"), 4, "owner",
                        "one of the keys"),
                Arguments.of("a clause that is not in the plan", GOOD.replace("clause: EP-4.6", "clause: EP-6.2.9"), 7,
                        "steps[1].clause", "a clause id of the plan"),
                Arguments.of("an unknown party", GOOD.replace("notify: [IT_DEPARTMENT]", "notify: [IT_DEPT]"), 10,
                        "steps[1].notify[1]", "a party code"),
                Arguments.of("a bad deadline", GOOD.replace("due: PT10M", "due: tomorrow"), 11, "steps[1].due", "a deadline"),
                Arguments.of("an unknown fault class", GOOD.replace("class: CLASS_II", "class: CLASS_IV"), 4, "trigger.class",
                        "one of CLASS_I, CLASS_II, CLASS_III, INSURANCE"),
                Arguments.of("a field that does not belong to the trigger type", GOOD.replace("{type: CLASS, class: CLASS_II}",
                        "{type: RECOVERY, class: CLASS_II}"), 4, "trigger.class", "no 'class' for a RECOVERY trigger"),
                Arguments.of("a title without English", GOOD.replace("en: Class II (our hospital)}", "english: x}"), 2,
                        "title.english", "one of the keys en, zh"),
                Arguments.of("a repeated step id", GOOD + """
                          - id: call-admin
                            clause: EP-4.6
                            owner: IT_DEPARTMENT
                            action: {zh: 再次, en: Again}
                        """, 12, "steps[2].id", "a step id unique within the playbook"),
                Arguments.of("a manual-mode step without its department", GOOD.replace("{type: CLASS, class: CLASS_II}", "{type: MANUAL_MODE}"),
                        6, "steps[1].department", "MANUAL_MODE steps name one"),
                Arguments.of("no steps", GOOD.substring(0, GOOD.indexOf("steps:")) + "steps: []\n", 5, "steps", "at least one step"),
                Arguments.of("a syntax error", GOOD.replace("action: {zh: 电话通知系统管理员,", "action: {zh: [电话通知系统管理员,"), 9,
                        "", "well-formed YAML"),
                Arguments.of("an empty file", "", 1, "", "a YAML mapping"),
                Arguments.of("a repeated key", GOOD.replace("clause: EP-4.2\n", "clause: EP-4.2\nclause: EP-4.3\n"), 4,
                        "clause", "each key once"));
    }

    @ParameterizedTest(name = "a file with {0} is rejected at line {2}, field ''{3}''")
    @MethodSource("badFiles")
    @DisplayName("A bad playbook file is rejected with file, line, field and what was expected")
    void rejectsBadFiles(String what, String yaml, int line, String field, String expected) {
        FileFormatException e = catchThrowableOfType(FileFormatException.class, () -> PlaybookLoader.parse("bad.yaml", yaml));

        assertThat(e).as(what).isNotNull();
        assertThat(e.file()).isEqualTo("bad.yaml");
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        assertThat(e.expected()).as(e.getMessage()).contains(expected);
        assertThat(e.getMessage()).startsWith("bad.yaml:" + line + ":");
    }

    @Test
    @DisplayName("A good file parses into its model")
    void parsesAGoodFile() {
        Playbook p = PlaybookLoader.parse("good.yaml", GOOD);

        assertThat(p.id()).isEqualTo("hospital-class-ii");
        assertThat(p.trigger()).isEqualTo(new Trigger.ClassReached(FaultClass.CLASS_II));
        assertThat(p.enabled()).isTrue();
        assertThat(p.steps()).singleElement().satisfies(s -> {
            assertThat(s.owner().code()).isEqualTo("SYSTEM_ADMINISTRATOR");
            assertThat(s.notified()).extracting(x -> x.code()).containsExactly("IT_DEPARTMENT");
            assertThat(s.due()).contains(new Deadline.Within(java.time.Duration.ofMinutes(10)));
        });
    }

    @Nested
    @DisplayName("A hospital overrides the defaults with its own directory")
    class Overrides {

        @Test
        @DisplayName("a hospital file replaces the default with the same id, may disable one, and may add its own")
        void replaceDisableAdd(@TempDir Path dir) throws IOException {
            String replaced = GOOD.replace("id: hospital-class-ii", "id: ep4-2-class-ii");
            String disabled = PlaybookLoaderTest.readDefault("ep4-3-class-iii.yaml").replace("trigger:", "enabled: false\ntrigger:");
            Files.writeString(dir.resolve("a.yaml"), replaced, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("b.yml"), disabled, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("c.yaml"), GOOD, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("notes.txt"), "not a playbook", StandardCharsets.UTF_8);

            PlaybookSet merged = PlaybookLoader.loadWithOverrides(dir);

            assertThat(merged.playbooks()).hasSize(DEFAULTS.playbooks().size() + 1);
            assertThat(merged.byId("ep4-2-class-ii").orElseThrow().source()).isEqualTo("a.yaml");
            assertThat(merged.byId("ep4-3-class-iii").orElseThrow().enabled()).isFalse();
            assertThat(merged.byId("hospital-class-ii")).isPresent();
            assertThat(merged.stepsFor(new Occurrence.ClassReached(java.time.Instant.EPOCH, FaultClass.CLASS_III),
                    java.time.ZoneOffset.UTC)).isEmpty();
        }

        @Test
        @DisplayName("two hospital files with the same id are refused")
        void duplicateIds(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("a.yaml"), GOOD, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("b.yaml"), GOOD, StandardCharsets.UTF_8);

            assertThatThrownBy(() -> PlaybookLoader.loadDirectory(dir)).isInstanceOf(FileFormatException.class)
                    .hasMessageContaining("hospital-class-ii").hasMessageContaining("a.yaml").hasMessageContaining("b.yaml");
        }

        @Test
        @DisplayName("a bad hospital file is named in the error")
        void badHospitalFile(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("ours.yaml"), GOOD.replace("owner: SYSTEM_ADMINISTRATOR", "owner: JANITOR"), StandardCharsets.UTF_8);

            assertThatThrownBy(() -> PlaybookLoader.loadWithOverrides(dir)).isInstanceOf(FileFormatException.class)
                    .hasMessageStartingWith("ours.yaml:8:");
        }
    }

    static String readDefault(String name) throws IOException {
        return Files.readString(Path.of("src/main/resources/playbooks", name), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the loader lists the keys a playbook may have when it meets an unknown one")
    void unknownKeyListsTheAllowedOnes() {
        assertThatThrownBy(() -> PlaybookLoader.parse("x.yaml", GOOD.replace("steps:", "stepz:")))
                .hasMessageContaining("clause, enabled, id, steps, teams, title, trigger").hasMessageContaining("'stepz'");
        assertThat(List.of(PlaybookLoader.DEFAULTS_INDEX)).containsExactly("playbooks/index.txt");
    }
}
