package org.hospital.continuity.kiosk.outbox.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskServer;
import org.hospital.continuity.kiosk.journal.Recorded;
import org.hospital.continuity.kiosk.journal.TrainingMode;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * HR-21: a drill's training entries go to the server as training data, never through the real sync: each drill's
 * namespace is pushed to {@code POST /api/kiosk/drills/{drill}/training-entries} (kiosk credential), where they are kept
 * apart from the real journal entries (never written back into the HIS, never counted in a real incident) until the drill's
 * purge. A namespace has its own watermark; nothing is lost while the server is unreachable (the next run sends it).
 */
@ApplicationScoped
public class SyncingTraining {

    /** The wire of a training push: the namespace (the entries' kiosk id) and its entries in sequence order. */
    public record Push(String kioskId, List<JournalEntry> entries) {
    }

    /** What the server kept: stored, already held, discarded (the drill was purged there), and the highest sequence settled. */
    public record Receipt(long stored, long duplicates, long discarded, long upToSeq) {
    }

    static final int BATCH = 200;

    private final TrainingMode training;
    private final EnrolledKiosk enrolled;
    private final KioskServer server;

    public SyncingTraining(TrainingMode training, EnrolledKiosk enrolled, KioskServer server) {
        this.training = training;
        this.enrolled = enrolled;
        this.server = server;
    }

    @Scheduled(every = "{continuity.sync.interval}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = org.hospital.continuity.kiosk.platform.crypto.SkipWhileLocked.class)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            Log.debugf("training entries not sent now: %s", e.getClass().getSimpleName());
        }
    }

    /** Sends every unsent training entry; returns how many the server settled. */
    public synchronized long run() {
        Optional<String> kiosk = enrolled.kioskId();
        if (kiosk.isEmpty()) {
            return 0;
        }
        long settled = 0;
        for (UUID drill : training.drillsHeld()) {
            String namespace = TrainingMode.namespace(kiosk.get(), drill);
            while (true) {
                List<Recorded> batch = training.unsent(namespace, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                Receipt r = server.post("/api/kiosk/drills/" + drill + "/training-entries",
                        new Push(namespace, batch.stream().map(Recorded::entry).toList()), Receipt.class);
                long last = batch.get(batch.size() - 1).entry().kioskSeq();
                training.markSent(namespace, last);
                settled += batch.size();
                Log.debugf("training entries sent drill=%s entries=%d stored=%d duplicates=%d discarded=%d", drill, batch.size(), r.stored(),
                        r.duplicates(), r.discarded());
                if (batch.size() < BATCH) {
                    break;
                }
            }
        }
        return settled;
    }
}
