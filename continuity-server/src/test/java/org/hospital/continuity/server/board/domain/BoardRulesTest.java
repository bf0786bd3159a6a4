package org.hospital.continuity.server.board.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoardRulesTest {

    static final Instant START = Instant.parse("2026-11-21T06:00:00Z");

    @Test
    @DisplayName("EP-5.2 the outage is measured against 30 min, 6 h and 24 h from its start")
    void thresholdsFromThePlan() {
        List<Thresholds.State> s = Thresholds.of(START, null, List.of(), START.plus(Duration.ofMinutes(45)));
        assertThat(s).extracting(Thresholds.State::clause).containsExactly("EP-5.2.1", "EP-5.2.2", "EP-5.2.3");
        assertThat(s.get(0).passed()).isTrue();
        assertThat(s.get(0).remaining()).isZero();
        assertThat(s.get(1).passed()).isFalse();
        assertThat(s.get(1).remaining()).isEqualTo(Duration.ofMinutes(315));
        assertThat(s.get(2).dueAt()).isEqualTo(START.plus(Duration.ofHours(24)));
    }

    @Test
    @DisplayName("EP-5.1 the engine's schedule wins when it moved a threshold (holiday, patient volume)")
    void engineScheduleWins() {
        var moved = new Thresholds.Milestone("THIRTY_MINUTES", "EP-5.2.1", Duration.ofMinutes(20), START.plus(Duration.ofMinutes(20)));
        List<Thresholds.State> s = Thresholds.of(START, null, List.of(moved), START.plus(Duration.ofMinutes(25)));
        assertThat(s.get(0).passed()).isTrue();
        assertThat(s.get(0).threshold()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void anEndedOutageStopsTheClockAndNoOutageHasNoThresholds() {
        Instant end = START.plus(Duration.ofMinutes(10));
        assertThat(Thresholds.elapsed(START, end, START.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofMinutes(10));
        assertThat(Thresholds.of(START, end, List.of(), START.plus(Duration.ofDays(3)))).noneMatch(Thresholds.State::passed);
        assertThat(Thresholds.of(null, null, List.of(), START)).isEmpty();
        assertThat(Thresholds.elapsed(null, null, START)).isZero();
    }

    @Test
    @DisplayName("property: a threshold is passed exactly when the elapsed time reaches it, and remaining + elapsed = threshold before")
    void property_thresholdsAreConsistent() {
        Random random = new Random(99L);
        for (int i = 0; i < 2_000; i++) {
            Instant now = START.plusSeconds(random.nextInt(30 * 3600));
            Duration elapsed = Thresholds.elapsed(START, null, now);
            for (Thresholds.State s : Thresholds.of(START, null, List.of(), now)) {
                assertThat(s.passed()).isEqualTo(elapsed.compareTo(s.threshold()) >= 0);
                if (!s.passed()) {
                    assertThat(s.remaining().plus(elapsed)).isEqualTo(s.threshold());
                }
            }
        }
    }

    @Test
    @DisplayName("a status report needs conditions and actions, and may not carry patient data (HR-12)")
    void statusReportRules() {
        UUID incident = UUID.randomUUID();
        assertThat(StatusReport.write(UUID.randomUUID(), incident, "全院网络中断，核心交换机故障", "更换备用交换机", "", "信息科王",
                true, START)).isInstanceOf(StatusReport.Decision.Accepted.class);
        var missing = (StatusReport.Decision.Rejected) StatusReport.write(UUID.randomUUID(), incident, " ", "", null, "王", true, START);
        assertThat(missing.reason()).contains("conditions are required", "actions are required");
        var patient = (StatusReport.Decision.Rejected) StatusReport.write(UUID.randomUUID(), incident, "患者 11010519491231002X 滞留",
                "处理中", "", "王", true, START);
        assertThat(patient.rule()).isEqualTo("HR-12");
        var closed = (StatusReport.Decision.Rejected) StatusReport.write(UUID.randomUUID(), incident, "a", "b", "", "王", false, START);
        assertThat(closed.rule()).isEqualTo("EP-8.1");
    }

    @Test
    @DisplayName("a status report is due an hour after the last one; each missed hour is one reminder")
    void statusReportReminders() {
        Duration hour = Duration.ofHours(1);
        assertThat(StatusReport.nextDue(START, null, hour)).isEqualTo(START.plus(hour));
        assertThat(StatusReport.reminderNumber(START, null, hour, START.plus(Duration.ofMinutes(59)))).isZero();
        assertThat(StatusReport.reminderNumber(START, null, hour, START.plus(hour))).isEqualTo(1);
        assertThat(StatusReport.reminderNumber(START, null, hour, START.plus(Duration.ofMinutes(150)))).isEqualTo(2);
        Instant last = START.plus(Duration.ofMinutes(130));
        assertThat(StatusReport.reminderNumber(START, last, hour, START.plus(Duration.ofMinutes(150)))).isZero();
    }

    @Test
    @DisplayName("EP-8.6 the fault report is due 2 days after the fault, needs root cause and measures, and is frozen once submitted")
    void faultReportDeadlineAndSubmission() {
        UUID incident = UUID.randomUUID();
        Instant closed = START.plus(Duration.ofHours(5));
        FaultReportRecord empty = FaultReportRecord.empty(incident);
        assertThat(empty.state(null, START)).isEqualTo(FaultReportRecord.DeadlineState.NOT_STARTED);
        assertThat(empty.state(closed, closed.plus(Duration.ofHours(1)))).isEqualTo(FaultReportRecord.DeadlineState.OPEN);
        assertThat(empty.state(closed, closed.plus(Duration.ofHours(40)))).isEqualTo(FaultReportRecord.DeadlineState.DUE_SOON);
        assertThat(empty.state(closed, closed.plus(Duration.ofHours(49)))).isEqualTo(FaultReportRecord.DeadlineState.OVERDUE);

        assertThat(empty.submit(true, "赵", closed)).isInstanceOf(FaultReportRecord.Decision.Rejected.class);
        FaultReportRecord saved = ((FaultReportRecord.Decision.Accepted) empty.save("核心交换机电源故障", "双电源改造；备件常备",
                "厂商出具分析报告", null, "赵", closed.plusSeconds(60))).record();
        assertThat(saved.submit(false, "赵", closed)).isInstanceOf(FaultReportRecord.Decision.Rejected.class);
        FaultReportRecord submitted = ((FaultReportRecord.Decision.Accepted) saved.submit(true, "赵", closed.plus(Duration.ofHours(20)))).record();
        assertThat(submitted.state(closed, closed.plus(Duration.ofDays(9)))).isEqualTo(FaultReportRecord.DeadlineState.SUBMITTED);
        var frozen = (FaultReportRecord.Decision.Rejected) submitted.save("x", "y", "z", null, "赵", closed.plus(Duration.ofDays(3)));
        assertThat(frozen.rule()).isEqualTo("HR-9");
    }

    @Test
    @DisplayName("EP-8.2 somebody joins a known team once while the incident is open")
    void teamAssignments() {
        UUID incident = UUID.randomUUID();
        var ok = (TeamAssignment.Decision.Accepted) TeamAssignment.assign(UUID.randomUUID(), incident, "REPAIR_TEAM", "李工", null, "交换机",
                "赵", true, List.of(), START);
        assertThat(TeamAssignment.assign(UUID.randomUUID(), incident, "REPAIR_TEAM", "李工", null, "", "赵", true,
                List.of(ok.assignment()), START)).isInstanceOf(TeamAssignment.Decision.Rejected.class);
        assertThat(TeamAssignment.assign(UUID.randomUUID(), incident, "LUNCH_TEAM", "李工", null, "", "赵", true, List.of(), START))
                .isInstanceOf(TeamAssignment.Decision.Rejected.class);
        assertThat(TeamAssignment.assign(UUID.randomUUID(), incident, "LIAISON_TEAM", "李工", null, "", "赵", false, List.of(), START))
                .isInstanceOf(TeamAssignment.Decision.Rejected.class);
    }
}
