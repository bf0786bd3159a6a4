package org.hospital.continuity.playbooks.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hospital.continuity.playbooks.party.Department.ADMISSION;
import static org.hospital.continuity.playbooks.party.Department.CRITICAL_CARE;
import static org.hospital.continuity.playbooks.party.Department.DISCHARGE_SETTLEMENT;
import static org.hospital.continuity.playbooks.party.Department.INPATIENT_DOCTOR;
import static org.hospital.continuity.playbooks.party.Department.MEDICAL_TECHNOLOGY;
import static org.hospital.continuity.playbooks.party.Department.NURSE_STATION;
import static org.hospital.continuity.playbooks.party.Department.OPERATING_THEATRE;
import static org.hospital.continuity.playbooks.party.Department.OUTPATIENT_DOCTOR;
import static org.hospital.continuity.playbooks.party.Department.OUTPATIENT_REGISTRATION;
import static org.hospital.continuity.playbooks.party.Department.PHARMACY;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Office;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("DowntimeLadder: departments switch to manual by elapsed outage time (EP-5.2)")
class DowntimeLadderTest {

    private static final Instant START = Instant.parse("2026-11-24T02:00:00Z");
    private static final DowntimeLadder LADDER = DowntimeLadder.standard();
    private static final Set<Department> FRONT_DESK = EnumSet.of(OUTPATIENT_REGISTRATION, ADMISSION, OUTPATIENT_DOCTOR, PHARMACY);
    private static final Set<Department> WARDS = EnumSet.of(INPATIENT_DOCTOR, NURSE_STATION, OPERATING_THEATRE, MEDICAL_TECHNOLOGY);

    private static Set<Department> union(Set<Department> a, Set<Department> b) {
        EnumSet<Department> u = EnumSet.copyOf(a);
        u.addAll(b);
        return u;
    }

