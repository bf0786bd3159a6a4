package org.hospital.continuity.playbooks.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.playbooks.Signals.T0;
import static org.hospital.continuity.playbooks.Signals.at;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hospital.continuity.playbooks.Gen;
import org.hospital.continuity.playbooks.classify.OverrideRequest;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.playbook.PlaybookLoader;
import org.hospital.continuity.playbooks.playbook.PlaybookSet;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.IntegrityKind;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.hospital.continuity.playbooks.signal.Terminal;
import org.hospital.continuity.playbooks.simulate.Scenario;
import org.hospital.continuity.playbooks.simulate.ScenarioLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the engine over generated days of mixed inputs: a state restored from its snapshot continues
 * exactly as the original; time advanced in one step or in many gives the same timeline; entries come in time
 * order and name their incident; a ladder row never falls due for an area whose outage is not confirmed.
 */
@DisplayName("Engine properties: snapshots restore exactly, time splits freely, several incidents stay consistent")
class EngineProperties {

    private static final PlaybookSet PLAYBOOKS = PlaybookLoader.loadDefaults();
    private static final IncidentEngine ENGINE = new IncidentEngine(EngineSettings.defaults(), PLAYBOOKS);
    private static final int CASES = 60;

    static final List<Terminal> TERMINALS = List.of(
            new Terminal("A1", Department.OUTPATIENT_REGISTRATION, "门诊大厅", "A", "10.1.1.0/24", "1"),
            new Terminal("A2", Department.OUTPATIENT_DOCTOR, "内科", "A", "10.1.3.0/24", "2"),
            new Terminal("B1", Department.NURSE_STATION, "5A", "B", "10.2.5.0/24", "5"),
            new Terminal("B2", Department.INPATIENT_DOCTOR, "5A", "B", "10.2.5.0/24", "5"),
            new Terminal("B3", Department.NURSE_STATION, "5A", "B", "10.2.5.0/24", "5"),
            new Terminal("B4", Department.ADMISSION, "住院处", "B", "10.2.1.0/24", "1"),
            new Terminal("C1", Department.CRITICAL_CARE, "ICU", "C", "10.3.1.0/24", "3"),
            new Terminal("C2", Department.DISCHARGE_SETTLEMENT, "出院结算", "C", "10.3.2.0/24", "1"));

    /** A generated hour or two of the hospital: probes (with areas), reports, alarms, IT's decisions. */
    static List<Input> inputs(Gen g, int size) {
        List<Input> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int minute = 0;
        for (int i = 0; i < size; i++) {
            minute += g.below(6);
            Instant at = at(minute);
            String id = "s" + i;
            int kind = g.below(100);
            if (kind < 30) {
                Component c = g.pick(Component.DATABASE_SERVER, Component.CORE_NETWORK, Component.NETWORK_SEGMENT,
                        Component.INSURANCE_LINK, Component.PACS);
                Optional<Area> area = c == Component.NETWORK_SEGMENT ? Optional.of(Area.building(g.pick("B", "C"))) : Optional.empty();
                String target = c == Component.NETWORK_SEGMENT ? "fibre-" + area.get().building() : c.name().toLowerCase();
                out.add(new Input.Observe(new ProbeResult(id, at, c, target, g.chance(50) ? ProbeStatus.DOWN : ProbeStatus.UP, "", area)));
            } else if (kind < 70) {
                out.add(new Input.Observe(new FaultReport(id, at, "staff", g.pick(TERMINALS), g.pick(Symptom.values()), "")));
            } else if (kind < 75) {
                out.add(new Input.Observe(new IntegrityAlarm(id, at, g.pick(IntegrityKind.values()), "", "")));
            } else if (kind < 83 && !ids.isEmpty()) {
                out.add(new Input.Observe(new Clearance(id, at, "it", List.of(g.pick(ids)), "")));
            } else if (kind < 90 && !ids.isEmpty()) {
                out.add(new Input.Observe(new Diagnosis(id, at, "it", g.pick(Cause.values()), List.of(g.pick(ids)), "")));
            } else if (kind < 94) {
                out.add(new Input.RequestOverride(new OverrideRequest(at, "it", g.pick(FaultClass.values()),
                        Optional.of(g.pick(Scope.values())), g.chance(80) ? "IT on site" : ""), Optional.of(Integer.toString(g.between(1, 3)))));
            } else if (kind < 97) {
                out.add(new Input.SwitchEarlier(at, "leader", g.pick(Department.values()), "holiday", Optional.empty(), Optional.empty()));
            } else {
                out.add(new Input.RequestManualMode(at, "icu", Department.CRITICAL_CARE, "critical", Optional.empty(), Optional.empty()));
            }
            ids.add(id);
        }
        return out;
    }

    private record Run(EngineState state, List<TimelineEntry> entries) {
    }

