package org.hospital.continuity.server.syncreceiver.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;

/** The synced entries of one prescription or requisition (its stream), for the relay to pharmacy kiosks (EP-6.7). */
@ApplicationScoped
public class RelayedOrdersStore {

    private final Pool pool;

    public RelayedOrdersStore(Pool pool) {
        this.pool = pool;
    }

    /** The entries of the record's stream, in stream order; empty when the server holds none. */
    public Uni<List<JournalEntry>> stream(UUID streamId) {
        return pool.preparedQuery("select * from sync_entry where stream_id = $1 and stream_type in ('prescription', 'requisition')"
                        + " order by stream_version")
                .execute(Tuple.of(streamId)).map(rows -> {
                    List<JournalEntry> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new JournalEntry(r.getUUID("entry_id"), r.getString("kiosk_id"), r.getLong("kiosk_seq"),
                                r.getString("stream_type"), r.getUUID("stream_id"), r.getInteger("stream_version"),
                                r.getString("event_type"), r.getInteger("schema_version"), r.getString("payload"),
                                r.getString("content_hash"), r.getOffsetDateTime("recorded_at").toInstant()
                                .plusNanos(r.getInteger("recorded_at_nanos")), r.getLong("hlc"), r.getString("actor")));
                    }
                    return out;
                });
    }
}