    static Stream<Arguments> everyRowOfTheEp52Table() {
        return Stream.of(
                Arguments.of("EP-5.2.1 before 30 minutes nobody switches", Duration.ofMinutes(29).plusSeconds(59), Set.of()),
                Arguments.of("EP-5.2.1 at 30 minutes outpatient registration, admission, outpatient doctors and pharmacy switch",
                        Duration.ofMinutes(30), FRONT_DESK),
                Arguments.of("EP-5.2.2 just before 6 hours only the front desk is manual", Duration.ofHours(6).minusSeconds(1), FRONT_DESK),
                Arguments.of("EP-5.2.2 at 6 hours inpatient doctors, nurse stations, theatres and medical technology switch",
                        Duration.ofHours(6), union(FRONT_DESK, WARDS)),
                Arguments.of("EP-5.2.3 just before 24 hours discharge settlement still works on the system",
                        Duration.ofHours(24).minusSeconds(1), union(FRONT_DESK, WARDS)),
                Arguments.of("EP-5.2.3 at 24 hours every business of the hospital switches", Duration.ofHours(24),
                        EnumSet.allOf(Department.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRowOfTheEp52Table")
    @DisplayName("EP-5.2 table: who is in manual after how long")
    void eachRowOfTheTable(String row, Duration elapsed, Set<Department> expected) {
        assertThat(LADDER.departmentsInManualAt(START, START.plus(elapsed), LadderContext.none())).as(row)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("EP-5.2.3 discharge settlement is only named by the 24-hour row")
    void dischargeSettlementWaitsForTheLastRow() {
        assertThat(LadderStep.FRONT_DESK.departments()).doesNotContain(DISCHARGE_SETTLEMENT);
        assertThat(LadderStep.WARDS_AND_THEATRES.departments()).doesNotContain(DISCHARGE_SETTLEMENT);
        assertThat(LadderStep.WHOLE_HOSPITAL.departments()).contains(DISCHARGE_SETTLEMENT);
    }

    @Test
    @DisplayName("EP-5.2 the next step names what switches next and when")
    void nextStep() {
        LadderMilestone next = LADDER.nextStep(START, START.plus(Duration.ofMinutes(40)), LadderContext.none()).orElseThrow();

        assertThat(next.step()).isEqualTo(LadderStep.WARDS_AND_THEATRES);
        assertThat(next.clause()).isEqualTo("EP-5.2.2");
        assertThat(next.dueAt()).isEqualTo(START.plus(Duration.ofHours(6)));
        assertThat(next.departments()).containsExactlyInAnyOrderElementsOf(WARDS);
        assertThat(LADDER.nextStep(START, START.plus(Duration.ofHours(24)), LadderContext.none())).isEmpty();
        assertThat(LADDER.nextStep(START, START, LadderContext.none()).orElseThrow().step()).isEqualTo(LadderStep.FRONT_DESK);
    }

    @Test
    @DisplayName("EP-5.2 危重病人: critical care switches at any moment on request, even in the first minute")
    void criticalCareOnRequest() {
        LadderContext requested = LadderContext.none().withRequest(CRITICAL_CARE, START.plus(Duration.ofMinutes(1)));

        assertThat(LADDER.departmentsInManualAt(START, START, requested)).isEmpty();
        assertThat(LADDER.departmentsInManualAt(START, START.plus(Duration.ofMinutes(1)), requested)).containsExactly(CRITICAL_CARE);
        assertThat(LADDER.departmentsInManualAt(START, START.plus(Duration.ofMinutes(30)), requested))
                .containsExactlyInAnyOrderElementsOf(union(FRONT_DESK, EnumSet.of(CRITICAL_CARE)));
    }

    @Test
    @DisplayName("EP-5.2 the ladder reads the time from an injected clock, never its own")
    void injectedClock() {
        InstantSource fixed = InstantSource.fixed(START.plus(Duration.ofMinutes(31)));
        assertThat(LADDER.departmentsInManual(START, fixed, LadderContext.none())).containsExactlyInAnyOrderElementsOf(FRONT_DESK);
    }

    @Nested
    @DisplayName("EP-5.1 context modifiers: holidays, patient volume, staff away, major events")
    class Context {

        /** A hospital that chose to pull its ladder by fixed shares (never the default). */
        private DowntimeLadder configured() {
            LadderSettings d = LadderSettings.defaults();
            return new DowntimeLadder(d
                    .withModifier(new ModifierPolicy(ContextModifier.HOLIDAY, 50, d.modifiers().get(ContextModifier.HOLIDAY).alsoNotify(),
                            d.modifiers().get(ContextModifier.HOLIDAY).rationale()))
                    .withModifier(new ModifierPolicy(ContextModifier.STAFF_AWAY, 75, d.modifiers().get(ContextModifier.STAFF_AWAY).alsoNotify(),
                            d.modifiers().get(ContextModifier.STAFF_AWAY).rationale()))
                    .withModifier(new ModifierPolicy(ContextModifier.MAJOR_EVENT, 50, d.modifiers().get(ContextModifier.MAJOR_EVENT).alsoNotify(),
                            d.modifiers().get(ContextModifier.MAJOR_EVENT).rationale())));
        }

        @Test
        @DisplayName("EP-5.1/EP-5.2 by default a holiday keeps the plan's 30 minutes; the leadership group and the duty officer are told")
        void holidayKeepsThePlansTimes() {
            LadderContext holiday = LadderContext.of(ContextModifier.HOLIDAY);
            LadderMilestone first = LADDER.schedule(START, holiday).get(0);

            assertThat(first.threshold()).isEqualTo(Duration.ofMinutes(30));
            assertThat(first.pulledEarlier()).isFalse();
            assertThat(first.notified()).contains(Office.HOSPITAL_DUTY_OFFICER, Office.LEADERSHIP_GROUP);
            assertThat(LADDER.schedule(START, LadderContext.none()).get(0).notified()).doesNotContain(Office.HOSPITAL_DUTY_OFFICER);
            assertThat(LADDER.departmentsInManualAt(START, START.plus(Duration.ofMinutes(29)), holiday)).isEmpty();
            for (ContextModifier m : ContextModifier.values()) {
                assertThat(LadderSettings.defaults().modifiers().get(m).thresholdPercent()).as("%s moves no threshold by default", m)
                        .isEqualTo(LadderSettings.PLAN_PERCENT);
            }
        }

        @Test
        @DisplayName("EP-5.1 a hospital that configures a holiday share explicitly gets its row at 15 minutes")
        void configuredHolidayPullsEarlier() {
            LadderContext holiday = LadderContext.of(ContextModifier.HOLIDAY);
            LadderMilestone first = configured().schedule(START, holiday).get(0);

            assertThat(first.threshold()).isEqualTo(Duration.ofMinutes(15));
            assertThat(first.planThreshold()).isEqualTo(Duration.ofMinutes(30));
            assertThat(first.pulledEarlier()).isTrue();
            assertThat(first.pulledBy()).containsExactly(ContextModifier.HOLIDAY);
            assertThat(configured().departmentsInManualAt(START, START.plus(Duration.ofMinutes(15)), holiday))
                    .containsExactlyInAnyOrderElementsOf(FRONT_DESK);
        }

        @Test
        @DisplayName("EP-5.1 configured modifiers combine: the earliest threshold, and everyone any of them names is told")
        void modifiersCombine() {
            LadderContext both = LadderContext.of(ContextModifier.STAFF_AWAY, ContextModifier.MAJOR_EVENT);
            LadderMilestone wards = configured().schedule(START, both).get(1);

            assertThat(wards.threshold()).isEqualTo(Duration.ofHours(3));
            assertThat(wards.notified()).contains(Office.VENDORS, Office.PRESIDENT_OFFICE, Office.LEADERSHIP_GROUP);
            assertThat(configured().thresholdFor(LadderStep.FRONT_DESK, LadderContext.of(ContextModifier.STAFF_AWAY)))
                    .isEqualTo(Duration.ofMinutes(22).plusSeconds(30));
            assertThat(LADDER.schedule(START, both).get(1).threshold()).as("not by default").isEqualTo(Duration.ofHours(6));
        }

        @Test
        @DisplayName("EP-5.2 a hospital can set its own thresholds explicitly")
        void hospitalEditable() {
            LadderSettings defaults = LadderSettings.defaults();
            assertThat(defaults.thresholds().get(LadderStep.FRONT_DESK)).isEqualTo(LadderSettings.FRONT_DESK_THRESHOLD);

            LadderSettings hospital = defaults.withThreshold(LadderStep.FRONT_DESK, Duration.ofMinutes(20));
            DowntimeLadder ladder = new DowntimeLadder(hospital);
            assertThat(ladder.thresholdFor(LadderStep.FRONT_DESK, LadderContext.of(ContextModifier.HOLIDAY))).isEqualTo(Duration.ofMinutes(20));
        }

        @Test
        @DisplayName("EP-5.2 thresholds must keep the plan's order: a row cannot fall due before the one above it")
        void thresholdsKeepTheirOrder() {
            assertThatThrownBy(() -> LadderSettings.defaults().withThreshold(LadderStep.WARDS_AND_THEATRES, Duration.ofMinutes(20)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EP-5.2.2");
            assertThatThrownBy(() -> new ModifierPolicy(ContextModifier.HOLIDAY, 0, Set.of(), LadderSettings.defaults()
                    .modifiers().get(ContextModifier.HOLIDAY).rationale())).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
