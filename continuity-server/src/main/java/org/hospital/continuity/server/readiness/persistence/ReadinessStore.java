package org.hospital.continuity.server.readiness.persistence;

import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hospital.continuity.server.readiness.domain.KioskReadiness;

/** Kiosk readiness reports, the facts of every kiosk, and the last verdicts. */
@ApplicationScoped
public class ReadinessStore {

    /** What a kiosk reports about itself. */
    public record Report(String kioskId, Instant kioskClock, String softwareVersion, Integer snapshotVersion, Instant snapshotGeneratedAt,
                         List<KioskReadiness.Pool> pools, Long backlogPending, Instant oldestUnsentAt) {
    }

    private final Pool pool;

    public ReadinessStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> save(Report r, Instant receivedAt) {
        JsonArray pools = new JsonArray();
        r.pools().forEach(p -> pools.add(new JsonObject().put("pool", p.pool()).put("remaining", p.remaining())
                .put("earliestExpiry", p.earliestExpiry() == null ? null : p.earliestExpiry().toString())));
        long drift = r.kioskClock().toEpochMilli() - receivedAt.toEpochMilli();
        return pool.preparedQuery("""
                insert into kiosk_readiness (kiosk_id, reported_at, kiosk_clock, drift_ms, software_version, snapshot_version,
                                             snapshot_generated_at, pools, backlog_pending, oldest_unsent_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                on conflict (kiosk_id) do update set reported_at = excluded.reported_at, kiosk_clock = excluded.kiosk_clock,
                  drift_ms = excluded.drift_ms, software_version = excluded.software_version, snapshot_version = excluded.snapshot_version,
                  snapshot_generated_at = excluded.snapshot_generated_at, pools = excluded.pools, backlog_pending = excluded.backlog_pending,
                  oldest_unsent_at = excluded.oldest_unsent_at""")
                .execute(Tuple.from(Arrays.asList(r.kioskId(), ts(receivedAt), ts(r.kioskClock()), drift, r.softwareVersion(),
                        r.snapshotVersion(), ts(r.snapshotGeneratedAt()), pools, r.backlogPending(), ts(r.oldestUnsentAt()))))
                .replaceWithVoid();
    }

    /** A kiosk's last readiness report. */
    public record LastReport(Instant reportedAt, String softwareVersion, Instant snapshotGeneratedAt, List<KioskReadiness.Pool> pools,
                             Long backlogPending, Instant oldestUnsentAt, Long driftMillis) {
    }

    /** The last report of every kiosk that reported, by kiosk id. */
    public Uni<java.util.Map<String, LastReport>> lastReports() {
        return pool.query("""
                select kiosk_id, reported_at, software_version, snapshot_generated_at, pools, backlog_pending, oldest_unsent_at, drift_ms
                  from kiosk_readiness""").execute().map(rows -> {
                    java.util.Map<String, LastReport> out = new java.util.HashMap<>();
                    for (Row r : rows) {
                        List<KioskReadiness.Pool> pools = new ArrayList<>();
                        Object p = r.getValue("pools");
                        if (p instanceof JsonArray a) {
                            for (Object o : a) {
                                JsonObject j = (JsonObject) o;
                                pools.add(new KioskReadiness.Pool(j.getString("pool"), j.getLong("remaining", 0L),
                                        j.getString("earliestExpiry") == null ? null : Instant.parse(j.getString("earliestExpiry"))));
                            }
                        }
                        out.put(r.getString("kiosk_id"), new LastReport(instant(r, "reported_at"), r.getString("software_version"),
                                instant(r, "snapshot_generated_at"), pools, r.getLong("backlog_pending"), instant(r, "oldest_unsent_at"),
                                r.getLong("drift_ms")));
                    }
                    return out;
                });
    }

    /** Records the verdict; true when the kiosk has just turned not ready (was ready or never assessed). */
    public Uni<Boolean> verdict(KioskReadiness.Verdict v, Instant now) {
        JsonArray problems = new JsonArray();
        v.problems().forEach(p -> problems.add(new JsonObject().put("code", p.code()).put("zh", p.zh()).put("en", p.en())));
        return pool.withTransaction(c -> c.preparedQuery("select ready from kiosk_readiness_verdict where kiosk_id = $1 for update")
                .execute(Tuple.of(v.kioskId())).chain(rows -> {
                    Boolean before = rows.size() == 0 ? null : rows.iterator().next().getBoolean("ready");
                    boolean changed = before == null || before != v.ready();
                    return c.preparedQuery("""
                            insert into kiosk_readiness_verdict (kiosk_id, ready, problems, assessed_at, changed_at) values ($1, $2, $3, $4, $4)
                            on conflict (kiosk_id) do update set ready = excluded.ready, problems = excluded.problems,
                              assessed_at = excluded.assessed_at,
                              changed_at = case when kiosk_readiness_verdict.ready = excluded.ready then kiosk_readiness_verdict.changed_at
                                                else excluded.changed_at end""")
                            .execute(Tuple.of(v.kioskId(), v.ready(), problems, ts(now)))
                            .map(x -> !v.ready() && (before == null || before) && changed);
                }));
    }
}
