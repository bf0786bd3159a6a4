package org.hospital.continuity.server.probe.app;

import org.hospital.continuity.server.drill.Drills;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.server.incident.IncidentIntake;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.probe.domain.Probe;
import org.hospital.continuity.server.probe.integration.Checks;
import org.hospital.continuity.server.platform.persistence.SessionContext;
import org.hospital.continuity.server.probe.persistence.ProbeLeases;
import org.hospital.continuity.server.probe.persistence.ProbeRepository;

/**
 * Probe rounds on a Vert.x timer: each instance claims due probes with a lease, runs their checks with
 * their timeouts, records the results and hands every change of status to the incident engine as a
 * signal. A failed probe is a signal, not an outage: whether it is a whole-network failure is the
 * classifier's decision.
 */
@ApplicationScoped
public class RunningProbes {

    private final ProbeLeases store;
    private final ProbeRepository probes;
    private final Checks checks;
    private final IncidentIntake engine;
    private final InstantSource clock;
    private final Vertx vertx;
    private final ProbeConfig config;
    private final Drills drills;
    private final AtomicBoolean busy = new AtomicBoolean();
    private long timer = -1;

    public RunningProbes(ProbeLeases store, ProbeRepository probes, Checks checks, IncidentIntake engine, InstantSource clock, Vertx vertx, ProbeConfig config,
                         Drills drills) {
        this.drills = drills;
        this.store = store;
        this.probes = probes;
        this.checks = checks;
        this.engine = engine;
        this.clock = clock;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes @Priority(50) StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.poll().toMillis(), id -> round());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void round() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        runDue().subscribe().with(n -> busy.set(false), e -> {
            busy.set(false);
            Log.warnf("probe round failed: %s", e.getMessage());
        });
    }

    /** One round: claim due probes and run them all; the number run. */
    public Uni<Integer> runDue() {
        Instant now = clock.instant();
        return store.claimDue(engine.instance(), now, now.plusSeconds(60), config.batch()).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<Uni<Probe>> runs = due.stream().map(this::runClaimed).toList();
            return Uni.join().all(runs).andCollectFailures().map(List::size);
        });
    }

    /** Runs one probe now (IT's "check again"), unless another instance is running it. */
    public Uni<Probe> runNow(UUID id) {
        Instant now = clock.instant();
        return store.claimNow(id, engine.instance(), now, now.plusSeconds(60)).chain(p -> p == null
                ? SessionContext.call(() -> probes.byId(id)).chain(x -> x == null ? Uni.createFrom().failure(DomainRejection.notFound("Probe " + id))
                        : Uni.createFrom().failure(DomainRejection.conflict("probe-busy", null, "Another instance is running this probe.")))
                : runClaimed(p));
    }

    private Uni<Probe> runClaimed(Probe p) {
        return checks.run(p.kind(), p.target(), p.timeout()).chain(result -> {
            Instant at = clock.instant();
            return store.pool().withTransaction(c -> store.complete(c, p.id(), engine.instance(), result.status(), result.detail(), at,
                            at.plus(p.interval())))
                    .chain(before -> {
                        if (before.isEmpty()) {
                            return Uni.createFrom().voidItem(); // lease lost: another instance's result counts
                        }
                        if (!Probe.isSignal(before.get(), result.status())) {
                            return Uni.createFrom().voidItem(); // same as last time: folds into the signal already sent
                        }
                        Log.infof("probe %s changed to %s", p.id(), result.status());
                        // a real component down during a drill ends the drill before the signal counts (EP-9.4): the real
                        // outage then opens its own incident on real time, never marked DRILL
                        Uni<Void> beforeSignal = result.status() == ProbeStatus.DOWN
                                ? drills.stopForRealFault("probe " + p.name() + " down") : Uni.createFrom().voidItem();
                        return beforeSignal.chain(() -> engine.submit(new ProbeResult(UUID.randomUUID().toString(), clock.instant(),
                                p.component(), p.series(), result.status(), p.name() + ": " + result.detail()))).replaceWithVoid();
                    })
                    .chain(() -> SessionContext.call(() -> probes.byId(p.id())));
        });
    }
}
