package org.hospital.continuity.server.writeback.persistence;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.writeback.SyncedEntries;
import org.hospital.continuity.sync.envelope.JournalEntry;

import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@link SyncedEntries} over the sync receiver's {@code sync_entry} table and the incident
 * table: an entry belongs to the incident whose window [opened_at, closed_at] holds its kiosk
 * capture time. While the receiver's table is absent (not yet deployed) there is nothing to read.
 * Blocking: waits on the reactive pool, so only ever called on a worker thread.
 */
@ApplicationScoped
public class PgSyncedEntries implements SyncedEntries {

    /**
     * The capture window of an incident ($1 = now). A drill incident runs on compressed time, so its
     * window is the drill's real span, never the incident's engine-time instants.
     */
    static final String WINDOW = "e.recorded_at >= coalesce(d.real_started_at, i.opened_at)"
            + " and e.recorded_at <= coalesce(d.real_ended_at, case when d.id is null then i.closed_at end, $1)";

    private final Pool pool;
    private final InstantSource clock;

    public PgSyncedEntries(Pool pool, InstantSource clock) {
        this.pool = pool;
        this.clock = clock;
    }

    private boolean receiverPresent() {
        Row r = pool.query("select to_regclass('sync_entry') is not null as present").execute().await().indefinitely()
                .iterator().next();
        return r.getBoolean("present");
    }

    @Override
    public List<String> incidents() {
        if (!receiverPresent()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        pool.preparedQuery("select i.id::text as id from incident i left join drill d on d.id = i.drill_id where exists (select 1 from sync_entry e"
                        + " where " + WINDOW + ") order by i.opened_at")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC))).await().indefinitely()
                .forEach(r -> out.add(r.getString("id")));
        return out;
    }

    @Override
    public List<JournalEntry> entries(String incident) {
        if (!receiverPresent()) {
            return List.of();
        }
        UUID id;
        try {
            id = UUID.fromString(incident);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<JournalEntry> out = new ArrayList<>();
        pool.preparedQuery("select e.* from sync_entry e join incident i on i.id = $2 left join drill d on d.id = i.drill_id where "
                        + WINDOW + " order by e.hlc, e.kiosk_id, e.kiosk_seq")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC), id)).await().indefinitely()
                .forEach(r -> out.add(new JournalEntry(r.getUUID("entry_id"), r.getString("kiosk_id"), r.getLong("kiosk_seq"),
                        r.getString("stream_type"), r.getUUID("stream_id"), r.getInteger("stream_version"),
                        r.getString("event_type"), r.getInteger("schema_version"), r.getString("payload"),
                        r.getString("content_hash"), r.getOffsetDateTime("recorded_at").toInstant()
                        .plusNanos(r.getInteger("recorded_at_nanos")), r.getLong("hlc"), r.getString("actor"))));
        return out;
    }
}
