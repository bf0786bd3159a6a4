package org.hospital.continuity.server.syncreceiver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.syncreceiver.persistence.SyncStore;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.Backlog;
import org.hospital.continuity.sync.protocol.PushBatch;
import org.hospital.continuity.sync.protocol.SyncJson;
import org.hospital.continuity.sync.protocol.http.JdkPushClient;

/** Builders and database probes for the receiver's tests. */
final class SyncFixtures {

    static final ObjectMapper JSON = SyncJson.mapper();
    static final Instant T0 = Instant.parse("2026-11-21T06:30:00Z");
    static final String TEST_SECRET = "test-secret";

    private SyncFixtures() {
    }

    static String auth(String kiosk, String secret) {
        return JdkPushClient.basic(kiosk, secret);
    }

    static JournalEntry entry(String kiosk, long seq) {
        return entry(kiosk, seq, UUID.randomUUID(), org.hospital.continuity.sync.testkit.ContractPayloads.charge(seq));
    }

    static JournalEntry entry(String kiosk, long seq, UUID id, String payload) {
        // nanosecond clock values, as a kiosk's InstantSource.system() gives on Linux
        return JournalEntry.seal(id, kiosk, seq, "charge", UUID.randomUUID(), 1, "ChargeRecorded", 1, payload,
                T0.plusSeconds(seq).plusNanos(123_456_789), (T0.toEpochMilli() + seq) << 16, "acct-3");
    }

    static List<JournalEntry> range(String kiosk, long from, long to) {
        List<JournalEntry> list = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            list.add(entry(kiosk, s));
        }
        return list;
    }

    static String body(String kiosk, Backlog backlog, List<JournalEntry> entries) {
        try {
            return JSON.writeValueAsString(PushBatch.of(kiosk, UUID.randomUUID(), backlog, entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String body(String kiosk, List<JournalEntry> entries) {
        return body(kiosk, new Backlog(entries.size(), entries.isEmpty() ? null : entries.get(0).recordedAt(),
                entries.isEmpty() ? 0 : entries.get(entries.size() - 1).kioskSeq()), entries);
    }

    /** A golden contract file of the sync module (the tests run in continuity-server/). */
    static String golden(String name) {
        try {
            return Files.readString(Path.of("..", "sync", "src", "test", "resources", "contract", "v1", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long count(Pool pool, String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().indefinitely().iterator().next().getLong(0);
    }

    static long entries(Pool pool, String kiosk) {
        return count(pool, "select count(*) from sync_entry where kiosk_id = $1", kiosk);
    }

    static long allEntries(Pool pool) {
        return count(pool, "select count(*) from sync_entry");
    }

    /** The stored envelope of one entry, rebuilt from its columns (so a hash check proves byte identity). */
    static JournalEntry stored(Pool pool, UUID entryId) {
        var rows = pool.preparedQuery("select * from sync_entry where entry_id = $1").execute(Tuple.of(entryId)).await().indefinitely();
        if (rows.rowCount() == 0) {
            return null;
        }
        return fromRow(rows.iterator().next());
    }

    static JournalEntry fromRow(Row r) {
        return new JournalEntry(r.getUUID("entry_id"), r.getString("kiosk_id"), r.getLong("kiosk_seq"), r.getString("stream_type"),
                r.getUUID("stream_id"), r.getInteger("stream_version"), r.getString("event_type"), r.getInteger("schema_version"),
                r.getString("payload"), r.getString("content_hash"), SyncStore.recordedAt(r),
                r.getLong("hlc"), r.getString("actor"));
    }
}
