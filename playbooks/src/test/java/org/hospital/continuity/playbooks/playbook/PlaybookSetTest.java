package org.hospital.continuity.playbooks.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PlaybookSet: which steps fall due when something happens")
class PlaybookSetTest {

    private static final PlaybookSet DEFAULTS = PlaybookLoader.loadDefaults();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-11-24 16:00 in Shanghai. */
    private static final Instant AFTERNOON = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    @DisplayName("EP-6.7 when only the pharmacy enters manual mode, only the pharmacy's steps fall due")
    void manualModeFiltersByDepartment() {
        var due = DEFAULTS.stepsFor(new Occurrence.ManualModeStarted(AFTERNOON, Set.of(Department.PHARMACY)), SHANGHAI);

        assertThat(due).isNotEmpty().allSatisfy(d -> assertThat(d.department()).contains(Department.PHARMACY));
        assertThat(due).extracting(d -> d.step().clause()).contains("EP-6.7.2", "EP-6.7.3", "EP-6.7.4");
    }

    @Test
    @DisplayName("EP-6.2 the cashiers' steps fall due when outpatient registration enters manual, in file order")
    void cashierStepsInOrder() {
        var due = DEFAULTS.stepsFor(new Occurrence.ManualModeStarted(AFTERNOON, EnumSet.of(Department.OUTPATIENT_REGISTRATION)), SHANGHAI);

        assertThat(due).extracting(DueStep::reference)
                .containsExactly("ep6-manual-mode/cashier-manual-charging", "ep6-manual-mode/cashier-invoice-register");
        assertThat(due.get(0).dueBy()).contains(AFTERNOON);
    }

    @Test
    @DisplayName("EP-8.4 recovery at 16:00: important data by midnight, all back-entry by the end of the next day (hospital time)")
    void sameDayAndNextDay() {
        var due = DEFAULTS.stepsFor(new Occurrence.Recovered(AFTERNOON, Set.of(Department.NURSE_STATION)), SHANGHAI);

        DueStep sameDay = due.stream().filter(d -> d.step().id().equals("important-data-same-day")).findFirst().orElseThrow();
        DueStep nextDay = due.stream().filter(d -> d.step().id().equals("all-back-entry-next-day")).findFirst().orElseThrow();
        assertThat(sameDay.dueBy()).contains(Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(nextDay.dueBy()).contains(Instant.parse("2026-11-25T16:00:00Z"));
        assertThat(due).extracting(DueStep::department).allMatch(d -> d.isEmpty() || d.get() == Department.NURSE_STATION);
    }

    @Test
    @DisplayName("EP-8.6 closing a Class I incident asks for the technical review within 2 days; a Class III incident does not")
    void reviewOnlyAfterClassI() {
        var classI = DEFAULTS.stepsFor(new Occurrence.IncidentClosed(AFTERNOON, FaultClass.CLASS_I), SHANGHAI);
        var classIII = DEFAULTS.stepsFor(new Occurrence.IncidentClosed(AFTERNOON, FaultClass.CLASS_III), SHANGHAI);

        assertThat(classI).filteredOn(d -> d.step().clause().equals("EP-8.6")).singleElement()
                .satisfies(d -> assertThat(d.dueBy()).contains(AFTERNOON.plus(java.time.Duration.ofDays(2))));
        assertThat(classIII).noneMatch(d -> d.step().clause().equals("EP-8.6"));
        assertThat(classIII).anyMatch(d -> d.step().clause().equals("EP-4.7"));
    }

    @Test
    @DisplayName("EP-5.2.1 the 30-minute row's announcement is owned by IT and tells the four front-desk departments")
    void ladderRowAnnouncement() {
        var due = DEFAULTS.stepsFor(new Occurrence.LadderStepReached(AFTERNOON, LadderStep.FRONT_DESK,
                LadderStep.FRONT_DESK.departments()), SHANGHAI);

        assertThat(due.get(0).step().clause()).isEqualTo("EP-6.1");
        assertThat(due.get(0).step().owner().code()).isEqualTo("IT_DEPARTMENT");
        assertThat(due.get(0).step().notified()).extracting(p -> p.code())
                .containsExactly("OUTPATIENT_REGISTRATION", "ADMISSION", "OUTPATIENT_DOCTOR", "PHARMACY");
    }

    @Test
    @DisplayName("EP-4.5 reaching Class I never fires the insurance playbook, and vice versa")
    void classesAreSeparate() {
        assertThat(DEFAULTS.stepsFor(new Occurrence.ClassReached(AFTERNOON, FaultClass.CLASS_I), SHANGHAI))
                .extracting(DueStep::playbookId).containsOnly("ep4-1-class-i");
        assertThat(DEFAULTS.stepsFor(new Occurrence.ClassReached(AFTERNOON, FaultClass.INSURANCE), SHANGHAI))
                .extracting(DueStep::playbookId).containsOnly("ep4-4-insurance");
    }
}
