package org.hospital.continuity.playbooks.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.playbooks.Signals.T0;
import static org.hospital.continuity.playbooks.Signals.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.playbooks.Gen;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.IntegrityKind;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.hospital.continuity.playbooks.signal.Terminal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Properties of re-grading over generated incidents: small universes of components, terminals, wards and
 * buildings so that patterns, whole-network spreads and flapping actually occur.
 */
@DisplayName("Regrading properties (EP-4): adding evidence never lowers a class unless a signal clears")
class RegradingProperties {

    private static final ClassifierSettings SETTINGS = ClassifierSettings.defaults();
    private static final int HORIZON_MINUTES = 120;

    private static final List<Terminal> TERMINALS = List.of(
            new Terminal("A1", Department.OUTPATIENT_REGISTRATION, "窗口", "A", "10.1.1.0/24"),
            new Terminal("A2", Department.OUTPATIENT_DOCTOR, "内科", "A", "10.1.3.0/24"),
            new Terminal("B1", Department.NURSE_STATION, "5A", "B", "10.2.5.0/24"),
            new Terminal("B2", Department.INPATIENT_DOCTOR, "5A", "B", "10.2.5.0/24"),
            new Terminal("B3", Department.NURSE_STATION, "5A", "B", "10.2.5.0/24"),
            new Terminal("B4", Department.NURSE_STATION, "6B", "B", "10.2.6.0/24"),
            new Terminal("C1", Department.CRITICAL_CARE, "ICU", "C", "10.3.1.0/24"),
            new Terminal("KEY", Department.PHARMACY, "药房", "D", null));

    /** A signal that can only keep or raise the grade (probe DOWN, report, alarm). */
    private static Signal raising(Gen g, String id, Instant at) {
        return switch (g.below(3)) {
            case 0 -> new ProbeResult(id, at, g.pick(Component.values()), g.pick("x", "y"), ProbeStatus.DOWN, "");
            case 1 -> new FaultReport(id, at, g.pick("president", "nurse", "trainee"), g.pick(TERMINALS), g.pick(Symptom.values()), "");
            default -> new IntegrityAlarm(id, at, g.pick(IntegrityKind.values()), "", "");
        };
    }

    /** Any signal, including those that may lower (probe UP, diagnosis, clearance). */
    private static Signal any(Gen g, String id, Instant at, List<Signal> earlier) {
        if (earlier.isEmpty() || g.chance(60)) {
            return raising(g, id, at);
        }
        String target = g.pick(earlier).id();
        return switch (g.below(3)) {
            case 0 -> new ProbeResult(id, at, g.pick(Component.values()), g.pick("x", "y"), ProbeStatus.UP, "");
            case 1 -> new Diagnosis(id, at, "sysadmin", g.pick(Cause.values()), List.of(target), "");
            default -> new Clearance(id, at, "it", List.of(target), "");
        };
    }

