package org.hospital.continuity.server.drill.persistence;

import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;

/**
 * The drill statements that run in a transaction shared with the incident engine, on the reactive SQL client (a
 * Hibernate Reactive session cannot join a transaction it did not begin): a drill starts under the engine's lock
 * taken in the same transaction (EP-9.4: never during a real incident, one at a time), the engine links the incident
 * it opens to the running drill in its own transaction, and a purge marks the drill and records what it removed in
 * the transaction that removes the rows of every feature.
 */
@ApplicationScoped
public class DrillRows {

    private static final String SELECT = "select id, scenario_id, title_zh, title_en, factor, status, real_started_at, real_ended_at,"
            + " engine_ended_at, incident_id, started_by, ended_by, end_reason, report, purged_at from drill";

    private final Pool pool;

    public DrillRows(Pool pool) {
        this.pool = pool;
    }

    /** For a transaction shared with the engine (a drill's start, its purge). */
    public Db db() {
        return new Db(pool);
    }

    private static DrillStore.DrillRow row(Row r) {
        Object rep = r.getValue("report");
        return new DrillStore.DrillRow(r.getUUID("id"), r.getString("scenario_id"), r.getString("title_zh"), r.getString("title_en"),
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

    /** The running drill as this transaction sees it, or null. */
    public Uni<DrillStore.DrillRow> running(Tx c) {
        return c.client().query(SELECT + " where status = 'RUNNING'").execute().map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** A drill, its row locked until the transaction ends (two purges of one drill run one after the other). */
    public Uni<DrillStore.DrillRow> byIdForUpdate(Tx c, UUID id) {
        return c.client().preparedQuery(SELECT + " where id = $1 for update").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** The append-only guard lets this transaction, and only it, delete a drill incident's rows (V0800). */
    public Uni<Void> allowPurge(Tx c) {
        return c.client().query("set local continuity.drill_purge = 'on'").execute().replaceWithVoid();
    }

    /** HR-8: the purge itself is on record (who, why, rows per table, a digest of the removed rows); the drill is marked purged. */
    public Uni<Void> recordPurge(Tx c, UUID id, UUID drill, UUID incident, Instant at, String by, String reason, JsonObject counts,
                                 String digest) {
        return c.client().preparedQuery("insert into drill_purge (id, drill_id, incident_id, purged_at, purged_by, reason, counts, digest)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(Arrays.asList(id, drill, incident, ts(at), by, reason, counts, digest)))
                .chain(() -> c.client().preparedQuery("update drill set purged_at = $2 where id = $1").execute(Tuple.of(drill, ts(at))))
                .replaceWithVoid();
    }
}
