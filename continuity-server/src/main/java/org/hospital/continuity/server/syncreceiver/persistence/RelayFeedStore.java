package org.hospital.continuity.server.syncreceiver.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.syncreceiver.domain.RelayRoutes;

/**
 * The pushed entries the relay hands to other stations (HIS down, LAN up), read in the order they became visible: by the
 * pushing transaction's id, then the row's position, only of transactions older than every one still running (V0530), so
 * a push that commits late is never skipped by a reader that moved on.
 */
@ApplicationScoped
public class RelayFeedStore {

    /** A position in the feed: the pushing transaction and the row. */
    public record Position(long tx, long pos) {

        public static final Position START = new Position(0, 0);

        public String text() {
            return tx + "." + pos;
        }

        /** The position a kiosk sent back; the start when absent or not one of ours. */
        public static Position parse(String text) {
            if (text == null || text.isBlank()) {
                return START;
            }
            String[] p = text.trim().split("\\.");
            try {
                return p.length == 2 ? new Position(Long.parseLong(p[0]), Long.parseLong(p[1])) : START;
            } catch (NumberFormatException e) {
                return START;
            }
        }
    }

    /** A relayed entry as stored. */
    public record RelayRow(UUID entryId, String kioskId, String streamType, UUID streamId, int streamVersion, String eventType,
                       int schemaVersion, String payload, String actor, Instant recordedAt, Instant receivedAt, Position position) {
    }

    /** One read: the rows and whether the read was cut at its limit. */
    public record Scan(List<RelayRow> rows, boolean full) {
    }

    private static final String EVENTS = "('" + String.join("', '", RelayRoutes.RELAYED_EVENTS) + "')";

    private final Pool pool;

    public RelayFeedStore(Pool pool) {
        this.pool = pool;
    }

    /** Relayed entries of other kiosks after {@code after}, at most {@code limit}. */
    public Uni<Scan> after(Position after, String readerKiosk, int limit) {
        return pool.preparedQuery("select entry_id, kiosk_id, stream_type, stream_id, stream_version, event_type, schema_version,"
                        + " payload, actor, recorded_at, recorded_at_nanos, received_at, relay_tx, relay_pos from sync_entry"
                        + " where event_type in " + EVENTS + " and (relay_tx, relay_pos) > ($1, $2)"
                        + " and relay_tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
                        + " order by relay_tx, relay_pos limit $3")
                .execute(Tuple.of(after.tx(), after.pos(), limit)).map(rows -> {
                    List<RelayRow> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new RelayRow(r.getUUID("entry_id"), r.getString("kiosk_id"), r.getString("stream_type"), r.getUUID("stream_id"),
                                r.getInteger("stream_version"), r.getString("event_type"), r.getInteger("schema_version"),
                                r.getString("payload"), r.getString("actor"),
                                r.getOffsetDateTime("recorded_at").toInstant().plusNanos(r.getInteger("recorded_at_nanos")),
                                r.getOffsetDateTime("received_at").toInstant(), new Position(r.getLong("relay_tx"), r.getLong("relay_pos"))));
                    }
                    return new Scan(out, out.size() >= limit);
                });
    }

    /** The kiosk that captured each record (its first entry), for records the server holds. */
    public Uni<Map<UUID, String>> capturers(Set<UUID> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select stream_id, kiosk_id, event_type from sync_entry where stream_id = any($1) and stream_version = 1")
                .execute(Tuple.of(records.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, String> out = new HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getUUID("stream_id"), r.getString("kiosk_id"));
                    }
                    return out;
                });
    }

    /** The first entry (event type and payload) of each record, for a void or correction's audience. */
    public Uni<Map<UUID, RelayRow>> firstEntries(Set<UUID> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select entry_id, kiosk_id, stream_type, stream_id, stream_version, event_type, schema_version, payload,"
                        + " actor, recorded_at, recorded_at_nanos, received_at, relay_tx, relay_pos from sync_entry"
                        + " where stream_id = any($1) and stream_version = 1")
                .execute(Tuple.of(records.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, RelayRow> out = new HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getUUID("stream_id"), new RelayRow(r.getUUID("entry_id"), r.getString("kiosk_id"), r.getString("stream_type"),
                                r.getUUID("stream_id"), r.getInteger("stream_version"), r.getString("event_type"),
                                r.getInteger("schema_version"), r.getString("payload"), r.getString("actor"),
                                r.getOffsetDateTime("recorded_at").toInstant().plusNanos(r.getInteger("recorded_at_nanos")),
                                r.getOffsetDateTime("received_at").toInstant(), new Position(r.getLong("relay_tx"), r.getLong("relay_pos"))));
                    }
                    return out;
                });
    }

    /**
     * The kiosks that requested a lab or exam for a patient: by the known patient's id, else by the name written on the form.
     */
    public Uni<List<String>> examRequesters(String knownPatientId, String name) {
        String byKnown = "select distinct kiosk_id from sync_entry where event_type = 'OrderWritten'"
                + " and (payload::jsonb ->> 'kind') in ('LAB', 'EXAM') and (payload::jsonb -> 'patient' ->> 'knownPatientId') = $1";
        String byName = "select distinct kiosk_id from sync_entry where event_type = 'OrderWritten'"
                + " and (payload::jsonb ->> 'kind') in ('LAB', 'EXAM') and (payload::jsonb -> 'patient' ->> 'name') = $1";
        boolean known = knownPatientId != null && !knownPatientId.isBlank();
        if (!known && (name == null || name.isBlank())) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(known ? byKnown : byName).execute(Tuple.of(known ? knownPatientId : name)).map(rows -> {
            List<String> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(r.getString("kiosk_id"));
            }
            return out;
        });
    }
}
