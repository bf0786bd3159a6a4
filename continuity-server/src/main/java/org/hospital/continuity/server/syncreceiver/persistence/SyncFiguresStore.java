package org.hospital.continuity.server.syncreceiver.persistence;

import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.server.syncreceiver.SyncFigures;

/** The sync receiver's answer to {@link SyncFigures}, from its own tables. */
@ApplicationScoped
public class SyncFiguresStore implements SyncFigures {

    private final Pool pool;

    public SyncFiguresStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<KioskSync>> kiosksBetween(Instant from, Instant to) {
        return pool.preparedQuery("""
                select kiosk_id, count(*) as entries,
                       count(*) filter (where stream_type = 'registration' and event_type = 'PatientRegistered') as visits,
                       min(recorded_at) as first_recorded, max(recorded_at) as last_recorded, max(received_at) as last_received,
                       percentile_cont(0.5) within group (order by extract(epoch from received_at - recorded_at)) as median_lag,
                       max(extract(epoch from received_at - recorded_at)) as max_lag
                  from sync_entry where recorded_at >= $1 and recorded_at <= $2 group by kiosk_id order by kiosk_id""")
                .execute(Tuple.of(ts(from), ts(to))).map(rows -> {
                    List<KioskSync> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new KioskSync(r.getString("kiosk_id"), r.getLong("entries"), r.getLong("visits"),
                                instant(r, "first_recorded"), instant(r, "last_recorded"), instant(r, "last_received"),
                                number(r, "median_lag"), number(r, "max_lag")));
                    }
                    return out;
                });
    }

    @Override
    public Uni<List<KioskState>> kioskStates() {
        return pool.query("select kiosk_id, backlog_pending, oldest_unsent_at, last_push_at, entries_stored, pushes from sync_kiosk")
                .execute().map(rows -> {
                    List<KioskState> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new KioskState(r.getString("kiosk_id"), r.getLong("backlog_pending"), instant(r, "oldest_unsent_at"),
                                instant(r, "last_push_at"), r.getLong("entries_stored"), r.getLong("pushes")));
                    }
                    return out;
                });
    }

    private static double number(Row r, String column) {
        Object v = r.getValue(column);
        return v instanceof Number n ? Math.round(n.doubleValue() * 10) / 10.0 : 0;
    }

    @Override
    public Uni<Long> integrityIncidentsBetween(Instant from, Instant to) {
        return pool.preparedQuery("select count(*) as n from sync_integrity_incident where detected_at >= $1 and detected_at <= $2")
                .execute(Tuple.of(ts(from), ts(to))).map(rows -> rows.iterator().next().getLong("n"));
    }
}