    private static Run run(EngineState start, List<Input> inputs, Instant end) {
        EngineState state = start;
        List<TimelineEntry> entries = new ArrayList<>();
        for (Input input : inputs) {
            IncidentEngine.Step step = ENGINE.accept(state, input);
            entries.addAll(step.entries());
            state = step.state();
        }
        IncidentEngine.Step step = ENGINE.advanceTo(state, end);
        entries.addAll(step.entries());
        return new Run(step.state(), entries);
    }

    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    @DisplayName("a state restored from its snapshot at any point continues exactly as the original (generated days)")
    void snapshotsRestoreExactly() {
        for (int c = 0; c < CASES; c++) {
            Gen g = new Gen(7_000 + c);
            List<Input> inputs = inputs(g, g.between(5, 60));
            Instant end = inputs.get(inputs.size() - 1).at().plus(Duration.ofDays(3));
            Run whole = run(ENGINE.start(T0, Set.of()), inputs, end);
            int cut = g.below(inputs.size());
            Run first = run(ENGINE.start(T0, Set.of()), inputs.subList(0, cut), inputs.get(cut).at().minusSeconds(1));
            Map<String, Object> tree = ENGINE.snapshot(first.state());
            EngineState restored = ENGINE.restore(tree);

            assertThat(ENGINE.snapshot(restored)).as("seed %d: encode(decode(x)) = x", g.seed()).isEqualTo(tree);
            Run rest = run(restored, inputs.subList(cut, inputs.size()), end);
            List<TimelineEntry> joined = new ArrayList<>(first.entries());
            joined.addAll(rest.entries());
            assertThat(joined).as("seed %d cut %d", g.seed(), cut).isEqualTo(whole.entries());
            assertThat(ENGINE.snapshot(rest.state())).as("seed %d", g.seed()).isEqualTo(ENGINE.snapshot(whole.state()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioFiles")
    @DisplayName("every scenario restored from a snapshot after each input continues as the uninterrupted run")
    void scenariosRestoreAtEveryInput(Path file) {
        Scenario s = ScenarioLoader.load(file);
        IncidentEngine engine = new IncidentEngine(s.settings(), PLAYBOOKS);
        EngineState state = engine.start(s.start(), s.context());
        for (Input input : s.inputs()) {
            EngineState restored = engine.restore(engine.snapshot(state));
            IncidentEngine.Step original = engine.accept(state, input);
            IncidentEngine.Step again = engine.accept(restored, input);
            assertThat(again.entries()).as("%s at %s", file.getFileName(), input.at()).isEqualTo(original.entries());
            state = original.state();
        }
        Instant end = s.inputs().get(s.inputs().size() - 1).at().plus(Duration.ofDays(3));
        assertThat(engine.advanceTo(engine.restore(engine.snapshot(state)), end).entries())
                .isEqualTo(engine.advanceTo(state, end).entries());
    }

    @Test
    @DisplayName("advancing time in one step or minute by minute gives the same timeline")
    void timeSplitsFreely() {
        for (int c = 0; c < CASES; c++) {
            Gen g = new Gen(9_000 + c);
            List<Input> inputs = inputs(g, g.between(3, 30));
            EngineState state = ENGINE.start(T0, Set.of());
            for (Input input : inputs) {
                state = ENGINE.accept(state, input).state();
            }
            Instant from = state.clock();
            Instant end = from.plus(Duration.ofHours(26));
            List<TimelineEntry> once = ENGINE.advanceTo(state, end).entries();
            List<TimelineEntry> stepwise = new ArrayList<>();
            EngineState s2 = state;
            for (Instant t = from.plus(Duration.ofMinutes(7)); !t.isAfter(end); t = t.plus(Duration.ofMinutes(7))) {
                IncidentEngine.Step step = ENGINE.advanceTo(s2, t);
                stepwise.addAll(step.entries());
                s2 = step.state();
            }
            IncidentEngine.Step last = ENGINE.advanceTo(s2, end);
            stepwise.addAll(last.entries());
            assertThat(stepwise).as("seed %d", g.seed()).isEqualTo(once);
        }
    }

    @Test
    @DisplayName("entries are in time order, a row falls due only during its outage, and reports alone never hold an incident open")
    void consistentTimelines() {
        for (int c = 0; c < CASES; c++) {
            Gen g = new Gen(11_000 + c);
            List<Input> inputs = inputs(g, g.between(10, 80));
            Run r = run(ENGINE.start(T0, Set.of()), inputs, inputs.get(inputs.size() - 1).at().plus(Duration.ofDays(40)));
            for (int i = 1; i < r.entries().size(); i++) {
                assertThat(r.entries().get(i).at()).as("seed %d entry %d", g.seed(), i).isAfterOrEqualTo(r.entries().get(i - 1).at());
            }
            java.util.Set<String> outages = new java.util.HashSet<>();
            for (TimelineEntry e : r.entries()) {
                if (e instanceof TimelineEntry.OutageStarted o) {
                    outages.add(o.incident().id() + "|" + o.area().path());
                } else if (e instanceof TimelineEntry.OutageEnded o) {
                    outages.remove(o.incident().id() + "|" + o.area().path());
                } else if (e instanceof TimelineEntry.LadderStepReached l) {
                    assertThat(outages).as("seed %d: a row only during its outage", g.seed()).contains(l.incident().id() + "|" + l.area().path());
                } else if (e instanceof TimelineEntry.IncidentMerged m) {
                    String from = m.incident().id() + "|";
                    List<String> moved = outages.stream().filter(x -> x.startsWith(from)).toList();
                    moved.forEach(x -> {
                        outages.remove(x);
                        outages.add(m.into().id() + "|" + x.substring(from.length()));
                    });
                }
            }
            // 40 days after the last signal only what a person or a probe must end still holds: a component still
            // down, an alarm not cleared (HR-10), IT's diagnosis of such, or IT's override; never reports alone
            for (IncidentState i : r.state().incidents()) {
                if (i.grading().override().isPresent()) {
                    continue;
                }
                assertThat(i.grading().evidence()).as("seed %d: %s", g.seed(), i.ref()).allSatisfy(e -> assertThat(e.rule())
                        .isIn(org.hospital.continuity.playbooks.classify.ClassificationRule.COMPONENT_DOWN,
                                org.hospital.continuity.playbooks.classify.ClassificationRule.INTEGRITY_ALARM,
                                org.hospital.continuity.playbooks.classify.ClassificationRule.DIAGNOSED_CAUSE));
            }
        }
    }
}
