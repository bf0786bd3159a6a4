package org.hospital.continuity.server.readiness.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks sites do by hand each shift, per kiosk (EP-9.4, EP-7): would this kiosk carry its department through
 * an outage that starts now? Pure: the facts the server holds, the thresholds, and now; the verdict lists every
 * reason, each with a human text in both languages.
 */
public final class KioskReadiness {

    private KioskReadiness() {
    }

    /** A number pool as the kiosk last reported it. */
    public record Pool(String pool, long remaining, Instant earliestExpiry) {
    }

    /**
     * What the server knows of one kiosk. {@code lastSeen}: the later of its last readiness report and its last
     * sync push (null: never); the other fields come from its last readiness report (null: never reported).
     */
    public record Facts(String kioskId, String name, String department, String status, Instant lastSeen, Instant reportedAt,
                        String softwareVersion, Instant snapshotGeneratedAt, List<Pool> pools, Long backlogPending,
                        Instant oldestUnsentAt, Long clockDriftMillis, Instant hisDataAsOf, Integer censusWards, Instant wardReportPrintedAt) {
        public Facts {
            pools = pools == null ? List.of() : List.copyOf(pools);
        }

        /** A kiosk without the HIS feed's ward data (no as-of time, no wards, no ward report). */
        public Facts(String kioskId, String name, String department, String status, Instant lastSeen, Instant reportedAt,
                     String softwareVersion, Instant snapshotGeneratedAt, List<Pool> pools, Long backlogPending,
                     Instant oldestUnsentAt, Long clockDriftMillis) {
            this(kioskId, name, department, status, lastSeen, reportedAt, softwareVersion, snapshotGeneratedAt, pools, backlogPending,
                    oldestUnsentAt, clockDriftMillis, null, null, null);
        }
    }

    /** The limits; the defaults are in {@code ReadinessConfig}. */
    public record Thresholds(Duration maxSilence, Duration maxSnapshotAge, long minPoolRemaining, Duration poolExpiryMargin,
                             Duration maxUnsentAge, Duration maxClockDrift, Optional<String> expectedVersion, List<String> requiredPools,
                             Duration maxHisDataAge, Duration maxWardReportAge) {
        public Thresholds {
            Objects.requireNonNull(expectedVersion);
            requiredPools = List.copyOf(requiredPools);
            Objects.requireNonNull(maxHisDataAge);
            Objects.requireNonNull(maxWardReportAge);
        }

        /** With the defaults for the HIS feed's ward data (2 h) and the ward reports' print (9 h). */
        public Thresholds(Duration maxSilence, Duration maxSnapshotAge, long minPoolRemaining, Duration poolExpiryMargin,
                          Duration maxUnsentAge, Duration maxClockDrift, Optional<String> expectedVersion, List<String> requiredPools) {
            this(maxSilence, maxSnapshotAge, minPoolRemaining, poolExpiryMargin, maxUnsentAge, maxClockDrift, expectedVersion, requiredPools,
                    Duration.ofHours(2), Duration.ofHours(9));
        }
    }

    public record Problem(String code, String zh, String en) {
    }

    public record Verdict(String kioskId, boolean ready, List<Problem> problems) {
        public Verdict {
            problems = List.copyOf(problems);
        }
    }

