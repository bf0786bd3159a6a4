package org.hospital.continuity.playbooks.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hospital.continuity.playbooks.classify.ClassificationRule;
import org.hospital.continuity.playbooks.classify.Evidence;
import org.hospital.continuity.playbooks.classify.GradingEvent;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.incident.TimelineEntry;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Office;
import org.hospital.continuity.playbooks.playbook.PlaybookLoader;
import org.hospital.continuity.playbooks.playbook.PlaybookSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Scenarios: full decision timelines with a fake clock")
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

    private static Instant local(String dateTime) {
        return OffsetDateTime.parse(dateTime + "+08:00").toInstant();
    }

    private static List<GradingEvent.ClassChanged> classChanges(Simulation s) {
        return s.entriesOf(TimelineEntry.Regraded.class).stream().map(TimelineEntry.Regraded::event)
                .filter(GradingEvent.ClassChanged.class::isInstance).map(GradingEvent.ClassChanged.class::cast).toList();
    }

    private static List<Optional<FaultClass>> classSequence(Simulation s) {
        return classChanges(s).stream().map(GradingEvent.ClassChanged::to).toList();
    }

    private static List<String> stepsDue(Simulation s) {
        return s.entriesOf(TimelineEntry.StepDue.class).stream().map(d -> d.due().reference()).toList();
    }

    @Test
    @DisplayName("at least eight scenario files cover the issue's cases")
    void theScenarioSet() throws IOException {
        assertThat(scenarioFiles().map(p -> p.getFileName().toString())).hasSizeGreaterThanOrEqualTo(8).contains(
                "single-terminal-fault.yaml", "operator-error.yaml", "insurance-link-down.yaml", "three-terminals-one-ward.yaml",
                "price-catalogue-night.yaml", "database-down-45min-weekday.yaml", "whole-network-holiday-7h.yaml", "flapping-link.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioFiles")
    @DisplayName("every scenario runs deterministically, in time order, and renders a readable timeline")
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
        assertThat(first.end().incidentOpen()).as("every scenario ends with its incident closed").isFalse();
    }

    @Test
    @DisplayName("EP-4.2 single terminal fault: Class II, handled by IT centrally, closed with the minor post-incident steps")
    void singleTerminalFault() {
        Simulation s = simulate("single-terminal-fault");

        assertThat(classSequence(s)).containsExactly(Optional.of(FaultClass.CLASS_II), Optional.empty());
        assertThat(stepsDue(s)).contains("ep4-2-class-ii/it-resolves-centrally", "ep4-post-incident-minor/maintenance-log")
                .doesNotContain("ep4-1-class-i/report-to-leadership");
        assertThat(s.entriesOf(TimelineEntry.OutageStarted.class)).isEmpty();
    }

    @Test
    @DisplayName("EP-4.3 operator error: the provisional Class II is lowered to Class III by IT's diagnosis")
    void operatorError() {
        Simulation s = simulate("operator-error");

        assertThat(classSequence(s)).containsExactly(Optional.of(FaultClass.CLASS_II), Optional.of(FaultClass.CLASS_III), Optional.empty());
        assertThat(classChanges(s).get(1).lowered()).isTrue();
        assertThat(classChanges(s).get(1).at()).isEqualTo(local("2026-11-23T08:20:00"));
        assertThat(stepsDue(s)).contains("ep4-3-class-iii/administrator-resolves", "ep4-3-class-iii/log-maintenance");
    }

    @Test
    @DisplayName("EP-4.4 insurance link down: an insurance fault for finance, insurance office and outpatient office; no ladder")
    void insuranceLinkDown() {
        Simulation s = simulate("insurance-link-down");

        assertThat(classSequence(s).get(0)).contains(FaultClass.INSURANCE);
        assertThat(stepsDue(s)).contains("ep4-4-insurance/three-offices-coordinate", "ep4-4-insurance/cashier-iou-slips");
        assertThat(s.entriesOf(TimelineEntry.LadderStepReached.class)).isEmpty();
        assertThat(s.entriesOf(TimelineEntry.IncidentClosed.class)).singleElement()
                .satisfies(c -> assertThat(c.highestClass()).isEqualTo(FaultClass.INSURANCE));
    }

    @Test
    @DisplayName("EP-4.1 three terminals in one ward within 10 minutes: raised from Class II to Class I at the third report")
    void threeTerminalsInOneWard() {
        Simulation s = simulate("three-terminals-one-ward");

        List<GradingEvent.ClassChanged> changes = classChanges(s);
        assertThat(changes.get(0).to()).contains(FaultClass.CLASS_II);
        assertThat(changes.get(1).to()).contains(FaultClass.CLASS_I);
        assertThat(changes.get(1).at()).isEqualTo(local("2026-11-24T09:09:00"));
        assertThat(changes.get(1).evidence()).extracting(Evidence::rule).contains(ClassificationRule.TERMINAL_PATTERN);
        assertThat(changes.get(1).evidence()).filteredOn(e -> e.rule() == ClassificationRule.TERMINAL_PATTERN)
                .singleElement().satisfies(e -> assertThat(e.signalIds()).containsExactly("r1", "r2", "r3"));
        assertThat(changes).hasSize(3);
        assertThat(s.entriesOf(TimelineEntry.OutageStarted.class)).as("partial, not whole-network").isEmpty();
    }

    @Test
    @DisplayName("EP-4.1 price catalogue altered at night: Class I though the network is up; no ladder; review within 2 days")
    void priceCatalogueAtNight() {
        Simulation s = simulate("price-catalogue-night");

        GradingEvent.ClassChanged opened = classChanges(s).get(0);
        assertThat(opened.to()).contains(FaultClass.CLASS_I);
        assertThat(opened.at()).isEqualTo(local("2026-11-25T02:10:00"));
        assertThat(s.entriesOf(TimelineEntry.OutageStarted.class)).isEmpty();
        assertThat(s.entriesOf(TimelineEntry.StepDue.class)).anySatisfy(d -> {
            assertThat(d.due().reference()).isEqualTo("ep8-post-incident-class-i/technical-review");
            assertThat(d.due().dueBy()).contains(d.at().plus(Duration.ofDays(2)));
        });
    }

    @Test
    @DisplayName("EP-5.2.1 database down 45 minutes on a weekday: the front desk goes manual at 30 minutes, back-entry due by EP-8.4")
    void databaseDown45Minutes() {
        Simulation s = simulate("database-down-45min-weekday");

        assertThat(s.entriesOf(TimelineEntry.OutageStarted.class)).singleElement()
                .satisfies(o -> assertThat(o.start()).isEqualTo(local("2026-11-24T10:00:00")));
        assertThat(s.entriesOf(TimelineEntry.LadderStepReached.class)).singleElement().satisfies(l -> {
            assertThat(l.at()).isEqualTo(local("2026-11-24T10:30:00"));
            assertThat(l.milestone().step()).isEqualTo(LadderStep.FRONT_DESK);
        });
        assertThat(s.entriesOf(TimelineEntry.OutageEnded.class)).singleElement()
                .satisfies(e -> assertThat(e.lasted()).isEqualTo(Duration.ofMinutes(45)));
        assertThat(s.entriesOf(TimelineEntry.StepDue.class)).filteredOn(d -> d.due().step().clause().equals("EP-8.4"))
                .filteredOn(d -> d.due().dueBy().isPresent())
                .extracting(d -> d.due().dueBy().orElseThrow())
                .contains(local("2026-11-25T00:00:00"), local("2026-11-26T00:00:00"));
        assertThat(stepsDue(s)).contains("ep6-manual-mode/cashier-invoice-register", "ep6-recovery/cashiers-enter-outage-patients")
                .doesNotContain("ep6-manual-mode/nurses-duplicate-requisitions");
    }

    @Test
    @DisplayName("EP-5.1 whole network down 7 h on a public holiday: rows pulled to 15 min and 3 h, ICU on request, duty officer told")
    void wholeNetworkHoliday() {
        Simulation s = simulate("whole-network-holiday-7h");

        assertThat(s.scenario().context()).containsExactly(ContextModifier.HOLIDAY);
        List<TimelineEntry.LadderStepReached> rows = s.entriesOf(TimelineEntry.LadderStepReached.class);
        assertThat(rows).extracting(r -> r.milestone().step()).containsExactly(LadderStep.FRONT_DESK, LadderStep.WARDS_AND_THEATRES);
        assertThat(rows).extracting(TimelineEntry::at).containsExactly(local("2026-10-01T09:15:00"), local("2026-10-01T12:00:00"));
        assertThat(rows.get(0).milestone().notified()).contains(Office.HOSPITAL_DUTY_OFFICER);
        assertThat(s.entriesOf(TimelineEntry.ManualModeGranted.class)).singleElement()
                .satisfies(g -> assertThat(g.department()).isEqualTo(Department.CRITICAL_CARE));
        assertThat(s.entriesOf(TimelineEntry.OutageEnded.class)).singleElement()
                .satisfies(e -> assertThat(e.lasted()).isEqualTo(Duration.ofHours(7)));
        assertThat(s.entriesOf(TimelineEntry.ManualModeEnded.class)).singleElement()
                .satisfies(e -> assertThat(e.released()).contains(Department.CRITICAL_CARE, Department.NURSE_STATION)
                        .doesNotContain(Department.DISCHARGE_SETTLEMENT));
        assertThat(stepsDue(s)).contains("ep6-manual-mode/critical-care-on-paper", "ep6-recovery/critical-care-back-enter",
                "ep6-manual-mode/nurses-duplicate-requisitions");
    }

    @Test
    @DisplayName("EP-4.1 服务器工作不稳定: a flapping link is re-raised as unstable and stays Class I until the window has passed")
    void flappingLink() {
        Simulation s = simulate("flapping-link");

        assertThat(classSequence(s)).containsExactly(Optional.of(FaultClass.CLASS_I), Optional.empty(),
                Optional.of(FaultClass.CLASS_I), Optional.empty());
        List<GradingEvent.ClassChanged> changes = classChanges(s);
        assertThat(changes.get(2).evidence()).extracting(Evidence::rule).contains(ClassificationRule.COMPONENT_UNSTABLE);
        assertThat(changes.get(3).at()).isEqualTo(local("2026-11-26T14:08:00"));
        assertThat(changes.get(3).reason().en()).startsWith("time window elapsed");
        assertThat(s.entriesOf(TimelineEntry.IncidentClosed.class)).as("one incident, not two").hasSize(1);
        assertThat(s.entriesOf(TimelineEntry.Regraded.class)).extracting(r -> r.event())
                .filteredOn(GradingEvent.ScopeChanged.class::isInstance)
                .noneMatch(e -> ((GradingEvent.ScopeChanged) e).to().equals(Optional.of(Scope.WHOLE_NETWORK)));
    }

    @Test
    @DisplayName("EP-5.1 IT confirms a whole-network failure by override: refused without reason, accepted with one, ladder pulled by the rush")
    void overrideConfirmsWholeNetwork() {
        Simulation s = simulate("override-confirms-whole-network");

        assertThat(s.entriesOf(TimelineEntry.InputRejected.class)).singleElement()
                .satisfies(r -> assertThat(r.clause()).isEqualTo("EP-4"));
        assertThat(s.entriesOf(TimelineEntry.Regraded.class)).extracting(TimelineEntry.Regraded::event)
                .anyMatch(GradingEvent.OverrideApplied.class::isInstance)
                .anyMatch(GradingEvent.OverrideLifted.class::isInstance);
        assertThat(s.entriesOf(TimelineEntry.OutageStarted.class)).singleElement()
                .satisfies(o -> assertThat(o.start()).isEqualTo(local("2026-11-23T07:56:00")));
        assertThat(s.entriesOf(TimelineEntry.LadderStepReached.class)).singleElement().satisfies(l -> {
            assertThat(l.at()).isEqualTo(local("2026-11-23T08:11:00"));
            assertThat(l.milestone().pulledBy()).containsExactly(ContextModifier.HIGH_PATIENT_VOLUME);
        });
        assertThat(classSequence(s)).containsExactly(Optional.of(FaultClass.CLASS_II), Optional.of(FaultClass.CLASS_I),
                Optional.of(FaultClass.CLASS_II), Optional.empty());
    }

    @Test
    @DisplayName("EP-5.2.3 application server down 26 h: after 24 h every business, including discharge settlement, goes manual")
    void applicationServerDown26Hours() {
        Simulation s = simulate("application-server-down-26h");

        List<TimelineEntry.LadderStepReached> rows = s.entriesOf(TimelineEntry.LadderStepReached.class);
        assertThat(rows).extracting(r -> r.milestone().step()).containsExactly(LadderStep.values());
        assertThat(rows.get(2).at()).isEqualTo(local("2026-11-25T20:00:00"));
        assertThat(rows.get(2).switching()).containsExactlyInAnyOrder(Department.DISCHARGE_SETTLEMENT, Department.CRITICAL_CARE,
                Department.EMERGENCY, Department.OTHER);
        assertThat(stepsDue(s)).contains("ep6-manual-mode/discharge-emergencies-by-hand", "ep5-2-3-whole-hospital/finance-coordinates-discharge");
    }
}
