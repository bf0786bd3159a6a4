package org.hospital.continuity.server.incident.app;

import org.hospital.continuity.server.incident.IncidentConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The playbook clock on a Vert.x timer: every {@code continuity.incident.tick} each instance checks the
 * persisted next wake-up and, when it has come, advances the engine ({@link RunningTheIncidentEngine#tick()}).
 * Instances race harmlessly: the engine lock is taken without waiting and the loser skips its tick.
 */
@ApplicationScoped
public class PlaybookClock {

    private final Vertx vertx;
    private final RunningTheIncidentEngine engine;
    private final IncidentConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public PlaybookClock(Vertx vertx, RunningTheIncidentEngine engine, IncidentConfig config) {
        this.vertx = vertx;
        this.engine = engine;
        this.config = config;
    }

    void start(@Observes @Priority(30) StartupEvent event) {
        // rebuild the engine's state from the journal before serving (a restarted instance resumes the clock here)
        long t = System.nanoTime();
        engine.state().await().atMost(java.time.Duration.ofMinutes(10));
        Log.infof("incident engine state rebuilt from the journal up to seq=%d in %d ms", engine.cachedSeq(), (System.nanoTime() - t) / 1_000_000);
        int adopted = engine.adoptIncidentsOfThePreviousVersion().await().atMost(java.time.Duration.ofMinutes(1));
        if (adopted > 0) {
            Log.infof("%d incident(s) of the previous version carried on", adopted);
        }
        if (!config.clockEnabled()) {
            Log.info("playbook clock disabled in this instance");
            return;
        }
        timer = vertx.setPeriodic(config.tick().toMillis(), id -> tickOnce());
        Log.infof("playbook clock started, tick=%s, instance=%s", config.tick(), engine.instance());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tickOnce() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        engine.tick().subscribe().with(
                o -> {
                    running.set(false);
                    o.ifPresent(x -> Log.infof("playbook clock advanced: journal=%d events=%d instructions=%d",
                            x.journalSeq(), x.eventSeqs().size(), x.instructions().size()));
                },
                e -> {
                    running.set(false);
                    Log.warnf("playbook clock tick failed (retried next tick): %s", e.getMessage());
                });
    }
}
