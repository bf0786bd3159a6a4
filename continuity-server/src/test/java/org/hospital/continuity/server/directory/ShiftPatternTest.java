package org.hospital.continuity.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.hospital.continuity.server.directory.domain.ShiftKind;
import org.hospital.continuity.server.platform.security.StaffRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShiftPatternTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    @Test
    @DisplayName("HR-15 a weekday day shift runs exactly 08:00–17:00")
    void weekdayDayShift() {
        assertThat(ShiftKind.WEEKDAY_DAY.misfit(at("2026-11-23T08:00"), at("2026-11-23T17:00"), ZONE)).isEmpty();
        assertThat(ShiftKind.WEEKDAY_DAY.misfit(at("2026-11-23T08:00"), at("2026-11-23T18:00"), ZONE)).isPresent();
        assertThat(ShiftKind.WEEKDAY_DAY.misfit(at("2026-11-23T09:00"), at("2026-11-23T17:00"), ZONE)).isPresent();
    }

    @Test
    @DisplayName("HR-15 nights run 18:00–08:00 and may be split into several shifts")
    void nightsMayBeSplit() {
        assertThat(ShiftKind.NIGHT.misfit(at("2026-11-23T18:00"), at("2026-11-24T08:00"), ZONE)).isEmpty();
        assertThat(ShiftKind.NIGHT.misfit(at("2026-11-23T18:00"), at("2026-11-24T01:00"), ZONE)).isEmpty();
        assertThat(ShiftKind.NIGHT.misfit(at("2026-11-24T01:00"), at("2026-11-24T08:00"), ZONE)).isEmpty();
        assertThat(ShiftKind.NIGHT.misfit(at("2026-11-23T17:00"), at("2026-11-24T01:00"), ZONE)).isPresent();
        assertThat(ShiftKind.NIGHT.misfit(at("2026-11-24T01:00"), at("2026-11-24T09:00"), ZONE)).isPresent();
        assertThat(ShiftKind.NIGHT.misfit(at("2026-11-24T01:00"), at("2026-11-24T01:00"), ZONE)).isPresent();
    }

    @Test
    @DisplayName("HR-15 holidays have 12-hour day (08–20) and night (20–08) shifts")
    void holidayShifts() {
        assertThat(ShiftKind.HOLIDAY_DAY.misfit(at("2026-10-01T08:00"), at("2026-10-01T20:00"), ZONE)).isEmpty();
        assertThat(ShiftKind.HOLIDAY_NIGHT.misfit(at("2026-10-01T20:00"), at("2026-10-02T08:00"), ZONE)).isEmpty();
        assertThat(ShiftKind.HOLIDAY_NIGHT.misfit(at("2026-10-01T20:00"), at("2026-10-02T02:00"), ZONE)).isPresent();
    }

    @Test
    @DisplayName("HR-1 the leadership role alone is read-only; IT roles are 'it'; everyone reads")
    void securityRoles() {
        assertThat(StaffRole.securityRoles(EnumSet.of(StaffRole.LEADERSHIP))).containsExactlyInAnyOrder("reader", "leadership");
        assertThat(StaffRole.securityRoles(EnumSet.of(StaffRole.IT_DUTY))).contains("reader", "staff", "it", "it-duty").doesNotContain("it-admin");
        assertThat(StaffRole.securityRoles(EnumSet.of(StaffRole.IT_ADMIN))).contains("it", "it-admin", "staff");
        assertThat(StaffRole.securityRoles(EnumSet.of(StaffRole.LEADERSHIP, StaffRole.DEPARTMENT_HEAD))).contains("staff", "department-head");
    }
}
