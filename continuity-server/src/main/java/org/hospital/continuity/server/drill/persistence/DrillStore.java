package org.hospital.continuity.server.drill.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.platform.persistence.Constraints;
import org.hospital.continuity.server.platform.persistence.SessionContext;

/**
 * Drills and the steps the player played (Hibernate Reactive). The player's timer, the start-up resume, requests and
 * other features' ports all read them, so each call runs in a session of its own. What a drill shares with the
 * incident engine's transactions (its start under the engine's lock, the link to the incident it opened, its purge)
 * is {@link DrillRows}, on the caller's transaction.
 */
@ApplicationScoped
public class DrillStore {

    public record DrillRow(UUID id, String scenarioId, String titleZh, String titleEn, int factor, String status,
                           Instant realStartedAt, Instant realEndedAt, Instant engineEndedAt, UUID incidentId, String startedBy,
                           String endedBy, String endReason, JsonObject report, Instant purgedAt) {
        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    public record StepRow(int index, String kind, String signalId, String zh, String en, Instant dueAt, Instant playedAt, Instant engineAt) {
    }

    private final DrillRepository drills;
    private final DrillStepRepository steps;

    public DrillStore(DrillRepository drills, DrillStepRepository steps) {
        this.drills = drills;
        this.steps = steps;
    }

    /** The running drill, or null. */
    public Uni<DrillRow> running() {
        return SessionContext.call(drills::running);
    }

    /** A drill, or null. */
    public Uni<DrillRow> byId(UUID id) {
        return SessionContext.call(() -> drills.byId(id));
    }

    /** These drills (those that exist). */
    public Uni<List<DrillRow>> byIds(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : SessionContext.call(() -> drills.byIds(List.copyOf(ids)));
    }

    /** The newest drills first. */
    public Uni<List<DrillRow>> list(int limit) {
        return SessionContext.call(() -> drills.newest(limit));
    }

    /** Ends the drill if it is still running. */
    public Uni<Void> end(UUID id, String status, Instant realEnd, Instant engineEnd, String by, String reason) {
        return SessionContext.call(() -> drills.end(id, status, realEnd, engineEnd, by, reason));
    }

    /** Keeps the report with the drill (the copy a purge leaves). */
    public Uni<Void> saveReport(UUID id, JsonObject report, Instant at) {
        return SessionContext.call(() -> drills.saveReport(id, report, at));
    }

    /** Records a played step once; the same step recorded twice at once stays one row. */
    public Uni<Void> addStep(UUID drill, int idx, String kind, String signalId, String zh, String en, Instant due, Instant played,
                             Instant engineAt) {
        return SessionContext.call(() -> steps.add(step(drill, idx, kind, signalId, zh, en, due, played, engineAt)))
                .onFailure(Constraints::uniqueViolation).recoverWithNull();
    }

    public Uni<List<StepRow>> steps(UUID drill) {
        return SessionContext.call(() -> steps.of(drill));
    }

    private static DrillStepEntity step(UUID drill, int idx, String kind, String signalId, String zh, String en, Instant due,
                                        Instant played, Instant engineAt) {
        DrillStepEntity s = new DrillStepEntity();
        s.drillId = drill;
        s.index = idx;
        s.kind = kind;
        s.signalId = signalId;
        s.summaryZh = cut(zh);
        s.summaryEn = cut(en);
        s.dueAt = due;
        s.playedAt = played;
        s.engineAt = engineAt;
        return s;
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 499) + "…" : s;
    }
}
