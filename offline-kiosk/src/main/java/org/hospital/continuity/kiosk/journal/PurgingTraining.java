package org.hospital.continuity.kiosk.journal;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.journal.persistence.TrainingTable;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;

/**
 * HR-21, EP-9.4: when the server has purged a drill it says so in its readiness answer, and the kiosk purges the drill's
 * training namespace: its training entries, the read models of their records (each feature's {@link TrainingProjections}),
 * its training number series and sync watermark, in one transaction. Real entries are never touched (the delete guard
 * of the journal lets only training rows go). The purge is recorded with its counts; no patient data is logged.
 */
@ApplicationScoped
public class PurgingTraining {

    /** What a purge removed (also the event the audit feature records: counts only, no patient data). */
    public record Purged(UUID drill, long entries, long projections) {
    }

    private final KioskDatabase database;
    private final TrainingTable table;
    private final TrainingMode training;
    private final EnrolledKiosk enrolled;
    private final InstantSource clock;
    private final List<TrainingProjections> projections;
    private final Event<Purged> purgedEvents;

    public PurgingTraining(KioskDatabase database, TrainingTable table, TrainingMode training, EnrolledKiosk enrolled, InstantSource clock,
                           Instance<TrainingProjections> projections, Event<Purged> purgedEvents) {
        this.purgedEvents = purgedEvents;
        this.database = database;
        this.table = table;
        this.training = training;
        this.enrolled = enrolled;
        this.clock = clock;
        this.projections = projections.stream().toList();
    }

    /** Purges the drill's training namespace; empty when it was purged here already and nothing of it is left. */
    public Optional<Purged> purge(UUID drill) {
        String kioskId = enrolled.requireKioskId();
        boolean current = training.current().map(d -> d.drillId().equals(drill)).orElse(false);
        if (table.purged(drill) && table.count(drill) == 0 && !current) {
            return Optional.empty();
        }
        Purged purged;
        try {
            purged = database.transaction(tx -> {
                List<UUID> streams = table.streams(tx, drill);
                long rows = 0;
                if (!streams.isEmpty()) {
                    for (TrainingProjections p : projections) {
                        rows += p.purge(tx, streams);
                    }
                }
                long entries = table.purge(tx, drill, TrainingMode.namespace(kioskId, drill), rows, clock.instant());
                return new Purged(drill, entries, rows);
            });
        } finally {
            training.forget();
        }
        Log.infof("training namespace purged drill=%s entries=%d read-model rows=%d", drill, purged.entries(), purged.projections());
        purgedEvents.fire(purged);
        return Optional.of(purged);
    }

    /** How many training entries of {@code drill} this kiosk holds. */
    public long held(UUID drill) {
        return table.count(drill);
    }
}
