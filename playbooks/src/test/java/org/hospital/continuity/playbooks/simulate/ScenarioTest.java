package org.hospital.continuity.playbooks.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hospital.continuity.playbooks.classify.ClassificationRule;
import org.hospital.continuity.playbooks.classify.Evidence;
import org.hospital.continuity.playbooks.classify.GradingEvent;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.incident.ManualBasis;
import org.hospital.continuity.playbooks.incident.TimelineEntry;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Office;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.playbooks.playbook.Occurrence;
import org.hospital.continuity.playbooks.playbook.PlaybookLoader;
import org.hospital.continuity.playbooks.playbook.PlaybookSet;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Scenarios written from the plan: each file's expected outcome holds")
class ScenarioTest {

    static final Path DIR = Path.of("src/test/resources/scenarios");
    private static final PlaybookSet PLAYBOOKS = PlaybookLoader.loadDefaults();

    static Simulation simulate(String name) {
        return Simulator.run(ScenarioLoader.load(DIR.resolve(name + ".yaml")), PLAYBOOKS);
    }

    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static List<GradingEvent.ClassChanged> classChanges(Simulation s, int incident) {
        return s.entriesOf(TimelineEntry.Regraded.class, incident).stream().map(TimelineEntry.Regraded::event)
                .filter(GradingEvent.ClassChanged.class::isInstance).map(GradingEvent.ClassChanged.class::cast).toList();
    }

    /** Whether the probes showed a HIS-wide component down at the instant (the HIS was not up). */
    private static boolean hisDownAt(Simulation s, Instant t) {
        boolean down = false;
        java.util.Map<String, ProbeStatus> last = new java.util.HashMap<>();
        for (TimelineEntry.SignalReceived r : s.entriesOf(TimelineEntry.SignalReceived.class)) {
            if (r.at().isAfter(t)) {
                break;
            }
            if (r.input().signal() instanceof org.hospital.continuity.playbooks.signal.ProbeResult p && p.component().isHisWide()) {
                last.put(p.seriesKey(), p.status());
            }
        }
        for (ProbeStatus st : last.values()) {
            down |= st == ProbeStatus.DOWN;
        }
        return down;
    }

