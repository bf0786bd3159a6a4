package org.hospital.continuity.server.drill.persistence;

import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Drills, the steps the player played, and purge records. */
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

    private static final String SELECT = "select id, scenario_id, title_zh, title_en, factor, status, real_started_at, real_ended_at,"
            + " engine_ended_at, incident_id, started_by, ended_by, end_reason, report, purged_at from drill";

    private final Pool pool;

    public DrillStore(Pool pool) {
        this.pool = pool;
    }

    public Db pool() {
        return new Db(pool);
    }

    private static DrillRow row(Row r) {
        Object rep = r.getValue("report");
        return new DrillRow(r.getUUID("id"), r.getString("scenario_id"), r.getString("title_zh"), r.getString("title_en"),
                r.getInteger("factor"), r.getString("status"), instant(r, "real_started_at"), instant(r, "real_ended_at"),
                instant(r, "engine_ended_at"), r.getUUID("incident_id"), r.getString("started_by"), r.getString("ended_by"),
                r.getString("end_reason"), rep instanceof JsonObject j ? j : null, instant(r, "purged_at"));
    }

    public Uni<Void> insert(Tx c, UUID id, String scenario, String zh, String en, int factor, Instant start, String by) {
        return c.client().preparedQuery("insert into drill (id, scenario_id, title_zh, title_en, factor, status, real_started_at, started_by)"
                        + " values ($1, $2, $3, $4, $5, 'RUNNING', $6, $7)")
                .execute(Tuple.from(Arrays.asList(id, scenario, zh, en, factor, ts(start), by))).replaceWithVoid();
    }

    /** The drill's incident is this one, unless it has one already. */
    public Uni<Void> linkIncident(Tx c, UUID drill, UUID incident) {
        return c.client().preparedQuery("update drill set incident_id = $2 where id = $1 and incident_id is null")
                .execute(Tuple.of(drill, incident)).replaceWithVoid();
    }

    public Uni<DrillRow> running(Tx c) {
        return c.client().query(SELECT + " where status = 'RUNNING'").execute().map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    public Uni<DrillRow> byId(Tx c, UUID id) {
        return c.client().preparedQuery(SELECT + " where id = $1").execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    public Uni<List<DrillRow>> list(Tx c, int limit) {
        return c.client().preparedQuery(SELECT + " order by real_started_at desc limit $1").execute(Tuple.of(limit)).map(rows -> {
            List<DrillRow> out = new ArrayList<>();
            rows.forEach(r -> out.add(row(r)));
            return out;
        });
    }

    public Uni<Void> end(Tx c, UUID id, String status, Instant realEnd, Instant engineEnd, String by, String reason) {
        return c.client().preparedQuery("update drill set status = $2, real_ended_at = $3, engine_ended_at = $4, ended_by = $5, end_reason = $6"
                        + " where id = $1 and status = 'RUNNING'")
                .execute(Tuple.from(Arrays.asList(id, status, ts(realEnd), ts(engineEnd), by, reason))).replaceWithVoid();
    }

    public Uni<Void> saveReport(Tx c, UUID id, JsonObject report, Instant at) {
        return c.client().preparedQuery("update drill set report = $2, report_at = $3 where id = $1").execute(Tuple.of(id, report, ts(at))).replaceWithVoid();
    }

    public Uni<Void> addStep(Tx c, UUID drill, int idx, String kind, String signalId, String zh, String en, Instant due,
                             Instant played, Instant engineAt) {
        return c.client().preparedQuery("insert into drill_step (drill_id, idx, kind, signal_id, summary_zh, summary_en, due_at, played_at, engine_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing")
                .execute(Tuple.from(Arrays.asList(drill, idx, kind, signalId, cut(zh), cut(en), ts(due), ts(played), ts(engineAt))))
                .replaceWithVoid();
    }

    public Uni<List<StepRow>> steps(Tx c, UUID drill) {
        return c.client().preparedQuery("select idx, kind, signal_id, summary_zh, summary_en, due_at, played_at, engine_at from drill_step"
                + " where drill_id = $1 order by idx").execute(Tuple.of(drill)).map(rows -> {
                    List<StepRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new StepRow(r.getInteger("idx"), r.getString("kind"), r.getString("signal_id"),
                            r.getString("summary_zh"), r.getString("summary_en"), instant(r, "due_at"), instant(r, "played_at"),
                            instant(r, "engine_at"))));
                    return out;
                });
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 499) + "…" : s;
    }
}
