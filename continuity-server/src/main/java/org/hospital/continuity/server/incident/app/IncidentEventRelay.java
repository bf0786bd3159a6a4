package org.hospital.continuity.server.incident.app;

import org.hospital.continuity.server.incident.IncidentConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hospital.continuity.server.incident.TimelineEvent;
import org.hospital.continuity.server.incident.persistence.IncidentStore;
import org.hospital.continuity.server.incident.persistence.TimelineWakeUps;

/**
 * Publishes every committed timeline event on the Vert.x event bus at {@link TimelineEvent#ADDRESS}, as a typed
 * {@link TimelineEvent} (local codec: the object itself, in this JVM), in order, whichever instance wrote it:
 * it follows the table by position, not the writer. Nothing is announced that was not stored (it reads only
 * committed rows) and nothing stored is lost (it resumes after the last position it published).
 *
 * <p>It reads when PostgreSQL says rows committed (LISTEN/NOTIFY, {@link TimelineWakeUps}) and, as a safety
 * net for a missed notification, every {@code continuity.incident.relay-catch-up}.
 */
@ApplicationScoped
public class IncidentEventRelay {

    private static final int BATCH = 200;

    private final Vertx vertx;
    private final IncidentStore store;
    private final TimelineWakeUps wakeUps;
    private final IncidentConfig config;
    private final AtomicLong last = new AtomicLong(-1);
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final DeliveryOptions local = new DeliveryOptions().setCodecName(TimelineEventCodec.NAME);
    private long timer = -1;

    public IncidentEventRelay(Vertx vertx, IncidentStore store, TimelineWakeUps wakeUps, IncidentConfig config) {
        this.vertx = vertx;
        this.store = store;
        this.wakeUps = wakeUps;
        this.config = config;
    }

    void start(@Observes @Priority(40) StartupEvent event) {
        TimelineEventCodec.register(vertx.getDelegate().eventBus());
        last.set(store.lastEventSeq(store.pool()).await().atMost(Duration.ofSeconds(30)));
        wakeUps.listen(this::read);
        timer = vertx.setPeriodic(config.relayCatchUp().toMillis(), id -> read());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        wakeUps.close();
    }

    /** The seq of the last event published. */
    public long lastPublished() {
        return last.get();
    }

    /** Reads and publishes what committed after the last published position; a wake-up during a read reads again. */
    private void read() {
        if (!reading.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        store.eventsAfter(store.pool(), last.get(), BATCH).subscribe().with(rows -> {
            for (TimelineEvent e : rows) {
                vertx.eventBus().publish(TimelineEvent.ADDRESS, e, local);
                last.set(e.seq());
            }
            reading.set(false);
            if (rows.size() == BATCH || again.get()) {
                read();
            }
        }, e -> {
            reading.set(false);
            Log.debugf("event relay read failed (the next wake-up or catch-up retries): %s", e.getMessage());
        });
    }
}