    private static List<Signal> history(Gen g, int size) {
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            signals.add(any(g, "s" + i, at(g.below(HORIZON_MINUTES)), signals));
        }
        return signals;
    }

    private static int severity(Optional<Classification> c) {
        return c.map(x -> x.faultClass().severity()).orElse(0);
    }

    private static int breadth(Optional<Classification> c) {
        return c.map(x -> x.scope().breadth()).orElse(0);
    }

    @Test
    @DisplayName("EP-4 adding a probe failure, a report or an alarm never lowers the class or narrows the scope")
    void addingEvidenceNeverLowers() {
        for (long seed = 1; seed <= Gen.TRIES; seed++) {
            Gen g = new Gen(seed);
            List<Signal> before = history(g, g.between(0, 12));
            Signal extra = raising(g, "extra", at(g.below(HORIZON_MINUTES)));
            List<Signal> after = new ArrayList<>(before);
            after.add(g.below(after.size() + 1), extra);
            Instant now = at(HORIZON_MINUTES);

            Optional<Classification> c0 = Classifier.classify(before, now, SETTINGS);
            Optional<Classification> c1 = Classifier.classify(after, now, SETTINGS);
            assertThat(severity(c1)).as("seed %d: %s + %s", seed, before, extra).isGreaterThanOrEqualTo(severity(c0));
            assertThat(breadth(c1)).as("seed %d: scope", seed).isGreaterThanOrEqualTo(breadth(c0));
        }
    }

    @Test
    @DisplayName("EP-4 folding signals that cannot clear records only raises, never a lowering")
    void foldWithoutClearingOnlyRaises() {
        for (long seed = 1; seed <= Gen.TRIES; seed++) {
            Gen g = new Gen(seed);
            List<Signal> signals = new ArrayList<>();
            for (int i = 0; i < g.between(1, 15); i++) {
                signals.add(raising(g, "s" + i, at(g.below(HORIZON_MINUTES))));
            }
            signals.sort(Comparator.comparing(Signal::at));

            Regrading.Step step = Regrading.observeAll(GradingState.empty(T0), signals, SETTINGS);
            assertThat(step.events()).as("seed %d", seed)
                    .filteredOn(GradingEvent.ClassChanged.class::isInstance)
                    .allSatisfy(e -> assertThat(((GradingEvent.ClassChanged) e).raised()).isTrue());
        }
    }

    @Test
    @DisplayName("EP-4 the fold ends where a one-shot classification of all its signals ends")
    void foldAgreesWithOneShotClassification() {
        for (long seed = 1; seed <= Gen.TRIES; seed++) {
            Gen g = new Gen(seed);
            List<Signal> signals = history(g, g.between(1, 14));
            signals.sort(Comparator.comparing(Signal::at));

            Regrading.Step step = Regrading.observeAll(GradingState.empty(T0), signals, SETTINGS);
            Instant last = signals.get(signals.size() - 1).at();
            assertThat(step.state().computed()).as("seed %d", seed).isEqualTo(Classifier.classify(signals, last, SETTINGS));
        }
    }

    @Test
    @DisplayName("EP-4 clearing every report and alarm and seeing every component up leaves no grade")
    void clearingEverythingLeavesNothing() {
        for (long seed = 1; seed <= Gen.TRIES; seed++) {
            Gen g = new Gen(seed);
            List<Signal> signals = new ArrayList<>();
            for (int i = 0; i < g.between(1, 10); i++) {
                signals.add(raising(g, "s" + i, at(g.below(60))));
            }
            List<String> toClear = signals.stream().filter(s -> !(s instanceof ProbeResult)).map(Signal::id).toList();
            List<Signal> all = new ArrayList<>(signals);
            if (!toClear.isEmpty()) {
                all.add(new Clearance("clear", at(61), "it", toClear, ""));
            }
            for (Component c : Component.values()) {
                for (String t : List.of("x", "y")) {
                    all.add(new ProbeResult("up-" + c + t, at(61), c, t, ProbeStatus.UP, ""));
                }
            }
            Instant late = at(61).plus(SETTINGS.unstableWindow());
            assertThat(Classifier.classify(all, late, SETTINGS)).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    @DisplayName("EP-5 every whole-network grade carries the instant the outage began, never after the time of grading")
    void wholeNetworkHasAStart() {
        for (long seed = 1; seed <= Gen.TRIES; seed++) {
            Gen g = new Gen(seed);
            List<Signal> signals = history(g, g.between(1, 12));
            Instant now = at(HORIZON_MINUTES);
            Classifier.classify(signals, now, SETTINGS).filter(c -> c.scope() == Scope.WHOLE_NETWORK)
                    .ifPresent(c -> assertThat(c.wholeNetworkSince()).as("seed %d", g.seed())
                            .hasValueSatisfying(since -> assertThat(since).isBeforeOrEqualTo(now)));
        }
    }
}
