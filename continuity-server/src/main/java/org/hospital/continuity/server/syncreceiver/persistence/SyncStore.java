package org.hospital.continuity.server.syncreceiver.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.hospital.continuity.server.syncreceiver.domain.CitedInstruction;
import org.hospital.continuity.server.syncreceiver.domain.IntegrityIncident;
import org.hospital.continuity.server.syncreceiver.domain.KioskSyncState;
import org.hospital.continuity.sync.protocol.Backlog;
import org.hospital.continuity.sync.protocol.IngestClassifier;
import org.hospital.continuity.sync.protocol.KioskCursor;
import org.hospital.continuity.sync.protocol.PushReceipt;
import org.hospital.continuity.sync.protocol.Rejection;
import org.hospital.continuity.sync.protocol.SyncJson;
import org.hospital.continuity.sync.protocol.SyncProtocol;
import org.hospital.continuity.sync.protocol.UnreadableEntry;
import org.hospital.continuity.sync.protocol.WireEntry;

/**
 * Durable storage of pushes in PostgreSQL, raw SQL through the reactive pool (a Panache persist
 * per row would be two orders of magnitude slower for a 200,000-entry backlog).
 *
 * <p>One push is one transaction: lock the kiosk's row (so two pushes of one kiosk never
 * interleave), insert all entries in one statement from arrays ({@code unnest}) — a plain insert
 * in the usual push, else (or after the plain insert met a held row) with {@code on conflict do
 * nothing} — classify the rows it did not insert, record conflicts as integrity incidents, move the
 * cursor over what is now settled, store the reported backlog.
 * The receipt is built only from committed state.
 */
@ApplicationScoped
public class SyncStore {

    private static final String LOCK_KIOSK = """
            insert into sync_kiosk (kiosk_id, first_push_at) values ($1, $2)
            on conflict (kiosk_id) do update set kiosk_id = excluded.kiosk_id
            returning cursor_seq, highest_held""";

    /**
     * The usual push: every entry new. A plain insert (no {@code on conflict}, no returned ids) is cheaper
     * for PostgreSQL; if any row is already held it fails with a unique violation and the push is stored
     * again through {@link #INSERT_ENTRIES} and the classification, in a fresh transaction.
     */
    private static final String INSERT_NEW_ENTRIES = """
            insert into sync_entry (entry_id, kiosk_id, kiosk_seq, stream_type, stream_id, stream_version, event_type,
                                    schema_version, payload, content_hash, recorded_at, recorded_at_nanos, hlc, actor,
                                    received_at)
            select e.entry_id, $2::varchar, e.kiosk_seq, e.stream_type, e.stream_id, e.stream_version, e.event_type,
                   e.schema_version, convert_from(e.payload, 'UTF8'), e.content_hash,
                   to_timestamp(0) + e.recorded_us * interval '1 microsecond', e.recorded_at_nanos, e.hlc, e.actor, $15
            from unnest($1::uuid[], $3::int8[], $4::varchar[], $5::uuid[], $6::int4[],
                        $7::varchar[], $8::int4[], $9::bytea[], $10::varchar[], $11::int8[],
                        $12::int2[], $13::int8[], $14::varchar[])
                 as e (entry_id, kiosk_seq, stream_type, stream_id, stream_version, event_type, schema_version,
                       payload, content_hash, recorded_us, recorded_at_nanos, hlc, actor)""";

    /** The careful way: rows already held are skipped, and the ids of the rows inserted come back for the classification. */
    private static final String INSERT_ENTRIES = INSERT_NEW_ENTRIES + "\non conflict do nothing\nreturning entry_id";

