package org.hospital.continuity.server.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.server.readiness.domain.KioskReadiness;
import org.hospital.continuity.server.readiness.domain.KioskReadiness.Facts;
import org.hospital.continuity.server.readiness.domain.KioskReadiness.Pool;
import org.junit.jupiter.api.Test;

class KioskReadinessTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final KioskReadiness.Thresholds T = new KioskReadiness.Thresholds(Duration.ofMinutes(15), Duration.ofHours(26), 20,
            Duration.ofDays(3), Duration.ofMinutes(15), Duration.ofMinutes(2), Optional.of("1.0.0"), List.of("PATIENT", "INVOICE"));

    private static Facts ready() {
        return new Facts("k1", "收费处1号窗", "SFC", "ENROLLED", NOW.minusSeconds(30), NOW.minusSeconds(30), "1.0.0",
                NOW.minus(Duration.ofHours(2)), List.of(new Pool("PATIENT", 500, NOW.plus(Duration.ofDays(30))),
                new Pool("INVOICE", 500, NOW.plus(Duration.ofDays(30)))), 0L, null, 300L);
    }

    private static List<String> codes(Facts f) {
        return KioskReadiness.assess(f, T, NOW).problems().stream().map(KioskReadiness.Problem::code).toList();
    }

    @Test
    void aKioskWithFreshDataFullPoolsNoBacklogAndAGoodClockIsReady() {
        assertThat(KioskReadiness.assess(ready(), T, NOW).ready()).isTrue();
    }

    @Test
    void everyShortcomingIsNamedWithItsOwnReason() {
        Facts f = ready();
        Facts bad = new Facts(f.kioskId(), f.name(), f.department(), f.status(), NOW.minus(Duration.ofMinutes(40)), f.reportedAt(), "0.9.0",
                NOW.minus(Duration.ofHours(30)), List.of(new Pool("PATIENT", 5, NOW.plus(Duration.ofDays(1)))), 12L,
                NOW.minus(Duration.ofHours(1)), -200_000L);
        assertThat(codes(bad)).containsExactlyInAnyOrder("SILENT", "SNAPSHOT_OLD", "POOL_LOW", "POOL_EXPIRING", "POOL_EMPTY", "BACKLOG",
                "VERSION", "CLOCK_DRIFT");
        assertThat(KioskReadiness.assess(bad, T, NOW).problems()).allSatisfy(p -> {
            assertThat(p.zh()).isNotBlank();
            assertThat(p.en()).isNotBlank();
        });
    }

    @Test
    void aKioskThatNeverReportedIsNotReadyAndSaysWhy() {
        Facts f = new Facts("k2", "病区", "W3", "ENROLLED", null, null, null, null, List.of(), null, null, null);
        assertThat(codes(f)).containsExactly("NEVER_SEEN", "NO_REPORT");
        Facts pending = new Facts("k3", "新", "W3", "AWAITING_ENROLMENT", null, null, null, null, List.of(), null, null, null);
        assertThat(codes(pending)).containsExactly("NOT_ENROLLED");
    }

    @Test
    void aRecentBacklogIsNormalWorkNotAProblem() {
        Facts f = ready();
        Facts working = new Facts(f.kioskId(), f.name(), f.department(), f.status(), f.lastSeen(), f.reportedAt(), f.softwareVersion(),
                f.snapshotGeneratedAt(), f.pools(), 3L, NOW.minus(Duration.ofMinutes(2)), f.clockDriftMillis());
        assertThat(KioskReadiness.assess(working, T, NOW).ready()).isTrue();
    }

    private static Facts ward(Instant hisDataAsOf, Integer wards, Instant printedAt) {
        Facts f = ready();
        return new Facts(f.kioskId(), "肾内二病区终端", "NEPH", f.status(), f.lastSeen(), f.reportedAt(), f.softwareVersion(), f.snapshotGeneratedAt(),
                f.pools(), f.backlogPending(), f.oldestUnsentAt(), f.clockDriftMillis(), hisDataAsOf, wards, printedAt);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a ward kiosk's copy of the HIS (census, orders, MAR, allergies) older than the limit is named, in words; a fresh one with a recent print is ready")
    void aWardKiosksStaleCopyOfTheHisIsNamed() {
        assertThat(KioskReadiness.assess(ward(NOW.minus(Duration.ofMinutes(20)), 1, NOW.minus(Duration.ofHours(3))), T, NOW).ready()).isTrue();
        KioskReadiness.Verdict stale = KioskReadiness.assess(ward(NOW.minus(Duration.ofHours(5)), 1, NOW.minus(Duration.ofHours(3))), T, NOW);
        assertThat(stale.problems()).extracting(KioskReadiness.Problem::code).containsExactly("HIS_DATA_OLD");
        assertThat(stale.problems().get(0).zh()).isEqualTo("本机的病区数据（在院病人、医嘱、给药计划、过敏史）已 5 小时未从 HIS 更新");
        // a kiosk without the feed's data (no as-of time) is judged by its snapshot only
        assertThat(codes(ward(null, 0, null))).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the paper copy in the drawer: a ward kiosk that never printed its downtime reports, or not within the limit, is not ready")
    void aWardKioskMustHavePrintedItsReports() {
        assertThat(codes(ward(NOW.minus(Duration.ofMinutes(5)), 2, null))).containsExactly("WARD_REPORT_NOT_PRINTED");
        KioskReadiness.Verdict old = KioskReadiness.assess(ward(NOW.minus(Duration.ofMinutes(5)), 2, NOW.minus(Duration.ofHours(10))), T, NOW);
        assertThat(old.problems()).extracting(KioskReadiness.Problem::code).containsExactly("WARD_REPORT_OLD");
        assertThat(old.problems().get(0).zh()).isEqualTo("病区停机报表已 10 小时未打印");
        // a kiosk with no ward (a cashier's) prints nothing and is not asked to
        assertThat(codes(ward(null, 0, null))).doesNotContain("WARD_REPORT_NOT_PRINTED");
    }
}
