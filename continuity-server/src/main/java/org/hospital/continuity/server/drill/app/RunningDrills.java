package org.hospital.continuity.server.drill.app;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hospital.continuity.playbooks.simulate.Scenario;
import org.hospital.continuity.server.drill.domain.DrillPlan;
import org.hospital.continuity.server.drill.domain.TimeScale;
import org.hospital.continuity.server.drill.persistence.DrillRows;
import org.hospital.continuity.server.drill.persistence.DrillStore;
import org.hospital.continuity.server.drill.persistence.DrillStore.DrillRow;
import org.hospital.continuity.server.incident.IncidentConfig;
import org.hospital.continuity.server.incident.IncidentIntake;
import org.hospital.continuity.server.incident.Incidents;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * EP-9.4, HR-21: runs drills. Starting one flags the incident it opens as a drill and compresses the engine's
 * clock ({@link DrillClock}); the scenario player submits the scenario's signals to the incident engine when
 * they are due on the drill's clock, and records each one. The drill finishes when its incident has closed
 * (or, at the latest, when the scenario's span plus two quiet periods and an hour has passed on the drill's
 * clock); then the engine is reset to real time, the clock returns to real time and the report is written.
 * One drill at a time, and never while a real incident is open.
 */
@ApplicationScoped
public class RunningDrills {

    /** The drill being played in this instance. */
    private record Active(UUID id, TimeScale scale, List<DrillPlan.Step> plan, Instant horizon) {
    }

    private final DrillStore store;
    private final DrillRows rows;
    private final Incidents incidents;
    private final IncidentIntake engine;
    private final DrillClock clock;
    private final DrillScenarios scenarios;
    private final DrillConfig config;
    private final IncidentConfig incidentConfig;
    private final ReportingDrills reports;
    private final Vertx vertx;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Active active;
    private volatile int next;
    private long timer = -1;

    public RunningDrills(DrillStore store, DrillRows rows, Incidents incidents, IncidentIntake engine, DrillClock clock,
                         DrillScenarios scenarios, DrillConfig config, IncidentConfig incidentConfig, ReportingDrills reports, Vertx vertx) {
        this.store = store;
        this.rows = rows;
        this.incidents = incidents;
        this.engine = engine;
        this.clock = clock;
        this.scenarios = scenarios;
        this.config = config;
        this.incidentConfig = incidentConfig;
        this.reports = reports;
        this.vertx = vertx;
    }

