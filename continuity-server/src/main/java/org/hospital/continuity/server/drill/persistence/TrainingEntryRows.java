package org.hospital.continuity.server.drill.persistence;

import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.protocol.WireEntry;

/**
 * HR-21: {@code drill_training_entry} (V0820): the entries kiosks captured in a drill's training namespace, kept apart
 * from {@code sync_entry} (which write-back, the ledger, the board and real incidents read) until the drill's purge.
 */
@ApplicationScoped
public class TrainingEntryRows {

    /** What a push left: stored now, held already (same entry), and the highest sequence of the push. */
    public record Stored(long stored, long duplicates) {
    }

    /** One kiosk's training entries of a drill, for the drill's report. */
    public record KioskTraining(String kioskId, String namespace, long entries, long visits, Instant firstRecorded, Instant lastRecorded,
                                Instant lastReceived, double medianLagSeconds, double maxLagSeconds) {
    }

    private static final String INSERT = "insert into drill_training_entry (entry_id, drill_id, kiosk_id, namespace, kiosk_seq, stream_type, "
            + "stream_id, stream_version, event_type, schema_version, payload, content_hash, recorded_at, hlc, actor, received_at) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) on conflict do nothing";

    private final Pool pool;

    public TrainingEntryRows(Pool pool) {
        this.pool = pool;
    }

    /** Stores the entries in one transaction; an entry held already (by id or by its namespace's sequence) is left as it is. */
    public Uni<Stored> store(UUID drill, String kioskId, String namespace, List<WireEntry> entries, Instant now) {
        return pool.withTransaction(c -> insert(c, drill, kioskId, namespace, entries, 0, 0, now));
    }

    private Uni<Stored> insert(SqlConnection c, UUID drill, String kioskId, String namespace, List<WireEntry> entries, int i, long stored,
                               Instant now) {
        if (i == entries.size()) {
            return Uni.createFrom().item(new Stored(stored, entries.size() - stored));
        }
        WireEntry e = entries.get(i);
        return c.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(e.entryId(), drill, kioskId, namespace, e.kioskSeq(), e.streamType(),
                        e.streamId(), e.streamVersion(), e.eventType(), e.schemaVersion(), e.payload().toString(), e.contentHash(),
                        ts(e.recordedAt()), e.hlc(), e.actor(), ts(now))))
                .chain(rows -> insert(c, drill, kioskId, namespace, entries, i + 1, stored + rows.rowCount(), now));
    }

    /** Whether the drill exists and whether its data was purged: null when it does not exist. */
    public Uni<Boolean> purged(UUID drill) {
        return pool.preparedQuery("select purged_at from drill where id = $1").execute(Tuple.of(drill))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getValue("purged_at") != null);
    }

    /** The drills whose data was purged, newest first (kiosks purge their training namespaces on this list). */
    public Uni<List<UUID>> purgedDrills(int limit) {
        return pool.preparedQuery("select id from drill where purged_at is not null order by purged_at desc limit $1").execute(Tuple.of(limit))
                .map(rows -> {
                    List<UUID> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getUUID("id")));
                    return out;
                });
    }

    /** The drill's training entries per kiosk: how many, how many visits, when captured and received, how late. */
    public Uni<List<KioskTraining>> byKiosk(UUID drill) {
        return pool.preparedQuery("""
                select kiosk_id, namespace, count(*) as entries,
                       count(*) filter (where stream_type = 'registration' and event_type = 'PatientRegistered') as visits,
                       min(recorded_at) as first_recorded, max(recorded_at) as last_recorded, max(received_at) as last_received,
                       percentile_cont(0.5) within group (order by extract(epoch from received_at - recorded_at)) as median_lag,
                       max(extract(epoch from received_at - recorded_at)) as max_lag
                  from drill_training_entry where drill_id = $1 group by kiosk_id, namespace order by kiosk_id""")
                .execute(Tuple.of(drill)).map(rows -> {
                    List<KioskTraining> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new KioskTraining(r.getString("kiosk_id"), r.getString("namespace"), r.getLong("entries"), r.getLong("visits"),
                                instant(r, "first_recorded"), instant(r, "last_recorded"), instant(r, "last_received"), number(r, "median_lag"),
                                number(r, "max_lag")));
                    }
                    return out;
                });
    }

    /** How many training entries of the drill the server holds. */
    public Uni<Long> count(UUID drill) {
        return pool.preparedQuery("select count(*) as n from drill_training_entry where drill_id = $1").execute(Tuple.of(drill))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    private static double number(Row r, String column) {
        Object v = r.getValue(column);
        return v instanceof Number n ? Math.round(n.doubleValue() * 10) / 10.0 : 0;
    }
}
