package org.hospital.continuity.server.incident.app;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hospital.continuity.server.incident.persistence.IncidentStore;

/**
 * Publishes every new timeline event on the Vert.x event bus as a {@link JsonObject} at
 * {@value #ADDRESS}, in order, whichever instance wrote it (it follows the table, not the writer). The
 * SSE stream, the leadership board and notifications subscribe there.
 *
 * <p>Message: {@code {seq, incidentId, kind, at, clause, zh, en, data}}.
 */
@ApplicationScoped
public class IncidentEventRelay {

    public static final String ADDRESS = "continuity.incident-events";

    private final Vertx vertx;
    private final IncidentStore store;
    private final AtomicLong last = new AtomicLong(-1);
    private final AtomicBoolean polling = new AtomicBoolean();
    private long timer = -1;

    public IncidentEventRelay(Vertx vertx, IncidentStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    void start(@Observes @Priority(40) StartupEvent event) {
        last.set(store.lastEventSeq(store.pool()).await().atMost(Duration.ofSeconds(30)));
        timer = vertx.setPeriodic(250, id -> poll());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The seq of the last event published. */
    public long lastPublished() {
        return last.get();
    }

    private void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        store.eventsAfter(store.pool(), last.get(), 200).subscribe().with(rows -> {
            for (IncidentStore.EventRow r : rows) {
                vertx.eventBus().publish(ADDRESS, r.toJson());
                last.set(r.seq());
            }
            polling.set(false);
        }, e -> {
            polling.set(false);
            Log.debugf("event relay poll failed: %s", e.getMessage());
        });
    }
}