    /** SQLSTATE unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String HELD = """
            select entry_id, kiosk_id, kiosk_seq, content_hash from sync_entry
            where entry_id = any($1::uuid[]) or (kiosk_id = $2 and kiosk_seq = any($3::int8[]))""";

    private static final String INSERT_INCIDENT = """
            insert into sync_integrity_incident (id, kiosk_id, kiosk_seq, entry_id, reason, held_entry_id, held_hash,
                                                 offered_hash, offered_entry, detected_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            on conflict on constraint sync_incident_once do nothing""";

    /**
     * Settled sequences above the cursor: stored, refused as a conflict, or reported unreadable on the kiosk (so neither
     * a refused nor a lost entry ever blocks the cursor).
     */
    private static final String SETTLED_ABOVE = """
            select kiosk_seq from sync_entry where kiosk_id = $1 and kiosk_seq > $2
            union
            select kiosk_seq from sync_integrity_incident where kiosk_id = $1 and kiosk_seq > $2
            union
            select kiosk_seq from sync_unreadable_entry where kiosk_id = $1 and kiosk_seq > $2""";

    /**
     * Entries the kiosk reports unreadable (protocol 2), kept once per sequence; a sequence the server already holds an
     * entry for stays that entry (it was read before the kiosk's copy broke): the report is then only a note in the log.
     */
    private static final String INSERT_UNREADABLE = """
            insert into sync_unreadable_entry (kiosk_id, kiosk_seq, entry_id, event_type, content_hash, reason, reported_at)
            select $1::varchar, u.kiosk_seq, u.entry_id, u.event_type, u.content_hash, u.reason, $7
            from unnest($2::int8[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[])
                 as u (kiosk_seq, entry_id, event_type, content_hash, reason)
            where not exists (select 1 from sync_entry s where s.kiosk_id = $1::varchar and s.kiosk_seq = u.kiosk_seq)
            on conflict do nothing
            returning kiosk_seq""";

    private static final String UPDATE_KIOSK = """
            update sync_kiosk set cursor_seq = $2, highest_held = $3, backlog_pending = $4, oldest_unsent_at = $5,
                   kiosk_last_seq = $6, last_push_at = $7, pushes = pushes + 1, entries_stored = entries_stored + $8,
                   duplicates_seen = duplicates_seen + $9, incidents = incidents + $10,
                   unreadable_on_kiosk = unreadable_on_kiosk + $11
            where kiosk_id = $1""";

    private final Pool pool;
    private final AtomicLong plainInsertFallbacks = new AtomicLong();
    private final ObjectMapper json = SyncJson.mapper();

    public SyncStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores a checked batch of one kiosk and returns the receipt of the committed state.
     *
     * <p>When the batch reaches above the kiosk's cursor (the usual push), it is first stored with a
     * plain insert. Only if that meets a row already held (SQLSTATE 23505: a re-send, a conflict) is the
     * transaction rolled back and the push stored again the careful way — {@code on conflict do nothing},
     * then duplicates and conflicts classified and conflicts recorded as integrity incidents (HR-9) —
     * so the outcome is exactly that of the careful way, which a batch entirely at or below the cursor
     * takes directly.
     */
    public Uni<PushReceipt> store(String kioskId, Backlog backlog, List<WireEntry> entries, Instant now) {
        return store(kioskId, backlog, entries, List.of(), List.of(), now);
    }

    /** As {@link #store(String, Backlog, List, Instant)}, with the entries the kiosk reports unreadable (settled, kept for IT). */
    public Uni<PushReceipt> store(String kioskId, Backlog backlog, List<WireEntry> entries, List<UnreadableEntry> unreadable,
                                  List<CitedInstruction> unknownInstructions, Instant now) {
        return store(kioskId, backlog, entries, unreadable, unknownInstructions, now, true)
                .onFailure(PlainInsertMetHeldRow.class).recoverWithUni(held -> {
                    plainInsertFallbacks.incrementAndGet();
                    return store(kioskId, backlog, entries, unreadable, unknownInstructions, now, false);
                });
    }

    /** How many pushes met an already-held row in the plain insert and were stored again the careful way (for tests). */
    public long plainInsertFallbacks() {
        return plainInsertFallbacks.get();
    }

    /** The plain insert of a push met a row the server already holds; the transaction is rolled back. */
    private static final class PlainInsertMetHeldRow extends RuntimeException {
        PlainInsertMetHeldRow(Throwable cause) {
            super("a pushed entry is already held", cause, false, false);
        }
    }

