package org.hospital.continuity.kiosk.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.outbox.app.JournalAdapter;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.Backlog;
import org.hospital.continuity.sync.protocol.EntrySource;
import org.hospital.continuity.sync.protocol.PushBatch;
import org.hospital.continuity.sync.protocol.PushPort;
import org.hospital.continuity.sync.protocol.PushReceipt;
import org.hospital.continuity.sync.protocol.SenderSettings;
import org.hospital.continuity.sync.protocol.SyncJson;
import org.hospital.continuity.sync.protocol.SyncSender;
import org.hospital.continuity.sync.protocol.UnreadableEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One flipped byte in an unsent journal row (found by hand: seq 16 held seq 17, the journal list and its integrity check
 * answered 500): the entry is named and quarantined, the list and the check answer, and the sync agent reports it to
 * the server as unreadable on the kiosk (protocol 2) so every later entry flows.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class UnreadableEntryTest {

    @Inject
    Journal journal;
    @Inject
    JournalAdapter adapter;
    @Inject
    KioskDatabase database;

    private final ObjectMapper json = SyncJson.mapper();

    @BeforeEach
    void enrolled() {
        Desk.enrolled();
    }

    private JournalEntry append(int n) {
        return journal.append("test", UUID.randomUUID(), 1, "TestRecorded", 1, CanonicalJson.of(Map.of("n", n)), "cashier-1");
    }

    /** Runs SQL on the journal as a disk fault would: past the append-only triggers (dropped and put back). */
    private void bypassingTriggers(String sql, Object... params) throws SQLException {
        database.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("drop trigger journal_no_update");
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        ps.setObject(i + 1, params[i]);
                    }
                    ps.executeUpdate();
                }
                st.execute("create trigger journal_no_update before update on journal begin "
                        + "select raise(abort, 'journal entries are append-only (HR-9)'); end");
            }
            return null;
        });
    }

    private byte[] payload(JournalEntry e) throws SQLException {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("select payload from journal where entry_id = ?")) {
                ps.setString(1, e.entryId().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
    }

    @Test
    @DisplayName("HR-9 one flipped byte in an unsent entry: named and quarantined, the list and the check answer, the later entries flow to the server")
    void aCorruptEntryIsNamedQuarantinedAndNeverHoldsTheOthers() throws Exception {
        List<JournalEntry> written = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            written.add(append(i));
        }
        JournalEntry broken = written.get(1);
        JournalEntry altered = written.get(2);
        byte[] original = payload(broken);
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x01;
        try {
            bypassingTriggers("update journal set payload = ? where entry_id = ?", flipped, broken.entryId().toString());
            bypassingTriggers("update journal set actor = ? where entry_id = ?", "cashier-9", altered.entryId().toString());
            long before = broken.kioskSeq() - 1;

            // the journal reads past it, naming it
            Journal.Stretch stretch = journal.readStretch(before, 10);
            assertThat(stretch.recorded()).extracting(r -> r.entry().entryId()).containsExactly(written.get(3).entryId());
            assertThat(stretch.unreadable()).extracting(Journal.Unreadable::kioskSeq, Journal.Unreadable::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(broken.kioskSeq(), "cannot-decrypt"),
                    org.assertj.core.groups.Tuple.tuple(altered.kioskSeq(), "hash-mismatch"));
            assertThat(journal.quarantined()).extracting(Journal.Unreadable::kioskSeq).contains(broken.kioskSeq(), altered.kioskSeq());
            assertThat(journal.readAfter(before - 1, 10)).extracting(JournalEntry::entryId).containsExactly(written.get(0).entryId(),
                    written.get(3).entryId());

            // the kiosk's pages answer, naming the entry (no 500)
            String cookie = Desk.login("cashier-1");
            given().cookie("kiosk_session", cookie).get("/api/journal?after=" + before + "&limit=10").then().statusCode(200)
                    .body("find { it.kioskSeq == " + broken.kioskSeq() + " }.unreadable", equalTo("cannot-decrypt"))
                    .body("find { it.kioskSeq == " + altered.kioskSeq() + " }.unreadable", equalTo("hash-mismatch"))
                    .body("find { it.kioskSeq == " + written.get(3).kioskSeq() + " }.eventType", equalTo("TestRecorded"));
            given().cookie("kiosk_session", cookie).get("/api/journal/integrity").then().statusCode(200)
                    .body("problems", hasItem("cannot-decrypt at kiosk_seq " + broken.kioskSeq()))
                    .body("unreadable.kioskSeq", hasItem((int) broken.kioskSeq()));

            // the sync agent's source reports both in their place; a sender over it reaches the end
            EntrySource.Read read = adapter.readBatch(before, 10);
            assertThat(read.entries()).extracting(JournalEntry::entryId).containsExactly(written.get(3).entryId());
            assertThat(read.unreadable()).containsExactly(
                    new UnreadableEntry(broken.kioskSeq(), broken.entryId(), "TestRecorded", broken.contentHash(), "cannot-decrypt"),
                    new UnreadableEntry(altered.kioskSeq(), altered.entryId(), "TestRecorded", altered.contentHash(), "hash-mismatch"));
            List<PushBatch> pushed = new ArrayList<>();
            long last = journal.lastSeq();
            EntrySource source = new EntrySource() {
                @Override
                public String kioskId() {
                    return journal.kioskId().orElseThrow();
                }

                @Override
                public List<JournalEntry> readAfter(long afterSeq, int limit) {
                    return adapter.readAfter(afterSeq, limit);
                }

                @Override
                public Read readBatch(long afterSeq, int limit) {
                    return adapter.readBatch(afterSeq, limit);
                }

                @Override
                public Backlog backlog() {
                    return new Backlog(0, null, last);
                }

                @Override
                public void confirmed(long cursor) {
                    // the shared test journal's watermark is the real agent's business
                }
            };
            long[] cursor = {before};
            PushPort server = b -> {
                pushed.add(b);
                TreeSet<Long> seqs = new TreeSet<>();
                b.entriesOrEmpty().forEach(w -> seqs.add(w.kioskSeq()));
                b.unreadableOrEmpty().forEach(u -> seqs.add(u.kioskSeq()));
                for (Iterator<Long> it = seqs.iterator(); it.hasNext(); ) {
                    long s = it.next();
                    if (s == cursor[0] + 1) {
                        cursor[0] = s;
                    }
                }
                return new PushPort.Stored(new PushReceipt(1, b.kioskId(), cursor[0], cursor[0], List.of(), b.entriesOrEmpty().size(), 0, 0,
                        List.of(), Instant.now()));
            };
            SyncSender sender = new SyncSender(source, server, java.time.InstantSource.system(),
                    new SenderSettings(10, Duration.ofMillis(10), Duration.ofMillis(100)), new SplittableRandom(1));
            assertThat(sender.drain(20)).isEqualTo(new SyncSender.CaughtUp(last));
            PushBatch withLoss = pushed.stream().filter(b -> !b.unreadableOrEmpty().isEmpty()).findFirst().orElseThrow();
            assertThat(withLoss.protocol()).isEqualTo(2);

            // the kiosk writes the report exactly in the shape of the protocol's golden file
            JsonNode golden = json.readTree(Files.readString(Path.of("..", "sync", "src", "test", "resources", "contract", "v2",
                    "push-batch-unreadable.json")));
            JsonNode sent = json.readTree(new org.hospital.continuity.sync.protocol.PushBatchWriter().write(withLoss));
            List<String> goldenFields = new ArrayList<>();
            golden.get("unreadable").get(0).fieldNames().forEachRemaining(goldenFields::add);
            List<String> sentFields = new ArrayList<>();
            sent.get("unreadable").get(0).fieldNames().forEachRemaining(sentFields::add);
            assertThat(sentFields).isEqualTo(goldenFields);
        } finally {
            bypassingTriggers("update journal set payload = ? where entry_id = ?", original, broken.entryId().toString());
            bypassingTriggers("update journal set actor = ? where entry_id = ?", altered.actor(), altered.entryId().toString());
            database.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("delete from journal_quarantine");
                }
            });
        }
        assertThat(journal.verify().problems()).isEmpty();
    }
}