    @Test
    @DisplayName("the scenario set covers every point of the plan the classifier must honour")
    void theScenarioSet() throws IOException {
        assertThat(scenarioFiles().map(p -> p.getFileName().toString())).contains(
                "database-blips-twice.yaml", "database-flapping-down-more-than-up.yaml", "database-diagnosis-ends-with-recovery.yaml",
                "insurance-link-down-cashiers-report.yaml", "lost-access-three-buildings-his-up.yaml",
                "lost-access-no-probes-it-confirms.yaml", "lost-access-unconfirmed-ages.yaml", "report-alone-ages-out.yaml",
                "building-b-fibre-cut.yaml", "two-buildings-one-trench.yaml", "holiday-database-down-plan-times.yaml",
                "class-iii-operator-error.yaml", "two-incidents-insurance-and-ward.yaml",
                "single-terminal-fault.yaml", "three-terminals-one-ward.yaml", "price-catalogue-night.yaml",
                "database-down-45min-weekday.yaml", "application-server-down-26h.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioFiles")
    @DisplayName("every scenario says what must happen, and it happens")
    void expectedOutcome(Path file) {
        Scenario scenario = ScenarioLoader.load(file);
        assertThat(scenario.expect().isEmpty()).as("%s has an expect: block", file.getFileName()).isFalse();

        assertThat(Expectations.check(Simulator.run(scenario, PLAYBOOKS))).as(file.getFileName().toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioFiles")
    @DisplayName("every scenario runs deterministically, in time order, renders a readable timeline and ends with nothing open")
    void deterministicOrderedReadable(Path file) {
        Scenario scenario = ScenarioLoader.load(file);
        Simulation first = Simulator.run(scenario, PLAYBOOKS);
        Simulation second = Simulator.run(ScenarioLoader.load(file), PLAYBOOKS);

        assertThat(first.entries()).isEqualTo(second.entries());
        assertThat(first.entries()).isNotEmpty();
        for (int i = 1; i < first.entries().size(); i++) {
            assertThat(first.entries().get(i).at()).as("entry %d", i).isAfterOrEqualTo(first.entries().get(i - 1).at());
        }
        String text = TimelineRenderer.render(first);
        assertThat(text).startsWith("场景 Scenario : " + scenario.id())
                .contains("定级 CLASS").contains("定级变化 Class changes")
                .isEqualTo(TimelineRenderer.render(second));
        assertThat(first.end().incidentOpen()).as("every scenario ends with its incidents closed").isFalse();
        assertThat(first.entries()).allSatisfy(e -> {
            if (!(e instanceof TimelineEntry.InputRejected) && !(e instanceof TimelineEntry.ContextChanged)
                    && !(e instanceof TimelineEntry.SignalReceived)) {
                assertThat(e.incident().isNone()).as("%s names its incident", e).isFalse();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioFiles")
    @DisplayName("EP-5.2 never paper while the HIS is up: a whole-network ladder row only falls due while a HIS-wide component is down or unconfirmed-by-probe")
    void neverPaperWhileTheHisIsUp(Path file) {
        Simulation s = Simulator.run(ScenarioLoader.load(file), PLAYBOOKS);
        boolean probed = s.entriesOf(TimelineEntry.SignalReceived.class).stream()
                .anyMatch(r -> r.input().signal() instanceof org.hospital.continuity.playbooks.signal.ProbeResult p && p.component().isHisWide());
        for (TimelineEntry.LadderStepReached row : s.entriesOf(TimelineEntry.LadderStepReached.class)) {
            if (row.area().isHospital() && probed) {
                assertThat(hisDownAt(s, row.at())).as("%s: %s at %s while the HIS probes were up", file.getFileName(),
                        row.milestone().step(), row.at()).isTrue();
            }
        }
    }

    @Test
    @DisplayName("EP-4.1/EP-5.2.1 two five-minute database blips: unstable Class I for the leadership group, but nobody goes to paper")
    void blips() {
        Simulation s = simulate("database-blips-twice");

        assertThat(s.entriesOf(TimelineEntry.LadderStepReached.class)).isEmpty();
        assertThat(classChanges(s, 1)).anySatisfy(c -> assertThat(c.evidence()).anySatisfy(e -> {
            assertThat(e.rule()).isEqualTo(ClassificationRule.COMPONENT_UNSTABLE);
            assertThat(e.scope()).as("EP-4.1 server unstable is partial, not an EP-5 whole-network failure").isEqualTo(Scope.PARTIAL);
        }));
        assertThat(s.entriesOf(TimelineEntry.IncidentClosed.class)).as("one incident, not two").hasSize(1);
    }

    @Test
    @DisplayName("EP-4.4/EP-5 healthy HIS probes and cashiers' 'cannot connect' point at the insurance line, never at a whole-network outage")
    void reportsWeighedAgainstProbes() {
        Simulation s = simulate("insurance-link-down-cashiers-report");

        assertThat(s.entriesOf(TimelineEntry.OutageStarted.class)).isEmpty();
        assertThat(classChanges(s, 1)).noneSatisfy(c -> assertThat(c.to()).contains(FaultClass.CLASS_I));
        List<Evidence> evidence = classChanges(s, 1).stream().flatMap(c -> c.evidence().stream()).toList();
        assertThat(s.entriesOf(TimelineEntry.Regraded.class).stream().map(TimelineEntry::incident).distinct()).hasSize(1);
        assertThat(PLAYBOOKS.announcedFor(new Occurrence.ClassReached(s.scenario().start(), FaultClass.INSURANCE)))
                .containsExactly(Office.FINANCE, Office.INSURANCE_OFFICE, Office.OUTPATIENT_OFFICE);
        assertThat(evidence).anySatisfy(e -> assertThat(e.rule()).isEqualTo(ClassificationRule.COMPONENT_DOWN));
    }

    @Test
    @DisplayName("EP-5 three buildings lose access while the HIS answers: the evidence says why it is not a whole-network failure")
    void notWholeNetworkWhileHisUp() {
        Simulation s = simulate("lost-access-three-buildings-his-up");

        Evidence why = s.entriesOf(TimelineEntry.Regraded.class).stream().map(TimelineEntry.Regraded::event)
                .filter(GradingEvent.ScopeChanged.class::isInstance).map(GradingEvent.ScopeChanged.class::cast)
                .flatMap(c -> c.evidence().stream()).filter(e -> e.rule() == ClassificationRule.REPORTS_ACROSS_BUILDINGS)
                .findFirst().orElseGet(() -> s.entriesOf(TimelineEntry.Regraded.class).stream().map(TimelineEntry.Regraded::event)
                        .filter(GradingEvent.ClassChanged.class::isInstance).map(GradingEvent.ClassChanged.class::cast)
                        .flatMap(c -> c.evidence().stream()).filter(e -> e.rule() == ClassificationRule.REPORTS_ACROSS_BUILDINGS)
                        .findFirst().orElse(null));
        String all = TimelineRenderer.render(s);
        assertThat(all).contains("not a whole-network failure").contains("database server his-db-01");
        assertThat(why == null || why.scope() != Scope.WHOLE_NETWORK).isTrue();
        assertThat(s.entriesOf(TimelineEntry.OutageStarted.class)).isEmpty();
    }

    @Test
    @DisplayName("EP-4.1/EP-5.2 building B cut off: its departments alone go to paper, with their own steps and EP-8.4 deadlines")
    void buildingOutage() {
        Simulation s = simulate("building-b-fibre-cut");
        Area b = Area.building("B");

        assertThat(s.entriesOf(TimelineEntry.LadderStepReached.class)).singleElement().satisfies(l -> assertThat(l.area()).isEqualTo(b));
        assertThat(s.entriesOf(TimelineEntry.StepDue.class)).filteredOn(d -> d.due().department().isPresent())
                .allSatisfy(d -> assertThat(d.due().occurrence().area()).isEqualTo(b));
        assertThat(s.entriesOf(TimelineEntry.StepDue.class)).filteredOn(d -> d.due().step().clause().equals("EP-8.4"))
                .filteredOn(d -> d.due().dueBy().isPresent()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.due().occurrence().area()).isEqualTo(b));
        assertThat(s.entriesOf(TimelineEntry.ManualModeEnded.class)).singleElement().satisfies(e -> {
            assertThat(e.area()).isEqualTo(b);
            assertThat(e.released()).contains(Department.ADMISSION, Department.PHARMACY);
        });
    }

    @Test
    @DisplayName("EP-5.1 on a holiday the plan's times hold; the leadership group's earlier switch is recorded with who and why")
    void holidayDecision() {
        Simulation s = simulate("holiday-database-down-plan-times");

        assertThat(s.scenario().context()).containsExactly(ContextModifier.HOLIDAY);
        assertThat(s.entriesOf(TimelineEntry.ManualModeGranted.class)).anySatisfy(g -> {
            assertThat(g.department()).isEqualTo(Department.PHARMACY);
            assertThat(g.basis()).isEqualTo(ManualBasis.LEADERSHIP_DECISION);
            assertThat(g.by()).isEqualTo("vice-president-zhou");
            assertThat(g.reason()).contains("国庆");
        });
        assertThat(s.entriesOf(TimelineEntry.InputRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.clause()).isEqualTo("EP-5.1"));
        assertThat(s.entriesOf(TimelineEntry.LadderStepReached.class).get(0).milestone().pulledEarlier()).isFalse();
        assertThat(s.entriesOf(TimelineEntry.LadderStepReached.class).get(0).switching()).doesNotContain(Department.PHARMACY);
    }

    @Test
    @DisplayName("EP-4.3/EP-4.7 an operating error stays with the system administrator and IT's log: nobody calls the leadership group")
    void classThreeParties() {
        Simulation s = simulate("class-iii-operator-error");

        List<Party> called = new ArrayList<>();
        for (GradingEvent.ClassChanged c : classChanges(s, 1)) {
            c.to().ifPresent(to -> called.addAll(PLAYBOOKS.announcedFor(new Occurrence.ClassReached(c.at(), to))));
        }
        s.entriesOf(TimelineEntry.StepDue.class).forEach(d -> called.addAll(d.due().step().notified()));
        assertThat(called).doesNotContain(Office.LEADERSHIP_GROUP).contains(Office.SYSTEM_ADMINISTRATOR);
    }

    @Test
    @DisplayName("several incidents at once: an insurance fault and a ward's terminal fault, each with its class and playbooks")
    void twoIncidents() {
        Simulation s = simulate("two-incidents-insurance-and-ward");

        assertThat(classChanges(s, 1).get(0).to()).contains(FaultClass.INSURANCE);
        assertThat(classChanges(s, 2).get(0).to()).contains(FaultClass.CLASS_II);
        assertThat(s.entriesOf(TimelineEntry.StepDue.class, 1)).extracting(d -> d.due().playbookId()).contains("ep4-4-insurance")
                .doesNotContain("ep4-2-class-ii");
        assertThat(s.entriesOf(TimelineEntry.StepDue.class, 2)).extracting(d -> d.due().playbookId()).contains("ep4-2-class-ii")
                .doesNotContain("ep4-4-insurance");
    }

    @Test
    @DisplayName("EP-4 one diagnosis about two incidents merges them, with its reason; each area keeps its own clock")
    void merge() {
        Simulation s = simulate("two-buildings-one-trench");

        assertThat(s.entriesOf(TimelineEntry.IncidentMerged.class)).singleElement().satisfies(m -> {
            assertThat(m.incident().number()).isEqualTo(2);
            assertThat(m.into().number()).isEqualTo(1);
            assertThat(m.by()).isEqualTo("net-admin-sun");
            assertThat(m.reason().en()).contains("one fault");
        });
        assertThat(s.entriesOf(TimelineEntry.LadderStepReached.class)).extracting(TimelineEntry::incident)
                .allSatisfy(ref -> assertThat(ref.number()).isEqualTo(1));
    }

    @Test
    @DisplayName("EP-3.2 a report alone ages: Class II for 4 hours, Class III until a day has passed, then the incident closes")
    void reportAges() {
        Simulation s = simulate("report-alone-ages-out");

        List<GradingEvent.ClassChanged> changes = classChanges(s, 1);
        assertThat(changes.get(1).at()).isEqualTo(s.scenario().start().plus(Duration.ofHours(4)));
        assertThat(changes.get(2).at()).isEqualTo(s.scenario().start().plus(Duration.ofHours(24)));
        assertThat(changes.get(1).reason().en()).startsWith("time window elapsed");
    }

    @Test
    @DisplayName("EP-3.2 a diagnosis is about a component and ends with its recovery: no later row runs")
    void diagnosisEndsWithRecovery() {
        Simulation s = simulate("database-diagnosis-ends-with-recovery");

        assertThat(classChanges(s, 1).get(0).evidence()).extracting(Evidence::rule).contains(ClassificationRule.COMPONENT_DOWN);
        assertThat(s.entriesOf(TimelineEntry.Regraded.class)).extracting(TimelineEntry.Regraded::event)
                .filteredOn(GradingEvent.ClassChanged.class::isInstance).map(GradingEvent.ClassChanged.class::cast)
                .filteredOn(c -> c.to().isEmpty())
                .singleElement().satisfies(c -> assertThat(c.at()).isEqualTo(s.scenario().start().plus(Duration.ofMinutes(45))));
        assertThat(Optional.of(s.end().incidentOpen())).contains(false);
    }
}