    private Uni<PushReceipt> store(String kioskId, Backlog backlog, List<WireEntry> entries, List<UnreadableEntry> unreadable,
                                   List<CitedInstruction> unknownInstructions, Instant now, boolean plainFirst) {
        return pool.withTransaction(conn -> conn.preparedQuery(LOCK_KIOSK).execute(Tuple.of(kioskId, utc(now)))
                .map(rows -> rows.iterator().next())
                .chain(kiosk -> {
                    long cursorBefore = kiosk.getLong(0);
                    boolean nothingAboveCursor = kiosk.getLong(1) <= cursorBefore;
                    Uni<IngestClassifier.Outcome> stored = plainFirst && reachesAbove(entries, cursorBefore)
                            ? insertNew(conn, kioskId, entries, now)
                            : insert(conn, kioskId, entries, now).chain(inserted -> classify(conn, kioskId, entries, inserted));
                    long[] lost = new long[2];
                    return stored
                        .chain(outcome -> recordIncidents(conn, kioskId, entries, outcome, now).replaceWith(outcome))
                        .chain(outcome -> flagUnknownInstructions(conn, kioskId, unknownInstructions, now).map(n -> {
                            lost[1] = n;
                            return outcome;
                        }))
                        .chain(outcome -> recordUnreadable(conn, kioskId, unreadable, now).map(n -> {
                            lost[0] = n;
                            return outcome;
                        }))
                        .chain(outcome -> settledAbove(conn, kioskId, cursorBefore, nothingAboveCursor && unreadable.isEmpty(), entries, outcome)
                                .map(settled -> KioskCursor.advance(cursorBefore, settled))
                                .chain(cursor -> conn.preparedQuery(UPDATE_KIOSK).execute(Tuple.tuple(Arrays.asList(
                                                kioskId, cursor.cursor(), cursor.highestHeld(), pendingAfter(backlog, cursor.cursor()),
                                                pendingAfter(backlog, cursor.cursor()) == 0 || backlog.oldestUnsentAt() == null
                                                        ? null : utc(backlog.oldestUnsentAt()),
                                                backlog.lastSeq(), utc(now), (long) outcome.accepted(),
                                                (long) outcome.duplicates(), (long) conflicts(outcome).size() + lost[1], lost[0])))
                                        .replaceWith(new PushReceipt(SyncProtocol.VERSION, kioskId, cursor.cursor(),
                                                cursor.highestHeld(), cursor.gaps(), outcome.accepted(), outcome.duplicates(),
                                                outcome.rejections().size(), outcome.rejections(), now))));
                }));
    }

    /**
     * What is still unsent at the kiosk once this push is stored. The kiosk reports its backlog as it
     * was before the push; a kiosk that has just delivered its last entries pushes nothing more until it
     * captures again, so the board would show the last pre-push count forever. Entries up to the new
     * cursor are no longer unsent: at most {@code lastSeq - cursor} remain. When nothing remains the
     * oldest unsent time is cleared; otherwise the reported one stays (it can only be older than the truth).
     */
    static long pendingAfter(Backlog backlog, long cursor) {
        return Math.max(0, Math.min(backlog.pending(), backlog.lastSeq() - cursor));
    }

    private static boolean reachesAbove(List<WireEntry> entries, long cursor) {
        for (WireEntry e : entries) {
            if (e.kioskSeq() > cursor) {
                return true;
            }
        }
        return false;
    }

    /** Every entry inserted, or a {@link PlainInsertMetHeldRow} failure (the transaction is then aborted). */
    private Uni<IngestClassifier.Outcome> insertNew(SqlConnection conn, String kioskId, List<WireEntry> entries, Instant now) {
        return conn.preparedQuery(INSERT_NEW_ENTRIES).execute(columns(kioskId, entries, now))
                .onFailure(SyncStore::uniqueViolation).transform(PlainInsertMetHeldRow::new)
                .map(rows -> new IngestClassifier.Outcome(entries.size(), 0, List.of()));
    }

