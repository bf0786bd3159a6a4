package org.hospital.continuity.server.board.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.hospital.continuity.server.board.domain.BackEntry;

import org.hospital.continuity.server.writeback.WriteBackConfig;

/**
 * Two sections of the board that come from other features: kiosks with their unsent backlog (sync) and
 * back-entry progress against the EP-8.4 deadlines (write-back and workbench). Those features do not
 * announce their changes on the event bus, so a cheap fingerprint of their tables is checked on a schedule and
 * the board refreshes when it moved (a push arrived, a workbench item was resolved, a parcel was given).
 */
@ApplicationScoped
public class ReadingBoardFigures {

    private final BoardFigures store;
    private final InstantSource clock;
    private final ZoneId zone;
    private final EventBus bus;
    private final AtomicReference<String> lastFingerprint = new AtomicReference<>();

    public ReadingBoardFigures(BoardFigures store, InstantSource clock, WriteBackConfig writeBack, EventBus bus) {
        this.store = store;
        this.clock = clock;
        this.zone = ZoneId.of(writeBack.zone());
        this.bus = bus;
    }

    public Uni<BoardSnapshot.Kiosks> kiosks() {
        return store.kiosks().map(rows -> kiosks(rows, clock.instant()));
    }

    static BoardSnapshot.Kiosks kiosks(List<BoardFigures.KioskRow> rows, Instant now) {
        long total = 0;
        long stored = 0;
        int withBacklog = 0;
        List<BoardSnapshot.Kiosk> out = new java.util.ArrayList<>();
        for (BoardFigures.KioskRow r : rows) {
            total += r.pending();
            stored += r.entriesStored();
            if (r.pending() > 0) {
                withBacklog++;
            }
            long age = r.pending() > 0 && r.oldestUnsentAt() != null ? Math.max(0, Duration.between(r.oldestUnsentAt(), now).toSeconds()) : 0;
            long ago = r.lastPushAt() == null ? -1 : Math.max(0, Duration.between(r.lastPushAt(), now).toSeconds());
            long heardAgo = r.lastHeardAt() == null ? -1 : Math.max(0, Duration.between(r.lastHeardAt(), now).toSeconds());
            out.add(new BoardSnapshot.Kiosk(r.kioskId(), r.name(), r.departmentCode(), r.departmentName(), r.seen(), r.pending(),
                    r.pending() > 0 ? r.oldestUnsentAt() : null, age, r.lastPushAt(), ago, r.entriesStored(), r.pendingAsOf(), r.lastHeardAt(),
                    heardAgo));
        }
        return new BoardSnapshot.Kiosks(total, withBacklog, out, stored);
    }

    /**
     * Back-entry of the incident. The deadlines run from when the system was back: the incident's close, else the
     * end of the outage, else the first workbench item (as the workbench reckons when no close is known).
     */
    public Uni<BoardSnapshot.Reconciliation> reconciliation(IncidentPicture incident) {
        if (incident == null) {
            return Uni.createFrom().item(BoardSnapshot.Reconciliation.none());
        }
        return store.backEntry(incident.id().toString()).map(rows -> {
            Instant recovered = incident.closedAt() != null ? incident.closedAt()
                    : incident.outageEndedAt() != null ? incident.outageEndedAt() : rows.firstRaisedAt();
            return reconciliation(rows, recovered, zone, clock.instant());
        });
    }

    static BoardSnapshot.Reconciliation reconciliation(BoardFigures.BackEntryRows rows, Instant recovered, ZoneId zone, Instant now) {
        BackEntry.Count sum = BackEntry.Count.none();
        for (BoardFigures.AreaRow a : rows.areas()) {
            sum = sum.plus(a.count());
        }
        BackEntry.Standing s = BackEntry.standing(sum, recovered, zone, now);
        return new BoardSnapshot.Reconciliation(true, rows.writtenBack(), recovered,
                s.deadlines() == null ? null : s.deadlines().importantDue(), s.deadlines() == null ? null : s.deadlines().allDue(),
                sum.total(), sum.done(), sum.important(), sum.importantDone(), s.importantFinished(), s.allFinished(),
                s.importantLate(), s.allLate(), s.importantSecondsLeft(), s.allSecondsLeft(),
                rows.areas().stream().map(a -> new BoardSnapshot.Area(a.area(), a.areaName(), a.owner(), a.count().total(),
                        a.count().done(), a.count().important(), a.count().importantDone())).toList(),
                rows.hold() == null ? null : rows.hold().since(), rows.hold() == null ? null : rows.hold().errorZh(),
                rows.hold() == null ? null : rows.hold().errorEn());
    }

    @Scheduled(identity = "board-figures", every = "${continuity.board.figures-every:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> watch() {
        return check().onFailure().invoke(e -> Log.warnf("board figures not read: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Publishes a board change when the kiosks' or the back-entry figures moved since the last check; true if so. */
    public Uni<Boolean> check() {
        return store.fingerprint().map(fp -> {
            String before = lastFingerprint.getAndSet(fp);
            boolean moved = before != null && !Objects.equals(before, fp);
            if (moved) {
                bus.publish(BoardEvents.CHANGED, new JsonObject().put("change", "FIGURES"));
            }
            return moved;
        });
    }
}
