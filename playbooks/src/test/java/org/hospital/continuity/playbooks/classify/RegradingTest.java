package org.hospital.continuity.playbooks.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.playbooks.Signals.T0;
import static org.hospital.continuity.playbooks.Signals.at;
import static org.hospital.continuity.playbooks.Signals.clear;
import static org.hospital.continuity.playbooks.Signals.diagnosis;
import static org.hospital.continuity.playbooks.Signals.down;
import static org.hospital.continuity.playbooks.Signals.report;
import static org.hospital.continuity.playbooks.Signals.ward5a;

import java.util.List;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Regrading: every change of class is a recorded event with its reason (EP-4)")
class RegradingTest {

    private static final ClassifierSettings SETTINGS = ClassifierSettings.defaults();

    private static Regrading.Step observe(GradingState state, org.hospital.continuity.playbooks.signal.Signal s) {
        return Regrading.observe(state, s, SETTINGS);
    }

    @Test
    @DisplayName("EP-4.1 three reports from one ward open at Class II and are raised to Class I by the pattern, with the reason")
    void raisesToClassIWhenSameWardFaultsRecur() {
        Regrading.Step step = Regrading.observeAll(GradingState.empty(T0), List.of(
                report("r1", 0, ward5a(1), Symptom.CANNOT_CONNECT),
                report("r2", 4, ward5a(2), Symptom.CANNOT_CONNECT),
                report("r3", 8, ward5a(3), Symptom.CANNOT_CONNECT)), SETTINGS);

        List<GradingEvent.ClassChanged> changes = step.events().stream()
                .filter(GradingEvent.ClassChanged.class::isInstance).map(GradingEvent.ClassChanged.class::cast).toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).from()).isEmpty();
        assertThat(changes.get(0).to()).contains(FaultClass.CLASS_II);
        assertThat(changes.get(1).from()).contains(FaultClass.CLASS_II);
        assertThat(changes.get(1).to()).contains(FaultClass.CLASS_I);
        assertThat(changes.get(1).at()).isEqualTo(at(8));
        assertThat(changes.get(1).raised()).isTrue();
        assertThat(changes.get(1).reason().en()).contains("new signal: ").contains("[EP-4.1]").contains("3 terminals in ward 5A");
        assertThat(changes.get(1).evidence()).extracting(Evidence::rule).contains(ClassificationRule.TERMINAL_PATTERN);
    }

    @Test
    @DisplayName("EP-4.3 IT's diagnosis of an operating error lowers Class II to Class III, and says what no longer holds")
    void diagnosisLowersTheClass() {
        GradingState s = observe(GradingState.empty(T0), report("r1", 0, ward5a(1), Symptom.PROGRAM_WONT_OPEN)).state();
        Regrading.Step step = observe(s, diagnosis("d1", 5, Cause.OPERATOR_ERROR, "r1"));

        GradingEvent.ClassChanged change = (GradingEvent.ClassChanged) step.events().get(0);
        assertThat(change.from()).contains(FaultClass.CLASS_II);
        assertThat(change.to()).contains(FaultClass.CLASS_III);
        assertThat(change.lowered()).isTrue();
        assertThat(change.reason().en()).contains("no longer holds").contains("provisional");
    }

    @Test
    @DisplayName("EP-4 the last clearance closes the grade: class and scope change to none")
    void clearanceEndsTheGrade() {
        GradingState s = observe(GradingState.empty(T0), down("p1", 0, Component.DATABASE_SERVER, "db")).state();
        Regrading.Step step = observe(s, new org.hospital.continuity.playbooks.signal.ProbeResult("p2", at(45),
                Component.DATABASE_SERVER, "db", org.hospital.continuity.playbooks.signal.ProbeStatus.UP, ""));

        assertThat(step.events()).hasSize(2);
        GradingEvent.ClassChanged change = (GradingEvent.ClassChanged) step.events().get(0);
        assertThat(change.to()).isEmpty();
        assertThat(change.evidence()).isEmpty();
        assertThat(((GradingEvent.ScopeChanged) step.events().get(1)).from()).contains(Scope.WHOLE_NETWORK);
        assertThat(step.state().effective()).isEmpty();
    }

    @Test
    @DisplayName("EP-4 a signal that changes nothing records nothing")
    void noChangeNoEvent() {
        GradingState s = observe(GradingState.empty(T0), down("p1", 0, Component.DATABASE_SERVER, "db")).state();
        assertThat(observe(s, down("p2", 1, Component.DATABASE_SERVER, "db")).events()).isEmpty();
    }

    @Nested
    @DisplayName("EP-4 manual override by IT on duty")
    class Overrides {

        private final GradingState classII = observe(GradingState.empty(T0), report("r1", 0, ward5a(1), Symptom.CANNOT_CONNECT)).state();

        @Test
        @DisplayName("EP-4 an override without a reason is rejected and changes nothing")
        void overrideNeedsAReason() {
            Decision d = Regrading.override(classII, new OverrideRequest(at(5), "it-duty", FaultClass.CLASS_I, Optional.empty(), " "), SETTINGS);

            assertThat(d).isInstanceOf(Decision.Rejected.class);
            assertThat(((Decision.Rejected) d).clause()).isEqualTo("EP-4");
            assertThat(((Decision.Rejected) d).reason().en()).contains("needs a reason");
        }

        @Test
        @DisplayName("HR-2 an override that does not say who makes it is rejected")
        void overrideNeedsAnAuthor() {
            Decision d = Regrading.override(classII, new OverrideRequest(at(5), "", FaultClass.CLASS_I, Optional.empty(), "why"), SETTINGS);

            assertThat(((Decision.Rejected) d).clause()).isEqualTo("HR-2");
        }

        @Test
        @DisplayName("EP-5.1 IT confirms a whole-network failure by override: recorded with who and why, the grade follows")
        void overrideIsRecordedAndApplied() {
            Decision d = Regrading.override(classII,
                    new OverrideRequest(at(5), "it-duty", FaultClass.CLASS_I, Optional.of(Scope.WHOLE_NETWORK), "console shows the core down"), SETTINGS);

            Decision.Accepted a = (Decision.Accepted) d;
            assertThat(a.events().get(0)).isEqualTo(new GradingEvent.OverrideApplied(at(5), "it-duty", FaultClass.CLASS_I,
                    Optional.of(Scope.WHOLE_NETWORK), "console shows the core down"));
            assertThat(a.state().effective()).contains(new Grade(FaultClass.CLASS_I, Scope.WHOLE_NETWORK));
            assertThat(a.state().computed().orElseThrow().faultClass()).as("the classifier's own grade is kept").isEqualTo(FaultClass.CLASS_II);
            assertThat(((GradingEvent.ClassChanged) a.events().get(1)).reason().en()).contains("manual override (it-duty)");
        }

        @Test
        @DisplayName("EP-4 an override holds against the evidence IT saw, but new more severe evidence supersedes it")
        void newSevereEvidenceSupersedesALowerOverride() {
            GradingState classI = observe(GradingState.empty(T0), down("p1", 0, Component.BACKUP_STORAGE, "nas")).state();
            GradingState lowered = ((Decision.Accepted) Regrading.override(classI,
                    new OverrideRequest(at(2), "it-duty", FaultClass.CLASS_II, Optional.empty(), "planned disk swap"), SETTINGS)).state();
            assertThat(lowered.effective().orElseThrow().faultClass()).isEqualTo(FaultClass.CLASS_II);

            Regrading.Step more = observe(lowered, report("r1", 3, ward5a(1), Symptom.TERMINAL_BROKEN));
            assertThat(more.events()).isEmpty();
            assertThat(more.state().override()).isPresent();

            Regrading.Step dbDown = observe(more.state(), down("p2", 4, Component.DATABASE_SERVER, "db"));
            assertThat(dbDown.events().get(0)).isInstanceOf(GradingEvent.OverrideSuperseded.class);
            assertThat(dbDown.state().override()).isEmpty();
            assertThat(dbDown.state().effective()).contains(new Grade(FaultClass.CLASS_I, Scope.WHOLE_NETWORK));
        }

        @Test
        @DisplayName("EP-4 lifting an override needs a reason; then the classifier's grade applies again")
        void lifting() {
            GradingState overridden = ((Decision.Accepted) Regrading.override(classII,
                    new OverrideRequest(at(5), "it-duty", FaultClass.CLASS_I, Optional.empty(), "looks wider"), SETTINGS)).state();

            assertThat(Regrading.lift(overridden, "it-duty", "", at(6), SETTINGS)).isInstanceOf(Decision.Rejected.class);
            Decision.Accepted lifted = (Decision.Accepted) Regrading.lift(overridden, "it-duty", "only one terminal after all", at(6), SETTINGS);
            assertThat(lifted.events().get(0)).isInstanceOf(GradingEvent.OverrideLifted.class);
            assertThat(lifted.state().effective().orElseThrow().faultClass()).isEqualTo(FaultClass.CLASS_II);
            assertThat(Regrading.lift(lifted.state(), "it-duty", "again", at(7), SETTINGS)).isInstanceOf(Decision.Rejected.class);
        }
    }

    @Test
    @DisplayName("EP-4 a cleared report's clearance also drops it from the pattern, lowering Class I to Class II")
    void clearingPartOfAPattern() {
        GradingState s = Regrading.observeAll(GradingState.empty(T0), List.of(
                report("r1", 0, ward5a(1), Symptom.CANNOT_CONNECT), report("r2", 1, ward5a(2), Symptom.CANNOT_CONNECT),
                report("r3", 2, ward5a(3), Symptom.CANNOT_CONNECT)), SETTINGS).state();
        Regrading.Step step = observe(s, clear("c1", 20, "r1"));

        GradingEvent.ClassChanged change = (GradingEvent.ClassChanged) step.events().get(0);
        assertThat(change.from()).contains(FaultClass.CLASS_I);
        assertThat(change.to()).contains(FaultClass.CLASS_II);
    }
}