    private static boolean uniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private Uni<Set<UUID>> insert(SqlConnection conn, String kioskId, List<WireEntry> entries, Instant now) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return conn.preparedQuery(INSERT_ENTRIES).execute(columns(kioskId, entries, now)).map(rows -> {
            Set<UUID> inserted = new HashSet<>(rows.rowCount() * 2);
            for (Row r : rows) {
                inserted.add(r.getUUID(0));
            }
            return inserted;
        });
    }

    /**
     * The batch as the insert statements' column arrays ($1..$14; $2 is the pushing kiosk, which every entry of a
     * checked batch names) and the receive time ($15). Payloads go
     * as their UTF-8 bytes ({@code bytea}, wrapped, not copied), exactly as they arrived in the request
     * body; PostgreSQL checks them as UTF-8 and makes the {@code text} value ({@code convert_from}), the
     * same check a text parameter gets, so no Java string is decoded or encoded for them. The kiosk clock
     * goes as microseconds since the epoch ({@code recorded_at} is made from them exactly, integer
     * microseconds added to the epoch) plus the nanosecond rest, not as 200,000 date-time objects.
     */
    private static Tuple columns(String kioskId, List<WireEntry> entries, Instant now) {
        int n = entries.size();
        UUID[] ids = new UUID[n];
        Long[] seqs = new Long[n];
        String[] streamTypes = new String[n];
        UUID[] streamIds = new UUID[n];
        Integer[] streamVersions = new Integer[n];
        String[] eventTypes = new String[n];
        Integer[] schemaVersions = new Integer[n];
        Buffer[] payloads = new Buffer[n];
        String[] hashes = new String[n];
        Long[] recordedMicros = new Long[n];
        Short[] recordedNanos = new Short[n];
        Long[] hlcs = new Long[n];
        String[] actors = new String[n];
        for (int i = 0; i < n; i++) {
            WireEntry e = entries.get(i);
            ids[i] = e.entryId();
            seqs[i] = e.kioskSeq();
            streamTypes[i] = e.streamType();
            streamIds[i] = e.streamId();
            streamVersions[i] = e.streamVersion();
            eventTypes[i] = e.eventType();
            schemaVersions[i] = e.schemaVersion();
            payloads[i] = Buffer.buffer(Unpooled.wrappedBuffer(e.payload().utf8()));
            hashes[i] = e.contentHash();
            Instant at = e.recordedAt();
            recordedMicros[i] = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
            recordedNanos[i] = (short) (at.getNano() % 1000);
            hlcs[i] = e.hlc();
            actors[i] = e.actor();
        }
        return Tuple.tuple(Arrays.asList(ids, kioskId, seqs, streamTypes, streamIds, streamVersions, eventTypes,
                schemaVersions, payloads, hashes, recordedMicros, recordedNanos, hlcs, actors, utc(now)));
    }

    private Uni<IngestClassifier.Outcome> classify(SqlConnection conn, String kioskId, List<WireEntry> entries, Set<UUID> inserted) {
        if (inserted.size() == entries.size()) {
            return Uni.createFrom().item(new IngestClassifier.Outcome(entries.size(), 0, List.of()));
        }
        List<WireEntry> rest = entries.stream().filter(e -> !inserted.contains(e.entryId())).toList();
        UUID[] ids = rest.stream().map(WireEntry::entryId).toArray(UUID[]::new);
        Long[] seqs = rest.stream().map(WireEntry::kioskSeq).toArray(Long[]::new);
        return conn.preparedQuery(HELD).execute(Tuple.of(ids, kioskId, seqs)).map(rows -> {
            List<IngestClassifier.Held> held = new ArrayList<>();
            for (Row r : rows) {
                held.add(new IngestClassifier.Held(r.getUUID("entry_id"), r.getString("kiosk_id"), r.getLong("kiosk_seq"),
                        r.getString("content_hash")));
            }
            return IngestClassifier.classifyChecked(entries, inserted, held);
        });
    }

    private static List<Rejection> conflicts(IngestClassifier.Outcome outcome) {
        return outcome.rejections().stream()
                .filter(r -> Rejection.CONTENT_CONFLICT.equals(r.reason()) || Rejection.SEQUENCE_CONFLICT.equals(r.reason()))
                .toList();
    }

    private Uni<Void> recordIncidents(SqlConnection conn, String kioskId, List<WireEntry> entries,
                                      IngestClassifier.Outcome outcome, Instant now) {
        List<Rejection> conflicts = conflicts(outcome);
        if (conflicts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, WireEntry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.entryId(), e));
        UUID[] ids = conflicts.stream().map(Rejection::entryId).toArray(UUID[]::new);
        Long[] seqs = conflicts.stream().map(Rejection::kioskSeq).toArray(Long[]::new);
        return conn.preparedQuery(HELD).execute(Tuple.of(ids, kioskId, seqs)).chain(rows -> {
            Map<UUID, Row> heldById = new HashMap<>();
            Map<Long, Row> heldBySeq = new HashMap<>();
            for (Row r : rows) {
                heldById.put(r.getUUID("entry_id"), r);
                if (kioskId.equals(r.getString("kiosk_id"))) {
                    heldBySeq.put(r.getLong("kiosk_seq"), r);
                }
            }
            List<Tuple> batch = new ArrayList<>();
            for (Rejection c : conflicts) {
                WireEntry offered = byId.get(c.entryId());
                Row held = Rejection.CONTENT_CONFLICT.equals(c.reason()) ? heldById.get(c.entryId()) : heldBySeq.get(c.kioskSeq());
                batch.add(Tuple.tuple(Arrays.asList(UUID.randomUUID(), kioskId, c.kioskSeq(), c.entryId(), c.reason(),
                        held == null ? null : held.getUUID("entry_id"),
                        held == null ? null : held.getString("content_hash"),
                        offered.contentHash(), toJson(offered), utc(now))));
            }
            return conn.preparedQuery(INSERT_INCIDENT).executeBatch(batch).replaceWithVoid();
        });
    }

    /**
     * EP-6.1: a stored downtime entry that cites an instruction this server never issued, kept as an integrity incident
     * (reason {@code unknown-instruction}; the held entry is the stored one). Once per entry; the number newly flagged.
     */
    private Uni<Long> flagUnknownInstructions(SqlConnection conn, String kioskId, List<CitedInstruction> flags, Instant now) {
        if (flags.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        List<Tuple> batch = new ArrayList<>();
        for (CitedInstruction f : flags) {
            WireEntry e = f.entry();
            batch.add(Tuple.tuple(Arrays.asList(UUID.randomUUID(), kioskId, e.kioskSeq(), e.entryId(), CitedInstruction.UNKNOWN_INSTRUCTION,
                    e.entryId(), e.contentHash(), e.contentHash(), toJson(e), utc(now))));
        }
        return conn.preparedQuery(INSERT_INCIDENT + " returning id").executeBatch(batch).map(rows -> {
            long n = 0;
            for (RowSet<Row> r = rows; r != null; r = r.next()) {
                n += r.rowCount();
            }
            return n;
        });
    }

    /** Keeps the entries the kiosk reports unreadable; the number newly kept. */
    private Uni<Long> recordUnreadable(SqlConnection conn, String kioskId, List<UnreadableEntry> unreadable, Instant now) {
        if (unreadable.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        Long[] seqs = unreadable.stream().map(UnreadableEntry::kioskSeq).toArray(Long[]::new);
        UUID[] ids = unreadable.stream().map(UnreadableEntry::entryId).toArray(UUID[]::new);
        String[] kinds = unreadable.stream().map(UnreadableEntry::eventType).toArray(String[]::new);
        String[] hashes = unreadable.stream().map(UnreadableEntry::contentHash).toArray(String[]::new);
        String[] reasons = unreadable.stream().map(UnreadableEntry::reason).toArray(String[]::new);
        return conn.preparedQuery(INSERT_UNREADABLE).execute(Tuple.tuple(Arrays.asList(kioskId, seqs, ids, kinds, hashes, reasons,
                utc(now)))).map(rows -> (long) rows.rowCount());
    }

    /** An entry a kiosk reported unreadable, as kept. */
    public record Unreadable(String kioskId, long kioskSeq, UUID entryId, String eventType, String contentHash, String reason,
                             Instant reportedAt) {
    }

    /** Entries kiosks reported unreadable, newest report first. */
    public Uni<List<Unreadable>> unreadable(int limit) {
        return pool.preparedQuery("select * from sync_unreadable_entry order by reported_at desc, kiosk_id, kiosk_seq limit $1")
                .execute(Tuple.of(limit)).map(rows -> {
                    List<Unreadable> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new Unreadable(r.getString("kiosk_id"), r.getLong("kiosk_seq"), r.getUUID("entry_id"),
                                r.getString("event_type"), r.getString("content_hash"), r.getString("reason"),
                                r.getOffsetDateTime("reported_at").toInstant()));
                    }
                    return list;
                });
    }

    /**
     * The sequences settled above the cursor. In the usual push (nothing was held above the cursor
     * before, and every entry of the batch was newly stored) they are exactly this batch's sequences
     * above the cursor, known without asking the database; otherwise they are read.
     */
    private Uni<long[]> settledAbove(SqlConnection conn, String kioskId, long cursor, boolean nothingAboveCursor,
                                     List<WireEntry> entries, IngestClassifier.Outcome outcome) {
        if (nothingAboveCursor && outcome.accepted() == entries.size()) {
            return Uni.createFrom().item(entries.stream().mapToLong(WireEntry::kioskSeq).filter(s -> s > cursor).toArray());
        }
        return conn.preparedQuery(SETTLED_ABOVE).execute(Tuple.of(kioskId, cursor)).map(rows -> {
            long[] seqs = new long[rows.rowCount()];
            int i = 0;
            for (Row r : rows) {
                seqs[i++] = r.getLong(0);
            }
            return seqs;
        });
    }

    /** Every kiosk that ever pushed, by id. */
    public Uni<List<KioskSyncState>> kiosks() {
        return pool.query("select * from sync_kiosk order by kiosk_id").execute().map(SyncStore::states);
    }

    public Uni<KioskSyncState> kiosk(String kioskId) {
        return pool.preparedQuery("select * from sync_kiosk where kiosk_id = $1").execute(Tuple.of(kioskId))
                .map(rows -> states(rows).stream().findFirst().orElse(null));
    }

    public Uni<List<IntegrityIncident>> incidents(int limit) {
        return pool.preparedQuery("select * from sync_integrity_incident order by detected_at desc limit $1")
                .execute(Tuple.of(limit)).map(rows -> {
                    List<IntegrityIncident> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new IntegrityIncident(r.getUUID("id"), r.getString("kiosk_id"), r.getLong("kiosk_seq"),
                                r.getUUID("entry_id"), r.getString("reason"), r.getUUID("held_entry_id"),
                                r.getString("held_hash"), r.getString("offered_hash"),
                                r.getOffsetDateTime("detected_at").toInstant()));
                    }
                    return list;
                });
    }

    private static List<KioskSyncState> states(RowSet<Row> rows) {
        List<KioskSyncState> list = new ArrayList<>();
        for (Row r : rows) {
            OffsetDateTime oldest = r.getOffsetDateTime("oldest_unsent_at");
            OffsetDateTime last = r.getOffsetDateTime("last_push_at");
            list.add(new KioskSyncState(r.getString("kiosk_id"), r.getLong("cursor_seq"), r.getLong("highest_held"),
                    r.getLong("backlog_pending"), oldest == null ? null : oldest.toInstant(), r.getLong("kiosk_last_seq"),
                    last == null ? null : last.toInstant(), r.getLong("pushes"), r.getLong("entries_stored"),
                    r.getLong("duplicates_seen"), r.getLong("incidents"), r.getLong("unreadable_on_kiosk")));
        }
        return list;
    }

    private String toJson(WireEntry e) {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("an envelope always serialises", ex);
        }
    }

    /** An entry's kiosk clock value exactly as sent: microseconds from timestamptz plus the stored nanosecond rest. */
    public static Instant recordedAt(Row r) {
        return r.getOffsetDateTime("recorded_at").toInstant().plusNanos(r.getShort("recorded_at_nanos"));
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
