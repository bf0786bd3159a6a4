package org.hospital.continuity.kiosk.platform.health;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.hospital.continuity.kiosk.enrolment.app.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.domain.KioskIdentity;
import org.hospital.continuity.kiosk.enrolment.integration.ServerClient;
import org.hospital.continuity.kiosk.enrolment.integration.ServerWire;
import org.hospital.continuity.kiosk.journal.app.Backlog;
import org.hospital.continuity.kiosk.journal.app.Journal;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.pool.app.NumberPools;
import org.hospital.continuity.kiosk.reference.app.ReferenceData;
import org.hospital.continuity.kiosk.reference.domain.SnapshotInfo;

/**
 * The readiness signal to the server: while the server answers, the kiosk tells it whether its
 * reference snapshot is stale (beyond {@code continuity.reference.stale-after}: prices may be wrong,
 * EP-4.1), how much is unsent and how full its number pools are, so that IT sees a kiosk that is not
 * ready for the next outage before the outage. The server cannot ask: the kiosk listens on localhost.
 */
@ApplicationScoped
public class ReportingReadiness {

    private final EnrolledKiosk enrolled;
    private final ServerClient server;
    private final ReferenceData reference;
    private final Journal journal;
    private final NumberPools pools;
    private final KioskConfig config;
    private final InstantSource clock;

    public ReportingReadiness(EnrolledKiosk enrolled, ServerClient server, ReferenceData reference, Journal journal, NumberPools pools,
                              KioskConfig config, InstantSource clock) {
        this.enrolled = enrolled;
        this.server = server;
        this.reference = reference;
        this.journal = journal;
        this.pools = pools;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "{continuity.instructions.interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        report();
    }

    /** What the kiosk reports now. */
    public ServerWire.Readiness readiness() {
        Instant now = clock.instant();
        Optional<SnapshotInfo> info = reference.info();
        boolean stale = info.map(i -> i.staleAt(now, config.reference().staleAfter())).orElse(true);
        Backlog backlog = journal.backlog();
        var levels = pools.levels().stream().map(l -> new ServerWire.PoolReadiness(l.pool().name(), l.remaining(), l.low(), l.empty())).toList();
        boolean ready = !stale && levels.stream().noneMatch(ServerWire.PoolReadiness::empty);
        return new ServerWire.Readiness(ready, info.map(SnapshotInfo::version).orElse(null), info.map(SnapshotInfo::generatedAt).orElse(null),
                info.map(i -> i.age(now).toSeconds()).orElse(0L), stale, backlog.unsent(), backlog.oldestUnsentAt(), journal.lastSeq(),
                journal.currentPhase().name(), levels, now);
    }

    /** Sends the readiness to the server; false when the server did not take it (offline is normal). */
    public boolean report() {
        Optional<KioskIdentity> identity = enrolled.identity();
        if (identity.isEmpty()) {
            return false;
        }
        try {
            server.readiness(identity.get().serverUrl(), identity.get().kioskId(), enrolled.credential(), readiness());
            return true;
        } catch (KioskRejection | IllegalStateException e) {
            Log.debugf("readiness not reported: %s", e.getMessage());
            return false;
        }
    }
}
