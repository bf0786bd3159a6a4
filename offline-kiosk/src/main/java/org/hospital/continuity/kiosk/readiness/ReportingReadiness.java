package org.hospital.continuity.kiosk.readiness;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.enrolment.KioskServer;
import org.hospital.continuity.kiosk.journal.Backlog;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.PurgingTraining;
import org.hospital.continuity.kiosk.journal.TrainingMode;
import org.hospital.continuity.kiosk.pool.NumberPools;
import org.hospital.continuity.kiosk.readiness.config.ReadinessConfig;
import org.hospital.continuity.kiosk.reference.ReferenceData;

/**
 * While online, the kiosk tells the server every {@code continuity.readiness.report-every} what the
 * server needs to judge its readiness (software version, snapshot, pool levels and expiry, unsent backlog, its
 * clock), and hears back whether a drill is running: the drill banner shows from that answer. Offline, nothing is
 * sent and the last answer stands. Blocking, on the scheduler's worker thread.
 */
@ApplicationScoped
public class ReportingReadiness {

    public record PoolReport(String pool, long remaining, Instant earliestExpiry) {
    }

    public record Report(Instant kioskClock, String softwareVersion, Integer snapshotVersion, Instant snapshotGeneratedAt,
                         List<PoolReport> pools, Long backlogPending, Instant oldestUnsentAt, Instant hisDataAsOf, Integer censusWards,
                         Instant wardReportPrintedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Drill(boolean drill, java.util.UUID id, String titleZh, String titleEn, Instant since, int factor, String bannerZh,
                        String bannerEn) {
    }

    /**
     * @param purgedDrills HR-21: the drills the server has purged (newest first, bounded): the kiosk purges their training
     *                     namespaces (an older server sends none)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(Instant serverClock, long driftMillis, Drill drill, List<java.util.UUID> purgedDrills) {
    }

    private static final List<String> WARD_PIECES = List.of("CENSUS", "ALLERGIES", "ORDERS", "MAR");

    private final EnrolledKiosk enrolled;
    private final org.hospital.continuity.kiosk.wardreport.WardReportsPrinted wardReports;
    private final KioskServer server;
    private final ReferenceData reference;
    private final NumberPools pools;
    private final Journal journal;
    private final InstantSource clock;
    private final String version;
    private final TrainingMode training;
    private final PurgingTraining purging;
    private volatile Answer last;

    public ReportingReadiness(EnrolledKiosk enrolled, KioskServer server, ReferenceData reference, NumberPools pools, Journal journal,
                              InstantSource clock, @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version,
                              ReadinessConfig config, TrainingMode training, PurgingTraining purging,
                              org.hospital.continuity.kiosk.wardreport.WardReportsPrinted wardReports) {
        this.wardReports = wardReports;
        this.training = training;
        this.purging = purging;
        Log.debugf("readiness reports every %s", config.reportEvery());
        this.enrolled = enrolled;
        this.server = server;
        this.reference = reference;
        this.pools = pools;
        this.journal = journal;
        this.clock = clock;
        this.version = version;
    }

    @Scheduled(every = "${continuity.readiness.report-every:30s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = org.hospital.continuity.kiosk.platform.crypto.SkipWhileLocked.class)
    void scheduled() {
        try {
            report();
        } catch (RuntimeException e) {
            Log.debugf("readiness report not sent: %s", e.getMessage());
        }
    }

    /** Sends one report now; empty when the kiosk is not enrolled. */
    public Optional<Answer> report() {
        Optional<KioskIdentity> id = enrolled.identity();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Backlog backlog = journal.backlog();
        var snap = reference.info();
        Integer snapshotVersion = snap.map(s -> {
            try {
                return Integer.valueOf(s.version());
            } catch (RuntimeException e) {
                return null;
            }
        }).orElse(null);
        Report r = new Report(clock.instant(), version, snapshotVersion, snap.map(s -> s.generatedAt()).orElse(null),
                pools.levels().stream().map(l -> new PoolReport(l.pool().name(), l.remaining(), l.earliestExpiry())).toList(),
                backlog.unsent(), backlog.oldestUnsentAt(),
                // the ward's copy of the HIS: the oldest as-of time of the pieces a ward works from offline
                reference.feed().stream().filter(f -> WARD_PIECES.contains(f.piece())).map(f -> f.asOf()).min(Instant::compareTo).orElse(null),
                wardReports.wards(), wardReports.lastPrintedAt().orElse(null));
        Answer a = server.post("/api/kiosk/readiness", r, Answer.class);
        last = a;
        followDrill(a);
        return Optional.of(a);
    }

    /**
     * HR-21: the answer says whether a drill runs (captures go to its training namespace while it does, and are real again
     * as soon as it does not: ended, or stopped for a real fault) and which drills the server purged (their training
     * namespaces are purged here too, audited with counts only).
     */
    private void followDrill(Answer a) {
        if (a.drill() != null && a.drill().drill() && a.drill().id() != null) {
            training.enter(a.drill().id(), a.drill().since());
        } else if (a.drill() != null && !a.drill().drill()) {
            training.leave();
        }
        if (a.purgedDrills() == null) {
            return;
        }
        for (java.util.UUID drill : a.purgedDrills()) {
            purging.purge(drill); // audited by the audit feature (TrainingPurged), counts only
        }
    }

    /** The drill the server last said is running, if any (the banner). */
    public Optional<Drill> drill() {
        Answer a = last;
        return a == null || a.drill() == null || !a.drill().drill() ? Optional.empty() : Optional.of(a.drill());
    }
}
