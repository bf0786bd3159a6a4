package org.hospital.continuity.server.syncreceiver.persistence;

import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.server.syncreceiver.SyncedJournal;
import org.hospital.continuity.sync.envelope.JournalEntry;

/** {@link SyncedJournal} from the receiver's {@code sync_entry} table (kiosk capture time: {@code recorded_at}). */
@ApplicationScoped
public class SyncedJournalStore implements SyncedJournal {

    private final Pool pool;

    public SyncedJournalStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<Boolean>> anyCapturedWithin(List<Window> windows) {
        if (windows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        OffsetDateTime[] from = windows.stream().map(w -> ts(w.from())).toArray(OffsetDateTime[]::new);
        OffsetDateTime[] to = windows.stream().map(w -> ts(w.to())).toArray(OffsetDateTime[]::new);
        return pool.preparedQuery("""
                select w.n, exists (select 1 from sync_entry e where e.recorded_at >= w.f and e.recorded_at <= w.t) as any
                  from unnest($1::timestamptz[], $2::timestamptz[]) with ordinality as w(f, t, n) order by w.n""")
                .execute(Tuple.of(from, to)).map(rows -> {
                    List<Boolean> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getBoolean("any")));
                    return out;
                });
    }

    @Override
    public Uni<List<UnreadableOnKiosk>> unreadableOnKiosks(java.util.Collection<String> kioskIds) {
        if (kioskIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("select kiosk_id, kiosk_seq, event_type, reason from sync_unreadable_entry where kiosk_id = any($1) "
                + "order by kiosk_id, kiosk_seq").execute(Tuple.of(kioskIds.toArray(String[]::new))).map(rows -> {
                    List<UnreadableOnKiosk> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new UnreadableOnKiosk(r.getString("kiosk_id"), r.getLong("kiosk_seq"), r.getString("event_type"),
                            r.getString("reason"))));
                    return out;
                });
    }

    @Override
    public Uni<List<JournalEntry>> capturedWithin(Window window) {
        return pool.preparedQuery("select * from sync_entry e where e.recorded_at >= $1 and e.recorded_at <= $2"
                        + " order by e.hlc, e.kiosk_id, e.kiosk_seq")
                .execute(Tuple.of(ts(window.from()), ts(window.to()))).map(rows -> {
                    List<JournalEntry> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new JournalEntry(r.getUUID("entry_id"), r.getString("kiosk_id"), r.getLong("kiosk_seq"),
                            r.getString("stream_type"), r.getUUID("stream_id"), r.getInteger("stream_version"),
                            r.getString("event_type"), r.getInteger("schema_version"), r.getString("payload"),
                            r.getString("content_hash"), r.getOffsetDateTime("recorded_at").toInstant()
                            .plusNanos(r.getInteger("recorded_at_nanos")), r.getLong("hlc"), r.getString("actor"))));
                    return out;
                });
    }
}