    /** A restarted server resumes a drill that was running (the clock from the drill's row, the plan from its scenario). */
    void start(@Observes @Priority(20) StartupEvent event) {
        DrillRow running = store.running().await().atMost(Duration.ofSeconds(30));
        if (running != null) {
            scenarios.byId(running.scenarioId()).ifPresentOrElse(s -> {
                int played = store.steps(running.id()).await().atMost(Duration.ofSeconds(30)).size();
                activate(running.id(), s, running.realStartedAt(), running.factor());
                next = played;
                Log.infof("drill %s resumed after restart: %d of %d signals played", running.id(), played, active.plan().size());
            }, () -> Log.warnf("drill %s was running with a scenario this server no longer has (%s); stop it", running.id(), running.scenarioId()));
        }
        if (config.playerEnabled()) {
            timer = vertx.setPeriodic(config.playerTick().toMillis(), id -> tick());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void activate(UUID id, Scenario s, Instant start, int factor) {
        TimeScale scale = TimeScale.compressed(start, factor);
        List<DrillPlan.Step> plan = DrillPlan.of(s, start, "drill-" + id.toString().substring(0, 8) + "-");
        Duration span = plan.isEmpty() ? Duration.ZERO : plan.get(plan.size() - 1).offset();
        Instant horizon = start.plus(span).plus(incidentConfig.closeAfterQuiet().multipliedBy(2)).plus(Duration.ofHours(1));
        next = 0;
        active = new Active(id, scale, plan, horizon);
        clock.use(scale);
    }

    /** Starts a drill of a scenario at a time compression (engine seconds per real second). */
    public Uni<DrillRow> start(Scenario scenario, int factor, String by) {
        if (factor < 1 || factor > config.maxFactor()) {
            return Uni.createFrom().failure(new DomainRejection(422, "bad-factor", "EP-9.4",
                    "The time compression must be between 1 and " + config.maxFactor() + "."));
        }
        UUID id = UUID.randomUUID();
        // the engine's lock and the drill's row in one transaction: no incident opens while the drill starts (EP-9.4)
        return rows.db().withTransaction(c -> incidents.openIncidentLocked(c).chain(open -> {
            if (open != null) {
                throw DomainRejection.conflict("incident-open", "EP-9.4",
                        "An incident is open: a drill never starts during a real incident.");
            }
            return rows.running(c);
        }).chain(running -> {
            if (running != null) {
                throw DomainRejection.conflict("drill-running", "EP-9.4", "Drill " + running.id() + " is running; one drill at a time.");
            }
            Instant start = clock.realNow();
            return rows.insert(c, id, scenario.id(), scenario.title().zh(), scenario.title().en(), factor, start, by)
                    .invoke(() -> activate(id, scenario, start, factor));
        })).chain(() -> store.byId(id)).invoke(d ->
                Log.infof("drill started id=%s scenario=%s factor=%d by=%s", d.id(), d.scenarioId(), d.factor(), by));
    }

    /** Stops the running drill now (its incident, if open, is closed as ended by the drill). */
    public Uni<DrillRow> stop(UUID id, String by, String reason) {
        Active a = active;
        if (a == null || !a.id().equals(id)) {
            return Uni.createFrom().failure(DomainRejection.conflict("drill-not-running", "EP-9.4", "Drill " + id + " is not running."));
        }
        return finish(a, "STOPPED", by, reason == null || reason.isBlank() ? "stopped" : reason)
                .chain(() -> store.byId(id));
    }

    /**
     * EP-9.4, EP-3: a real fault during a drill ends the drill first, so that the real outage opens its own incident on
     * real time and its notices are never marked DRILL (people must not mistake a real outage for the exercise). A no-op
     * when no drill runs on this instance.
     */
    public Uni<Void> stopForRealFault(String what) {
        Active a = active;
        if (a == null) {
            return Uni.createFrom().voidItem();
        }
        Log.warnf("drill %s stopped: a real fault arrived during the drill (%s)", a.id(), what);
        return finish(a, "STOPPED", "system", "real fault during the drill: " + what);
    }

    public Uni<DrillRow> current() {
        return store.running();
    }

    /** The player: plays the next due signal, or finishes the drill when its incident has closed. */
    void tick() {
        Active a = active;
        if (a == null || !busy.compareAndSet(false, true)) {
            return;
        }
        playOrFinish(a).subscribe().with(v -> busy.set(false), e -> {
            busy.set(false);
            Log.warnf("drill player: %s (retried next tick)", e.getMessage());
        });
    }

    /** One step of the player. */
    private Uni<Void> playOrFinish(Active a) {
        Instant engineNow = clock.instant();
        int i = next;
        if (i < a.plan().size()) {
            DrillPlan.Step step = a.plan().get(i);
            if (step.dueAt().isAfter(engineNow)) {
                return Uni.createFrom().voidItem();
            }
            Instant playedAt = clock.realNow();
            return engine.submit(step.input()).chain(o -> store.addStep(a.id(), step.index(), step.kind(), step.signalId(),
                    step.summary().zh(), step.summary().en(), step.dueAt(), playedAt, engineNow)).invoke(() -> {
                        next = i + 1;
                        Log.infof("drill %s: played %d/%d %s due=%s", a.id(), i + 1, a.plan().size(), step.kind(), step.dueAt());
                    });
        }
        return store.byId(a.id()).chain(d -> d.incidentId() == null ? Uni.createFrom().item((org.hospital.continuity.server.incident.Incident) null)
                : incidents.incident(d.incidentId())).chain(inc -> {
                    if (inc != null && inc.closedAt() != null) {
                        return finish(a, "FINISHED", "drill player", "scenario played, incident closed");
                    }
                    if (engineNow.isAfter(a.horizon())) {
                        return finish(a, "FINISHED", "drill player", "scenario played, incident still open at the drill's end");
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> finish(Active a, String status, String by, String reason) {
        Instant engineEnd = clock.instant();
        Instant realEnd = clock.realNow();
        return engine.reset(realEnd, engineEnd, reason)
                .chain(seq -> store.end(a.id(), status, realEnd, engineEnd, by, reason))
                .invoke(() -> {
                    active = null;
                    clock.useRealTime();
                    Log.infof("drill %s %s: %s (engine time %s, real time %s)", a.id(), status, reason, engineEnd, realEnd);
                })
                .chain(() -> reports.writeReport(a.id()).replaceWithVoid());
    }

    /** One step of the player now (tests drive it by hand). */
    public Uni<Void> playDue() {
        Active a = active;
        return a == null ? Uni.createFrom().voidItem() : playOrFinish(a);
    }

    public boolean playing() {
        return active != null;
    }
}
