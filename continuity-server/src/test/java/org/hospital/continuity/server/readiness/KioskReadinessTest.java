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
}
