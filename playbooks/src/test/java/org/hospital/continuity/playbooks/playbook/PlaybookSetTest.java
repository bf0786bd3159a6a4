package org.hospital.continuity.playbooks.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;
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

    @Test
    @DisplayName("EP-4.5 … EP-4.8 who is called the moment a class is declared comes from the playbook files, in file order")
    void whoIsCalledPerClass() {
        assertThat(DEFAULTS.announcedFor(new Occurrence.ClassReached(AFTERNOON, FaultClass.CLASS_I))).extracting(Party::code)
                .containsExactly("LEADERSHIP_GROUP", "IT_ON_DUTY");
        assertThat(DEFAULTS.announcedFor(new Occurrence.ClassReached(AFTERNOON, FaultClass.CLASS_II))).extracting(Party::code)
                .containsExactly("IT_DEPARTMENT", "IT_ON_DUTY");
        assertThat(DEFAULTS.announcedFor(new Occurrence.ClassReached(AFTERNOON, FaultClass.INSURANCE))).extracting(Party::code)
                .containsExactly("FINANCE", "INSURANCE_OFFICE", "OUTPATIENT_OFFICE");
        // EP-4.7: Class III stays with the system administrator (the first version called nobody, while the EP-3
        // playbook's escalation step told the leadership group of every incident)
        assertThat(DEFAULTS.announcedFor(new Occurrence.ClassReached(AFTERNOON, FaultClass.CLASS_III))).extracting(Party::code)
                .containsExactly("SYSTEM_ADMINISTRATOR");
        assertThat(DEFAULTS.byId("ep4-3-class-iii").orElseThrow().announce()).hasValueSatisfying(a -> {
            assertThat(a.clause()).isEqualTo("EP-4.7");
            assertThat(a.parties()).extracting(Party::code).containsExactly("SYSTEM_ADMINISTRATOR");
        });
    }

    @Test
    @DisplayName("EP-6.8 the restart notice goes to every department, the leadership group and IT (the recovery playbook says so)")
    void whoIsCalledOnRecovery() {
        assertThat(DEFAULTS.announcedFor(new Occurrence.Recovered(AFTERNOON, Set.of(Department.NURSE_STATION)))).extracting(Party::code)
                .containsExactly("ALL_DEPARTMENTS", "LEADERSHIP_GROUP", "IT_DEPARTMENT");
    }

    @Test
    @DisplayName("a hospital file replacing the Class I playbook changes who is called; a disabled playbook calls nobody")
    void hospitalFileChangesWhoIsCalled() {
        String yaml = """
                id: ep4-1-class-i
                title: {zh: 一类故障处置, en: Class I fault response}
                clause: EP-4.1
                trigger: {type: CLASS, class: CLASS_I}
                announce:
                  clause: EP-4.5
                  notify: [LEADERSHIP_GROUP, HOSPITAL_DUTY_OFFICER]
                steps:
                  - id: report
                    clause: EP-4.5
                    owner: IT_DEPARTMENT
                    action: {zh: 报告, en: report}
                """;
        PlaybookSet hospital = DEFAULTS.overriddenBy(PlaybookSet.of(java.util.List.of(PlaybookLoader.parse("class-i.yaml", yaml))));
        assertThat(hospital.announcedFor(new Occurrence.ClassReached(AFTERNOON, FaultClass.CLASS_I))).extracting(Party::code)
                .containsExactly("LEADERSHIP_GROUP", "HOSPITAL_DUTY_OFFICER");
        PlaybookSet disabled = DEFAULTS.overriddenBy(PlaybookSet.of(java.util.List.of(
                PlaybookLoader.parse("class-i.yaml", yaml.replace("clause: EP-4.1\n", "clause: EP-4.1\nenabled: false\n")))));
        assertThat(disabled.announcedFor(new Occurrence.ClassReached(AFTERNOON, FaultClass.CLASS_I))).isEmpty();
    }

    @Test
    @DisplayName("an announce block naming an unknown party is refused with the file, line and what was expected")
    void unknownPartyInAnnounceIsRefused() {
        String yaml = """
                id: x
                title: {zh: 甲, en: x}
                clause: EP-4.1
                trigger: {type: CLASS, class: CLASS_I}
                announce: {clause: EP-4.5, notify: [NOBODY_KNOWN]}
                steps:
                  - {id: s, clause: EP-4.5, owner: IT_DEPARTMENT, action: {zh: 甲, en: x}}
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlaybookLoader.parse("x.yaml", yaml))
                .isInstanceOf(org.hospital.continuity.playbooks.yaml.FileFormatException.class)
                .hasMessageContaining("x.yaml").hasMessageContaining("NOBODY_KNOWN");
    }
}
