package org.hospital.continuity.kiosk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.kiosk.outbox.app.JournalSource;
import org.hospital.continuity.kiosk.outbox.persistence.SqliteJournalSource;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The journal source over the pinned SQLite tables (the journal feature creates them; the pinned DDL here only where absent), in a database of its own. */
@QuarkusTest
@TestProfile(SqliteJournalSourceTest.OwnDatabase.class)
class SqliteJournalSourceTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("continuity.data-dir", "target/kiosk-sqlite-source-" + System.nanoTime(),
                    "continuity.server-url", "http://127.0.0.1:9");
        }
    }

    private static final String[] PINNED = {
            "create table if not exists journal (entry_id text primary key, kiosk_id text not null, kiosk_seq integer not null, "
                    + "stream_type text not null, stream_id text not null, stream_version integer not null, event_type text not null, "
                    + "schema_version integer not null, payload blob not null, content_hash text not null, recorded_at text not null, "
                    + "hlc integer not null, actor text not null, phase text not null, unique (kiosk_id, kiosk_seq), unique (stream_id, stream_version))",
            "create table if not exists outbox (entry_id text primary key references journal(entry_id), status text not null check (status in ('PENDING', 'SENT')), "
                    + "attempts integer not null default 0, last_error text, next_attempt_at text)",
            "create table if not exists sync_checkpoint (peer text primary key, position integer not null)"};

    @Inject
    KioskDatabase database;

    /** A stand-in for the journal's cipher: the bytes reversed. */
    private static byte[] seal(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length / 2; i++) {
            byte t = b[i];
            b[i] = b[b.length - 1 - i];
            b[b.length - 1 - i] = t;
        }
        return b;
    }

    private static String open(UUID id, byte[] sealed) {
        byte[] copy = sealed.clone();
        for (int i = 0; i < copy.length / 2; i++) {
            byte t = copy[i];
            copy[i] = copy[copy.length - 1 - i];
            copy[copy.length - 1 - i] = t;
        }
        return new String(copy, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("reads decrypted entries in kiosk order, counts the unsent, marks sent up to the server's cursor")
    void readsCountsAndMarksSent() throws Exception {
        Instant t0 = Instant.parse("2026-11-21T08:00:00.123456789Z");
        List<JournalEntry> entries = List.of(
                JournalEntry.seal(UUID.randomUUID(), "kiosk-a", 1, "registration", UUID.randomUUID(), 1, "PatientRegistered", 1,
                        "{\"name\":\"王芳\"}", t0, 1L << 16, "acct-1"),
                JournalEntry.seal(UUID.randomUUID(), "kiosk-a", 2, "charge", UUID.randomUUID(), 1, "ChargeRecorded", 1,
                        "{\"feeFen\":1200}", t0.plusSeconds(5), 2L << 16, "acct-1"),
                JournalEntry.seal(UUID.randomUUID(), "kiosk-a", 3, "charge", UUID.randomUUID(), 1, "ChargeRecorded", 1,
                        "{\"feeFen\":300}", t0.plusSeconds(9), 3L << 16, "acct-2"));
        database.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                for (String ddl : PINNED) {
                    st.execute(ddl);
                }
            }
            for (JournalEntry e : entries) {
                try (PreparedStatement ps = c.prepareStatement("insert into journal values (?,?,?,?,?,?,?,?,?,?,?,?,?,'DOWNTIME')")) {
                    ps.setString(1, e.entryId().toString());
                    ps.setString(2, e.kioskId());
                    ps.setLong(3, e.kioskSeq());
                    ps.setString(4, e.streamType());
                    ps.setString(5, e.streamId().toString());
                    ps.setInt(6, e.streamVersion());
                    ps.setString(7, e.eventType());
                    ps.setInt(8, e.schemaVersion());
                    ps.setBytes(9, seal(e.payload()));
                    ps.setString(10, e.contentHash());
                    ps.setString(11, e.recordedAt().toString());
                    ps.setLong(12, e.hlc());
                    ps.setString(13, e.actor());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("insert into outbox(entry_id, status) values (?, 'PENDING')")) {
                    ps.setString(1, e.entryId().toString());
                    ps.executeUpdate();
                }
            }
            return null;
        });
        SqliteJournalSource source = new SqliteJournalSource(database, SqliteJournalSourceTest::open,
                () -> Optional.of(new JournalSource.Credential("kiosk-a", "s")));

        assertThat(source.lastSeq()).isEqualTo(3);
        assertThat(source.readAfter(1, 10)).containsExactlyElementsOf(entries.subList(1, 3));
        assertThat(source.readAfter(0, 10)).allMatch(JournalEntry::hashMatches);
        assertThat(source.unsent()).isEqualTo(new JournalSource.Unsent(3, t0));

        source.markSent(2);
        assertThat(source.unsent()).isEqualTo(new JournalSource.Unsent(1, t0.plusSeconds(9)));
        source.markSent(1); // an older cursor never moves the checkpoint back
        long checkpoint = database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select position from sync_checkpoint where peer = 'continuity-server'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(checkpoint).isEqualTo(2);
    }
}