    public static Verdict assess(Facts f, Thresholds t, Instant now) {
        List<Problem> p = new ArrayList<>();
        if (!"ENROLLED".equals(f.status())) {
            p.add(new Problem("NOT_ENROLLED", "终端尚未注册", "the kiosk is not enrolled"));
            return new Verdict(f.kioskId(), false, p);
        }
        if (f.lastSeen() == null) {
            p.add(new Problem("NEVER_SEEN", "终端从未与服务器联系", "the kiosk has never contacted the server"));
        } else if (Duration.between(f.lastSeen(), now).compareTo(t.maxSilence()) > 0) {
            p.add(new Problem("SILENT", "终端已 " + minutes(Duration.between(f.lastSeen(), now)) + " 分钟未联系",
                    "not heard from for " + minutes(Duration.between(f.lastSeen(), now)) + " min"));
        }
        if (f.reportedAt() == null) {
            p.add(new Problem("NO_REPORT", "终端从未报告就绪状态(参考数据、号段、时钟)",
                    "the kiosk never reported its readiness (snapshot, pools, clock)"));
            return new Verdict(f.kioskId(), false, p);
        }
        // EP-7: the reference data a kiosk works from offline
        if (f.snapshotGeneratedAt() == null) {
            p.add(new Problem("NO_SNAPSHOT", "终端没有参考数据", "the kiosk holds no reference snapshot"));
        } else if (Duration.between(f.snapshotGeneratedAt(), now).compareTo(t.maxSnapshotAge()) > 0) {
            p.add(new Problem("SNAPSHOT_OLD", "参考数据已 " + hours(Duration.between(f.snapshotGeneratedAt(), now)) + " 小时未更新",
                    "reference snapshot is " + hours(Duration.between(f.snapshotGeneratedAt(), now)) + " h old"));
        }
        // the ward's copy of the HIS (census, orders, MAR, allergies): stale when the HIS last answered for it too long ago
        if (f.hisDataAsOf() != null && Duration.between(f.hisDataAsOf(), now).compareTo(t.maxHisDataAge()) > 0) {
            p.add(new Problem("HIS_DATA_OLD", "本机的病区数据（在院病人、医嘱、给药计划、过敏史）已 " + age(Duration.between(f.hisDataAsOf(), now)) + "未从 HIS 更新",
                    "the kiosk's ward data from the HIS is " + Duration.between(f.hisDataAsOf(), now).toMinutes() + " min old"));
        }
        // the paper copy in the drawer: a kiosk with a ward's census prints its downtime reports while the HIS is up
        if (f.censusWards() != null && f.censusWards() > 0) {
            if (f.wardReportPrintedAt() == null) {
                p.add(new Problem("WARD_REPORT_NOT_PRINTED", "病区停机报表从未打印", "the ward's downtime reports were never printed"));
            } else if (Duration.between(f.wardReportPrintedAt(), now).compareTo(t.maxWardReportAge()) > 0) {
                p.add(new Problem("WARD_REPORT_OLD", "病区停机报表已 " + age(Duration.between(f.wardReportPrintedAt(), now)) + "未打印",
                        "the ward's downtime reports were last printed " + Duration.between(f.wardReportPrintedAt(), now).toMinutes() + " min ago"));
            }
        }
        // numbers issued offline come from pre-allocated blocks
        for (String required : t.requiredPools()) {
            Pool pool = f.pools().stream().filter(x -> required.equals(x.pool())).findFirst().orElse(null);
            if (pool == null || pool.remaining() <= 0) {
                p.add(new Problem("POOL_EMPTY", required + " 号段已用完", required + " number pool is empty"));
                continue;
            }
            if (pool.remaining() < t.minPoolRemaining()) {
                p.add(new Problem("POOL_LOW", required + " 号段仅剩 " + pool.remaining() + " 个", required + " pool has only " + pool.remaining() + " left"));
            }
            if (pool.earliestExpiry() != null && pool.earliestExpiry().isBefore(now.plus(t.poolExpiryMargin()))) {
                p.add(new Problem("POOL_EXPIRING", required + " 号段即将过期", required + " pool block expires soon"));
            }
        }
        if (f.backlogPending() != null && f.backlogPending() > 0 && f.oldestUnsentAt() != null
                && Duration.between(f.oldestUnsentAt(), now).compareTo(t.maxUnsentAge()) > 0) {
            p.add(new Problem("BACKLOG", f.backlogPending() + " 条记录未上传,最早已 " + minutes(Duration.between(f.oldestUnsentAt(), now)) + " 分钟",
                    f.backlogPending() + " entries unsent, the oldest for " + minutes(Duration.between(f.oldestUnsentAt(), now)) + " min"));
        }
        if (t.expectedVersion().isPresent() && !t.expectedVersion().get().equals(f.softwareVersion())) {
            p.add(new Problem("VERSION", "软件版本 " + f.softwareVersion() + ",应为 " + t.expectedVersion().get(),
                    "software version " + f.softwareVersion() + ", expected " + t.expectedVersion().get()));
        }
        if (f.clockDriftMillis() != null && Math.abs(f.clockDriftMillis()) > t.maxClockDrift().toMillis()) {
            p.add(new Problem("CLOCK_DRIFT", "终端时钟偏差 " + f.clockDriftMillis() / 1000 + " 秒", "kiosk clock off by " + f.clockDriftMillis() / 1000 + " s"));
        }
        return new Verdict(f.kioskId(), p.isEmpty(), p);
    }

    /** 45 分钟, 3 小时 — words, never a raw duration. */
    static String age(Duration d) {
        long m = Math.max(0, d.toMinutes());
        return m < 120 ? m + " 分钟" : m / 60 + " 小时";
    }

    private static long minutes(Duration d) {
        return d.toMinutes();
    }

    private static long hours(Duration d) {
        return d.toHours();
    }
}
