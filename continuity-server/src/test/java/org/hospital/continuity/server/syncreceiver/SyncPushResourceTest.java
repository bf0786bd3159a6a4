package org.hospital.continuity.server.syncreceiver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hospital.continuity.server.syncreceiver.SyncFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.syncreceiver.app.PushAdmission;
import org.hospital.continuity.server.syncreceiver.persistence.SyncStore;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.Backlog;
import org.hospital.continuity.sync.protocol.PushBatch;
import org.hospital.continuity.sync.protocol.SyncProtocol;
import org.hospital.continuity.sync.protocol.WireEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The push endpoint: contract, idempotence, gaps, integrity incidents, backpressure, and every bad input. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SyncPushResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    @Inject
    PushAdmission admission;

    @Inject
    SyncStore store;

    @Inject
    SyncedJournal synced;

    private ValidatableResponse push(String kiosk, String secret, String body) {
        return given().contentType(ContentType.JSON).header("Authorization", auth(kiosk, secret)).body(body)
                .when().post(SyncProtocol.PUSH_PATH).then();
    }

    private ValidatableResponse push(String kiosk, List<JournalEntry> entries) {
        return push(kiosk, TEST_SECRET, body(kiosk, entries));
    }

    @Test
    @DisplayName("contract: the golden push is stored byte-identical and answered with the golden receipt's fields; re-sent it is a no-op")
    void theGoldenPushIsStoredAndItsReplayIsANoOp() throws Exception {
        String golden = golden("push-batch.json");
        String answer = push("kiosk-sf-01", "sf-01-secret", golden).statusCode(200).contentType(ContentType.JSON)
                .body("cursor", equalTo(2)).body("accepted", equalTo(2)).body("duplicates", equalTo(0))
                .body("rejected", equalTo(0)).extract().asString();
        Set<String> expectedFields = new TreeSet<>();
        JSON.readTree(golden("push-receipt.json")).fieldNames().forEachRemaining(expectedFields::add);
        Set<String> actualFields = new TreeSet<>();
        JSON.readTree(answer).fieldNames().forEachRemaining(actualFields::add);
        assertThat(actualFields).isEqualTo(expectedFields);

        PushBatch batch = JSON.readValue(golden, PushBatch.class);
        for (WireEntry w : batch.entries()) {
            JournalEntry stored = stored(pool, w.entryId());
            assertThat(stored).isEqualTo(w.toEnvelope());
            assertThat(stored.hashMatches()).isTrue();
        }

        push("kiosk-sf-01", "sf-01-secret", golden).statusCode(200)
                .body("cursor", equalTo(2)).body("accepted", equalTo(0)).body("duplicates", equalTo(2));
        assertThat(entries(pool, "kiosk-sf-01")).isEqualTo(2);
    }

    private void forget(String kiosk) {
        for (String table : List.of("sync_entry", "sync_unreadable_entry", "sync_kiosk")) {
            pool.preparedQuery("delete from " + table + " where kiosk_id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(kiosk))
                    .await().indefinitely();
        }
    }

    @Test
    @DisplayName("contract, protocol 2: the golden push with an entry unreadable on the kiosk settles that sequence; the entry before it is stored")
    void theGoldenUnreadablePushSettlesItsSequence() throws Exception {
        forget("kiosk-sf-01");
        try {
            String golden = java.nio.file.Files.readString(java.nio.file.Path.of("..", "sync", "src", "test", "resources", "contract", "v2",
                    "push-batch-unreadable.json"));
            push("kiosk-sf-01", "sf-01-secret", golden).statusCode(200).contentType(ContentType.JSON)
                    .body("protocol", equalTo(1)).body("cursor", equalTo(2)).body("accepted", equalTo(1)).body("rejected", equalTo(0));
            assertThat(entries(pool, "kiosk-sf-01")).isEqualTo(1);
            assertThat(count(pool, "select count(*) from sync_unreadable_entry where kiosk_id = $1 and kiosk_seq = 2 and reason = $2",
                    "kiosk-sf-01", "cannot-decrypt")).isEqualTo(1);
            // re-sent: nothing new, the same cursor
            push("kiosk-sf-01", "sf-01-secret", golden).statusCode(200).body("cursor", equalTo(2)).body("duplicates", equalTo(1));
            TestAccounts.asAdmin().get("/api/sync/v1/kiosks/kiosk-sf-01").then().statusCode(200)
                    .body("entriesStored", equalTo(1)).body("unreadableOnKiosk", equalTo(1)).body("confirmed", equalTo(2));
        } finally {
            forget("kiosk-sf-01");
        }
    }

    @Test
    @DisplayName("one entry unreadable on the kiosk never blocks the later ones: seq 16 reported, 17.. stored, cursor at the end; IT sees kiosk, sequence and reason in Chinese")
    void anUnreadableEntryNeverBlocksTheLaterOnes() throws Exception {
        List<JournalEntry> journal = range("kiosk-t21", 1, 20);
        push("kiosk-t21", journal.subList(0, 15)).statusCode(200).body("cursor", equalTo(15));
        JournalEntry lost = journal.get(15);
        List<JournalEntry> rest = journal.subList(16, 20);
        String body = JSON.writeValueAsString(PushBatch.of("kiosk-t21", UUID.randomUUID(), new Backlog(5, lost.recordedAt(), 20), rest,
                List.of(new org.hospital.continuity.sync.protocol.UnreadableEntry(16L, lost.entryId(), lost.eventType(), lost.contentHash(),
                        "hash-mismatch"))));
        push("kiosk-t21", TEST_SECRET, body).statusCode(200).body("cursor", equalTo(20)).body("accepted", equalTo(4))
                .body("gaps", hasSize(0));
        assertThat(entries(pool, "kiosk-t21")).isEqualTo(19);
        assertThat(stored(pool, lost.entryId())).isNull();
        TestAccounts.asAdmin().get("/api/sync/v1/kiosks/kiosk-t21").then().statusCode(200)
                .body("entriesStored", equalTo(19)).body("unreadableOnKiosk", equalTo(1)).body("confirmed", equalTo(20))
                .body("backlogPending", equalTo(0));
        TestAccounts.asAdmin().get("/api/sync/v1/unreadable").then().statusCode(200)
                .body("find { it.kioskId == 'kiosk-t21' }.kioskSeq", equalTo(16))
                .body("find { it.kioskId == 'kiosk-t21' }.eventType", equalTo("ChargeRecorded"))
                .body("find { it.kioskId == 'kiosk-t21' }.reasonText", equalTo("自助机上内容与登记时的校验值不符（已被改动或损坏）"));
        // the write-back's conservation ledger reads them through the receiver's public face (confirmed = received + unreadable)
        assertThat(synced.unreadableOnKiosks(List.of("kiosk-t21", "kiosk-none")).await().indefinitely())
                .containsExactly(new SyncedJournal.UnreadableOnKiosk("kiosk-t21", 16, "ChargeRecorded", "hash-mismatch"));
        // a report for a sequence the server already holds changes nothing: the held entry stays
        JournalEntry held = journal.get(2);
        String late = JSON.writeValueAsString(PushBatch.of("kiosk-t21", UUID.randomUUID(), new Backlog(0, null, 20), List.of(),
                List.of(new org.hospital.continuity.sync.protocol.UnreadableEntry(3L, held.entryId(), null, null, "cannot-decrypt"))));
        push("kiosk-t21", TEST_SECRET, late).statusCode(200).body("cursor", equalTo(20));
        assertThat(count(pool, "select count(*) from sync_unreadable_entry where kiosk_id = $1", "kiosk-t21")).isEqualTo(1);
        assertThat(stored(pool, held.entryId())).isEqualTo(held);
    }

    @Test
    @DisplayName("an unreadable report in a version-1 batch, or with a made-up reason, refuses the push: 422, nothing stored")
    void aMalformedUnreadableReportIsRefused() throws Exception {
        JournalEntry e = entry("kiosk-t23", 1);
        String v1 = JSON.writeValueAsString(new PushBatch(1, "kiosk-t23", UUID.randomUUID(), new Backlog(2, e.recordedAt(), 2),
                List.of(WireEntry.of(e)), List.of(new org.hospital.continuity.sync.protocol.UnreadableEntry(2L, null, null, null, "cannot-decrypt"))));
        push("kiosk-t23", TEST_SECRET, v1).statusCode(422).contentType(PROBLEM).body("violations.field", hasItem("unreadable"));
        String madeUp = JSON.writeValueAsString(new PushBatch(2, "kiosk-t23", UUID.randomUUID(), new Backlog(2, e.recordedAt(), 2),
                List.of(WireEntry.of(e)), List.of(new org.hospital.continuity.sync.protocol.UnreadableEntry(2L, null, null, null, "lost"))));
        push("kiosk-t23", TEST_SECRET, madeUp).statusCode(422).body("violations.field", hasItem("unreadable[0].reason"));
        assertThat(entries(pool, "kiosk-t23")).isZero();
        assertThat(count(pool, "select count(*) from sync_unreadable_entry where kiosk_id = $1", "kiosk-t23")).isZero();
    }

    private static JournalEntry modeEntry(String kiosk, long seq, UUID stream, org.hospital.continuity.sync.contract.DowntimeRecord record) {
        boolean entered = record instanceof org.hospital.continuity.sync.contract.DowntimeRecord.DowntimeEntered;
        return JournalEntry.seal(UUID.randomUUID(), kiosk, seq, "mode", stream, entered ? 1 : 2, entered ? "DowntimeEntered" : "DowntimeLeft",
                2, org.hospital.continuity.sync.contract.Contract.CURRENT.write(record, 2), T0.plusSeconds(seq), (T0.toEpochMilli() + seq) << 16,
                "acct-3");
    }

    @Test
    @DisplayName("EP-6.1 a downtime entry citing an instruction the server never issued is stored and raised as an integrity flag for IT, in Chinese; one citing a real instruction is not")
    void aDowntimeEntryCitingAnUnknownInstructionIsFlagged() {
        UUID real = UUID.randomUUID();
        long number = count(pool, "select coalesce(max(number), 0) + 1000 from instruction");
        pool.preparedQuery("insert into instruction (id, event_seq, dedupe_key, party, party_kind, kind, mode_after, clause, text_zh, text_en, "
                + "issued_at, issued_by, number) values ($1, 1, $2, 'OUTPATIENT_CASHIER', 'DEPARTMENT', 'SWITCH_TO_MANUAL', 'MANUAL', 'EP-6.1', "
                + "'转入手工', 'switch to manual', now(), 'it-1', $3)").execute(io.vertx.mutiny.sqlclient.Tuple.of(real, "test-" + real, number))
                .await().indefinitely();
        UUID streamA = UUID.randomUUID();
        UUID streamB = UUID.randomUUID();
        java.time.Instant at = T0;
        var madeUp = new org.hospital.continuity.sync.contract.DowntimeRecord.DowntimeEntered("ANNOUNCED", "made-up-123", at, "停机", 0, null,
                null, null, null, null);
        var genuine = new org.hospital.continuity.sync.contract.DowntimeRecord.DowntimeLeft("ANNOUNCED", real.toString(), "恢复", 60, number,
                null, null, null, null);
        var phonedUnknownNumber = new org.hospital.continuity.sync.contract.DowntimeRecord.DowntimeEntered("SUPERVISOR", null, null,
                "电话通知", 2, 987_654_321L, "收费组长乙", "super-2", "收费组长丙", true);
        var phonedNoNumber = new org.hospital.continuity.sync.contract.DowntimeRecord.DowntimeLeft("SUPERVISOR", null, "电话通知恢复", 30,
                null, "收费组长乙", "super-2", "收费组长丙", true);
        List<JournalEntry> entries = List.of(modeEntry("kiosk-t22", 1, streamA, madeUp), modeEntry("kiosk-t22", 2, streamA, genuine),
                modeEntry("kiosk-t22", 3, streamB, phonedUnknownNumber), modeEntry("kiosk-t22", 4, streamB, phonedNoNumber));
        push("kiosk-t22", entries).statusCode(200).body("cursor", equalTo(4)).body("accepted", equalTo(4)).body("rejected", equalTo(0));
        assertThat(entries(pool, "kiosk-t22")).isEqualTo(4);
        assertThat(count(pool, "select count(*) from sync_integrity_incident where kiosk_id = $1 and reason = 'unknown-instruction'", "kiosk-t22"))
                .isEqualTo(2);
        TestAccounts.asAdmin().get("/api/sync/v1/incidents").then().statusCode(200)
                .body("findAll { it.kioskId == 'kiosk-t22' }.kioskSeq", org.hamcrest.Matchers.containsInAnyOrder(1, 3))
                .body("find { it.kioskId == 'kiosk-t22' }.reasonText", equalTo("停机记录引用的指令不是本系统发出的（指令编号或编码无法核实）"));
        TestAccounts.asAdmin().get("/api/sync/v1/kiosks/kiosk-t22").then().statusCode(200).body("incidents", equalTo(2));
        // re-sent: still two flags, once each
        push("kiosk-t22", entries).statusCode(200).body("duplicates", equalTo(4));
        assertThat(count(pool, "select count(*) from sync_integrity_incident where kiosk_id = $1", "kiosk-t22")).isEqualTo(2);
    }

    @Test
    @DisplayName("a gap is reported when 4 arrives before 3, and the cursor passes it once 3 comes")
    void gapsAreReportedAndFilled() {
        List<JournalEntry> journal = range("kiosk-t1", 1, 4);
        push("kiosk-t1", journal.subList(0, 2)).statusCode(200).body("cursor", equalTo(2));
        push("kiosk-t1", journal.subList(3, 4)).statusCode(200)
                .body("cursor", equalTo(2)).body("highestHeld", equalTo(4))
                .body("gaps", hasSize(1)).body("gaps[0].from", equalTo(3)).body("gaps[0].to", equalTo(3));
        push("kiosk-t1", journal.subList(2, 4)).statusCode(200)
                .body("cursor", equalTo(4)).body("gaps", hasSize(0)).body("accepted", equalTo(1)).body("duplicates", equalTo(1));
        TestAccounts.asAdmin().get("/api/sync/v1/kiosks/kiosk-t1").then().statusCode(200).body("cursor", equalTo(4));
    }

    @Test
    @DisplayName("HR-9 the same entry id with different content is refused loudly, recorded once as an integrity incident, never overwritten")
    void aContentConflictIsRecordedAndNeverOverwrites() {
        JournalEntry original = entry("kiosk-t2", 1, UUID.randomUUID(), org.hospital.continuity.sync.testkit.ContractPayloads.charge(1000));
        push("kiosk-t2", List.of(original)).statusCode(200).body("accepted", equalTo(1));
        JournalEntry forged = entry("kiosk-t2", 1, original.entryId(), org.hospital.continuity.sync.testkit.ContractPayloads.charge(10));

        for (int attempt = 0; attempt < 2; attempt++) {
            push("kiosk-t2", List.of(forged)).statusCode(200)
                    .body("accepted", equalTo(0)).body("rejected", equalTo(1))
                    .body("rejections[0].reason", equalTo("content-conflict"))
                    .body("rejections[0].entryId", equalTo(original.entryId().toString()))
                    .body("cursor", equalTo(1));
        }
        assertThat(stored(pool, original.entryId()).contentHash()).isEqualTo(original.contentHash());
        assertThat(count(pool, "select count(*) from sync_integrity_incident where entry_id = $1 and offered_hash = $2",
                original.entryId(), forged.contentHash())).isEqualTo(1);
        TestAccounts.asAdmin().get("/api/sync/v1/incidents").then().statusCode(200)
                .body("entryId", hasItem(original.entryId().toString()))
                .body("find { it.entryId == '" + original.entryId() + "' }.heldHash", equalTo(original.contentHash()));
    }

    @Test
    @DisplayName("a re-sent batch meets the held rows in the plain insert; stored again the careful way it is a no-op answering the same cursor")
    void aResentBatchIsANoOpThroughTheFallback() {
        List<JournalEntry> journal = range("kiosk-t9", 1, 4);
        push("kiosk-t9", journal.subList(1, 3)).statusCode(200).body("cursor", equalTo(0)).body("highestHeld", equalTo(3));
        long fallbacks = store.plainInsertFallbacks();

        // 2..3 again (the answer was lost): above the cursor, so the plain insert is tried, meets the held rows, and falls back
        push("kiosk-t9", journal.subList(1, 3)).statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(2)).body("rejected", equalTo(0))
                .body("cursor", equalTo(0)).body("highestHeld", equalTo(3))
                .body("gaps", hasSize(1)).body("gaps[0].from", equalTo(1)).body("gaps[0].to", equalTo(1));
        assertThat(store.plainInsertFallbacks()).isEqualTo(fallbacks + 1);
        assertThat(entries(pool, "kiosk-t9")).isEqualTo(2);

        // 1..4 with 2..3 held: the new ones are stored, the held ones are duplicates, the cursor passes all
        push("kiosk-t9", journal).statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(2)).body("rejected", equalTo(0))
                .body("cursor", equalTo(4)).body("gaps", hasSize(0));
        assertThat(store.plainInsertFallbacks()).isEqualTo(fallbacks + 2);

        // all at or below the cursor: the careful way directly, the same answer
        push("kiosk-t9", journal).statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(4)).body("cursor", equalTo(4));
        assertThat(store.plainInsertFallbacks()).isEqualTo(fallbacks + 2);
        assertThat(entries(pool, "kiosk-t9")).isEqualTo(4);
        for (JournalEntry e : journal) {
            assertThat(stored(pool, e.entryId())).isEqualTo(e);
        }
        TestAccounts.asAdmin().get("/api/sync/v1/kiosks/kiosk-t9").then().statusCode(200)
                .body("cursor", equalTo(4)).body("entriesStored", equalTo(4)).body("duplicatesSeen", equalTo(8)).body("incidents", equalTo(0));
    }

    @Test
    @DisplayName("HR-9 new entries mixed with a held entry's id and other content: through the fallback, the conflict is an integrity incident, the new ones are stored, nothing overwritten")
    void aMixedBatchWithAConflictKeepsItsSemanticsThroughTheFallback() {
        JournalEntry first = entry("kiosk-t10", 1);
        JournalEntry original = entry("kiosk-t10", 2, UUID.randomUUID(), org.hospital.continuity.sync.testkit.ContractPayloads.charge(1000));
        push("kiosk-t10", List.of(first, original)).statusCode(200).body("accepted", equalTo(2)).body("cursor", equalTo(2));
        long fallbacks = store.plainInsertFallbacks();

        JournalEntry forged = entry("kiosk-t10", 2, original.entryId(), org.hospital.continuity.sync.testkit.ContractPayloads.charge(10));
        List<JournalEntry> mixed = List.of(forged, entry("kiosk-t10", 3), entry("kiosk-t10", 4));
        push("kiosk-t10", mixed).statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(0)).body("rejected", equalTo(1))
                .body("rejections[0].reason", equalTo("content-conflict"))
                .body("rejections[0].entryId", equalTo(original.entryId().toString()))
                .body("cursor", equalTo(4)).body("gaps", hasSize(0));
        assertThat(store.plainInsertFallbacks()).isEqualTo(fallbacks + 1);

        assertThat(stored(pool, original.entryId()).contentHash()).isEqualTo(original.contentHash());
        assertThat(stored(pool, mixed.get(1).entryId())).isEqualTo(mixed.get(1));
        assertThat(stored(pool, mixed.get(2).entryId())).isEqualTo(mixed.get(2));
        assertThat(entries(pool, "kiosk-t10")).isEqualTo(4);
        assertThat(count(pool, "select count(*) from sync_integrity_incident where entry_id = $1 and offered_hash = $2",
                original.entryId(), forged.contentHash())).isEqualTo(1);
        TestAccounts.asAdmin().get("/api/sync/v1/kiosks/kiosk-t10").then().statusCode(200)
                .body("cursor", equalTo(4)).body("entriesStored", equalTo(4)).body("incidents", equalTo(1));
    }

    @Test
    void anotherEntryAtAHeldSequenceIsASequenceConflict() {
        push("kiosk-t2", List.of(entry("kiosk-t2", 50))).statusCode(200);
        JournalEntry intruder = entry("kiosk-t2", 50);
        push("kiosk-t2", List.of(intruder)).statusCode(200)
                .body("rejected", equalTo(1)).body("rejections[0].reason", equalTo("sequence-conflict"));
        assertThat(stored(pool, intruder.entryId())).isNull();
    }

    @Test
    @DisplayName("the kiosk's backlog and oldest unsent time are stored with each push, for the board")
    void theBacklogIsStoredForTheBoard() {
        Instant oldest = Instant.parse("2026-11-21T01:02:03Z");
        push("kiosk-t3", TEST_SECRET, body("kiosk-t3", new Backlog(7, oldest, 9), range("kiosk-t3", 1, 2))).statusCode(200);
        TestAccounts.asAdmin().get("/api/sync/v1/kiosks/kiosk-t3").then().statusCode(200)
                .body("backlogPending", equalTo(7)).body("oldestUnsentAt", equalTo("2026-11-21T01:02:03Z"))
                .body("kioskLastSeq", equalTo(9)).body("cursor", equalTo(2));
        TestAccounts.asAdmin().get("/api/sync/v1/kiosks").then().statusCode(200).body("kioskId", hasItem("kiosk-t3"));
    }

    @Test
    @DisplayName("a kiosk that delivered its last entries shows no backlog on the board, though it reported the backlog from before the push")
    void theBacklogDrainsToZeroWithTheLastPush() {
        Instant oldest = Instant.parse("2026-11-21T02:00:00Z");
        push("kiosk-t8", TEST_SECRET, body("kiosk-t8", new Backlog(3, oldest, 3), range("kiosk-t8", 1, 2))).statusCode(200);
        TestAccounts.asAdmin().get("/api/sync/v1/kiosks/kiosk-t8").then().statusCode(200)
                .body("backlogPending", equalTo(1)).body("oldestUnsentAt", equalTo("2026-11-21T02:00:00Z"));
        push("kiosk-t8", TEST_SECRET, body("kiosk-t8", new Backlog(1, oldest, 3), range("kiosk-t8", 3, 3))).statusCode(200);
        TestAccounts.asAdmin().get("/api/sync/v1/kiosks/kiosk-t8").then().statusCode(200)
                .body("backlogPending", equalTo(0)).body("oldestUnsentAgeSeconds", equalTo(0)).body("cursor", equalTo(3));
    }

    @Test
    @DisplayName("an empty push is a handshake: it answers the cursor and stores nothing")
    void anEmptyPushAnswersTheCursor() {
        push("kiosk-t4", range("kiosk-t4", 1, 3)).statusCode(200);
        push("kiosk-t4", List.of()).statusCode(200).body("cursor", equalTo(3)).body("accepted", equalTo(0));
    }

    // ---- backpressure -------------------------------------------------------------------------

    @Test
    @DisplayName("a second push of a kiosk while its first is being stored gets 429 with Retry-After")
    void aConcurrentPushOfTheSameKioskIs429() {
        assertThat(admission.tryEnter("kiosk-t5")).isNull();
        try {
            push("kiosk-t5", range("kiosk-t5", 1, 1)).statusCode(429).contentType(PROBLEM)
                    .header("Retry-After", "1").body("type", equalTo("/problems/sync-busy"));
        } finally {
            admission.leave("kiosk-t5");
        }
        assertThat(entries(pool, "kiosk-t5")).isZero();
    }

    @Test
    @DisplayName("when every slot stays taken past the admission wait, a push gets 503 with Retry-After and nothing is stored")
    void aFullServerAnswers503() {
        List<String> holders = fillEverySlot();
        try {
            push("kiosk-t5", range("kiosk-t5", 1, 1)).statusCode(503).header("Retry-After", "1").contentType(PROBLEM)
                    .body("type", equalTo("/problems/sync-busy"));
        } finally {
            holders.forEach(admission::leave);
        }
        assertThat(entries(pool, "kiosk-t5")).isZero();
    }

    @Test
    @DisplayName("a push that finds every slot taken waits in line and is stored as soon as a slot frees")
    void aPushWaitsForAFreeSlot() throws Exception {
        long before = entries(pool, "kiosk-t7");
        List<String> holders = fillEverySlot();
        java.util.concurrent.CompletableFuture<Integer> status = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                push("kiosk-t7", range("kiosk-t7", before + 1, before + 1)).extract().statusCode());
        try {
            Thread.sleep(200);
            assertThat(status).isNotDone();
        } finally {
            holders.forEach(admission::leave);
        }
        assertThat(status.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(entries(pool, "kiosk-t7")).isEqualTo(before + 1);
    }

    private List<String> fillEverySlot() {
        List<String> holders = new ArrayList<>();
        for (int i = 0; admission.tryEnter("holder-" + i) == null; i++) {
            holders.add("holder-" + i);
        }
        return holders;
    }

    // ---- bad input: clear 4xx, nothing stored -------------------------------------------------

    private void refused(ValidatableResponse r, int status, String type) {
        long before = allEntries(pool);
        r.statusCode(status).contentType(PROBLEM).body("type", equalTo(type)).body("status", equalTo(status));
        assertThat(allEntries(pool)).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aPushWithoutCredentialIs401() {
        long before = allEntries(pool);
        given().contentType(ContentType.JSON).body(body("kiosk-t6", range("kiosk-t6", 1, 1))).post(SyncProtocol.PUSH_PATH).then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Basic realm=\"kiosk-sync\"")
                .body("type", equalTo("/problems/kiosk-credential-required"));
        assertThat(allEntries(pool)).isEqualTo(before);
    }

    @Test
    void anUnknownKioskIs401() {
        refused(push("kiosk-nobody", "whatever", body("kiosk-nobody", range("kiosk-nobody", 1, 1))), 401, "/problems/unknown-kiosk");
    }

    @Test
    void aWrongSecretIs401() {
        refused(push("kiosk-t6", "not-the-secret", body("kiosk-t6", range("kiosk-t6", 1, 1))), 401, "/problems/unknown-kiosk");
    }

    @Test
    void aRevokedCredentialIs403() {
        refused(push("kiosk-revoked", "revoked-secret", body("kiosk-revoked", range("kiosk-revoked", 1, 1))), 403,
                "/problems/credential-revoked");
    }

    @Test
    void aMalformedEnvelopeIs422NamingTheFields() throws Exception {
        JsonNode batch = JSON.readTree(body("kiosk-t6", range("kiosk-t6", 1, 2)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) batch.get("entries").get(1)).remove("payload");
        ValidatableResponse r = push("kiosk-t6", TEST_SECRET, batch.toString());
        r.body("violations.field", hasItem("entries[1].payload"));
        refused(push("kiosk-t6", TEST_SECRET, batch.toString()), 422, "/problems/malformed-envelope");
    }

    @Test
    @DisplayName("HR-9 an entry that does not match its hash refuses the whole batch: 422, nothing stored")
    void aWrongHashIs422() throws Exception {
        JsonNode batch = JSON.readTree(body("kiosk-t6", range("kiosk-t6", 1, 3)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) batch.get("entries").get(2)).put("payload", "{\"fee\":1}");
        refused(push("kiosk-t6", TEST_SECRET, batch.toString()), 422, "/problems/content-hash-mismatch");
        push("kiosk-t6", TEST_SECRET, batch.toString()).body("violations.field", hasItem("entries[2].contentHash"));
    }

    @Test
    @DisplayName("a payload whose bytes are not UTF-8 (stray, truncated, overlong, encoded surrogate, beyond U+10FFFF): 4xx, nothing stored")
    void invalidUtf8IsRefusedAndNothingStored() throws Exception {
        JournalEntry e = SyncFixtures.entry("kiosk-t11", 1, UUID.randomUUID(), org.hospital.continuity.sync.testkit.ContractPayloads.charge(1000, "挂号费"));
        byte[] good = body("kiosk-t11", List.of(e)).getBytes(StandardCharsets.UTF_8);
        byte[] gua = "挂".getBytes(StandardCharsets.UTF_8); // E6 8C 82
        int at = indexOf(good, gua);
        assertThat(at).isPositive();
        int[][] corruptions = {
            {0x80, 0x8C, 0x82}, // a continuation byte where a character starts
            {0xE6, 0x8C, 0x41}, // truncated: the third byte is ASCII
            {0xE0, 0x80, 0xAF}, // overlong '/'
            {0xED, 0xA0, 0x80}, // an encoded surrogate (U+D800)
            {0xF8, 0x88, 0x80}, // no UTF-8 lead byte
        };
        for (int[] c : corruptions) {
            byte[] bad = good.clone();
            for (int k = 0; k < 3; k++) {
                bad[at + k] = (byte) c[k];
            }
            long before = allEntries(pool);
            ValidatableResponse r = given().contentType(ContentType.JSON).header("Authorization", auth("kiosk-t11", TEST_SECRET))
                    .body(bad).when().post(SyncProtocol.PUSH_PATH).then();
            int status = r.extract().statusCode();
            assertThat(status).as(java.util.Arrays.toString(c)).isIn(400, 422);
            r.contentType(PROBLEM).body("type", status == 400 ? equalTo("/problems/malformed-json")
                    : equalTo("/problems/content-hash-mismatch"));
            assertThat(allEntries(pool)).as("nothing stored").isEqualTo(before);
        }
        // the same body uncorrupted is stored, its payload byte-identical
        given().contentType(ContentType.JSON).header("Authorization", auth("kiosk-t11", TEST_SECRET)).body(good)
                .when().post(SyncProtocol.PUSH_PATH).then().statusCode(200).body("accepted", equalTo(1));
        assertThat(stored(pool, e.entryId())).isEqualTo(e);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void anOversizeBatchIs413() {
        refused(push("kiosk-t6", TEST_SECRET, body("kiosk-t6", range("kiosk-t6", 1, SyncProtocol.MAX_BATCH_ENTRIES + 1))), 413,
                "/problems/batch-too-large");
    }

    @Test
    void anOversizeBodyIs413BeforeItIsRead() {
        long before = allEntries(pool);
        String huge = "{\"protocol\":1,\"kioskId\":\"kiosk-t6\",\"entries\":[],\"pad\":\"" + "x".repeat(33 * 1024 * 1024) + "\"}";
        push("kiosk-t6", TEST_SECRET, huge).statusCode(413).contentType(PROBLEM).body("type", equalTo("/problems/payload-too-large"));
        assertThat(allEntries(pool)).isEqualTo(before);
    }

    @Test
    @DisplayName("HR-9 a payload with U+0000 (which PostgreSQL's text cannot hold) is a 422 naming the field, not a 503 retried forever; nothing stored")
    void aNulInAPayloadIs422() {
        long before = allEntries(pool);
        JournalEntry ok = JournalEntry.seal(UUID.randomUUID(), "kiosk-t6", 1, "charge", UUID.randomUUID(), 1, "ChargeRecorded", 1,
                "{\"note\":\"ok\"}", T0, 1, "acct-1");
        JournalEntry nul = JournalEntry.seal(UUID.randomUUID(), "kiosk-t6", 2, "charge", UUID.randomUUID(), 1, "ChargeRecorded", 1,
                "{\"note\":\"a\u0000b\"}", T0, 2, "acct-1");
        push("kiosk-t6", List.of(ok, nul)).statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-envelope"))
                .body("violations[0].field", equalTo("entries[1].payload"));
        assertThat(allEntries(pool)).as("nothing stored").isEqualTo(before);
    }

    @Test
    @DisplayName("a record that breaks the contract (total not the sum of its lines, unknown field, not JSON) is a 422 naming the field; nothing stored")
    void recordContentIsCheckedOnReceipt() {
        long before = allEntries(pool);
        JournalEntry ok = entry("kiosk-t6", 1);
        String wrongTotal = org.hospital.continuity.sync.testkit.ContractPayloads.charge(2500).replace("\"totalFen\":2500", "\"totalFen\":2600");
        JournalEntry bad = entry("kiosk-t6", 2, UUID.randomUUID(), wrongTotal);
        push("kiosk-t6", List.of(ok, bad)).statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/record-content-invalid"))
                .body("violations.field", hasItem("entries[1].payload.totalFen"));
        JournalEntry notJson = entry("kiosk-t6", 2, UUID.randomUUID(), "not JSON {");
        push("kiosk-t6", List.of(ok, notJson)).statusCode(422).body("violations.field", hasItem("entries[1].payload"));
        JournalEntry extra = entry("kiosk-t6", 2, UUID.randomUUID(),
                org.hospital.continuity.sync.testkit.ContractPayloads.charge(10).replace("{", "{\"guardian\":\"x\","));
        push("kiosk-t6", List.of(ok, extra)).statusCode(422).body("violations.field", hasItem("entries[1].payload.guardian"));
        assertThat(allEntries(pool)).as("nothing stored").isEqualTo(before);
    }

    @Test
    @DisplayName("forged pushes: a sequence of 2^62, one far above the server's cursor, a capture time in 2100 are 422 naming the field; nothing stored; another kiosk's push is unaffected")
    void forgedSequencesAndTimesAreRefused() {
        long before = allEntries(pool);
        push("kiosk-t24", range("kiosk-t24", 1, 2)).statusCode(200).body("cursor", equalTo(2));
        // a forged sequence of 2^62 with an honest clock (the fixture's clock follows the sequence and would overflow)
        JournalEntry forged = JournalEntry.seal(UUID.randomUUID(), "kiosk-t24", 1L << 62, "charge", UUID.randomUUID(), 1, "ChargeRecorded", 1,
                org.hospital.continuity.sync.testkit.ContractPayloads.charge(4), T0.plusSeconds(4), (T0.toEpochMilli() + 4) << 16, "acct-3");
        push("kiosk-t24", List.of(entry("kiosk-t24", 3), forged)).statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/malformed-envelope")).body("violations.field", hasItem("entries[1].kioskSeq"));
        long ahead = 2 + SyncProtocol.MAX_SEQ_AHEAD_OF_CURSOR + 1;
        push("kiosk-t24", List.of(entry("kiosk-t24", 3), entry("kiosk-t24", ahead))).statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/out-of-bounds")).body("violations.field", hasItem("entries[1].kioskSeq"));
        JournalEntry future = JournalEntry.seal(UUID.randomUUID(), "kiosk-t24", 3, "charge", UUID.randomUUID(), 1, "ChargeRecorded", 1,
                org.hospital.continuity.sync.testkit.ContractPayloads.charge(300), Instant.parse("2100-01-01T00:00:00Z"), 3, "acct-3");
        push("kiosk-t24", List.of(future)).statusCode(422).body("type", equalTo("/problems/out-of-bounds"))
                .body("violations.field", hasItem("entries[0].recordedAt"));
        assertThat(entries(pool, "kiosk-t24")).as("nothing of a refused push stored").isEqualTo(2);
        // the next honest push of this kiosk and another kiosk's push go on as before
        push("kiosk-t24", range("kiosk-t24", 3, 3)).statusCode(200).body("cursor", equalTo(3)).body("gaps", hasSize(0));
        push("kiosk-t25", range("kiosk-t25", 1, 1)).statusCode(200).body("cursor", equalTo(1));
        assertThat(allEntries(pool)).isEqualTo(before + 4);
    }

    @Test
    @DisplayName("HR-9 a void or correction whose approver is the account that made it is 422 naming payload.approvedBy; nothing stored; approved by another it is stored")
    void anApproverMustBeASecondPerson() throws Exception {
        UUID rx = UUID.randomUUID();
        UUID fix = UUID.randomUUID();
        // the record contract's golden prescription (sync/src/test/resources/contract/records/v1)
        String written = JSON.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("..", "sync", "src", "test", "resources",
                "contract", "records", "v1", "PrescriptionWritten.json"))).get("payload").toString();
        JournalEntry first = JournalEntry.seal(UUID.randomUUID(), "kiosk-t26", 2, "prescription", rx, 1, "PrescriptionWritten", 1, written,
                T0, 10, "doctor-1");
        java.util.function.Function<String, JournalEntry> voidBy = approver -> JournalEntry.seal(UUID.randomUUID(), "kiosk-t26", 3,
                "prescription", rx, 2, "ClinicalFormVoided", 2, org.hospital.continuity.sync.contract.Contract.write(
                        new org.hospital.continuity.sync.contract.DowntimeRecord.ClinicalFormVoided(rx, "开错病人", approver, "主任医师")),
                T0.plusSeconds(1), 11, "doctor-1");
        push("kiosk-t26", List.of(first, voidBy.apply("doctor-1"))).statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("/problems/record-content-invalid")).body("violations.field", hasItem("entries[1].payload.approvedBy"));
        push("kiosk-t26", List.of(first, voidBy.apply(null))).statusCode(422).body("violations.field", hasItem("entries[1].payload.approvedBy"));
        JournalEntry selfCorrected = JournalEntry.seal(UUID.randomUUID(), "kiosk-t26", 3, "prescription", rx, 2, "ClinicalFormCorrected", 2,
                org.hospital.continuity.sync.contract.Contract.write(new org.hospital.continuity.sync.contract.DowntimeRecord.ClinicalFormCorrected(
                        fix, "剂量写错", "doctor-1", "医生丁")), T0.plusSeconds(1), 11, "doctor-1");
        push("kiosk-t26", List.of(first, selfCorrected)).statusCode(422).body("violations.field", hasItem("entries[1].payload.approvedBy"));
        assertThat(count(pool, "select count(*) from sync_entry where kiosk_id = $1 and kiosk_seq > 1", "kiosk-t26")).isZero();
        push("kiosk-t26", List.of(first, voidBy.apply("doctor-2"))).statusCode(200);
        assertThat(count(pool, "select count(*) from sync_entry where kiosk_id = $1 and event_type = 'ClinicalFormVoided'", "kiosk-t26"))
                .isEqualTo(1);
    }

    @Test
    void aFutureSchemaVersionIs422() {
        JournalEntry future = JournalEntry.seal(UUID.randomUUID(), "kiosk-t6", 1, "charge", UUID.randomUUID(), 1, "ChargeRecorded", 3,
                "{}", T0, 1, "acct-1");
        refused(push("kiosk-t6", List.of(future)), 422, "/problems/future-schema-version");
    }

    @Test
    void aFutureProtocolIs400() throws Exception {
        JsonNode batch = JSON.readTree(body("kiosk-t6", range("kiosk-t6", 1, 1)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) batch).put("protocol", SyncProtocol.MAX_VERSION + 1);
        refused(push("kiosk-t6", TEST_SECRET, batch.toString()), 400, "/problems/unsupported-protocol-version");
    }

    @Test
    void malformedJsonIs400() {
        refused(push("kiosk-t6", TEST_SECRET, "{\"protocol\":1,\"entries\":[{\"kioskSeq\":\"abc\"}]}"), 400, "/problems/malformed-json");
        refused(push("kiosk-t6", TEST_SECRET, "{\"protocol\":1, "), 400, "/problems/malformed-json");
    }

    @Test
    void aKioskCannotPushForAnother() {
        refused(push("kiosk-t6", TEST_SECRET, body("kiosk-t1", range("kiosk-t1", 90, 90))), 403, "/problems/kiosk-mismatch");
    }

    @Test
    @DisplayName("HR-1 the sync board needs a signed-in account; integrity incidents are for IT and leadership")
    void theBoardIsGuarded() {
        given().get("/api/sync/v1/kiosks").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/sync/v1/incidents").then().statusCode(401).contentType(PROBLEM);
        TestAccounts.as(TestAccounts.cashier()).get("/api/sync/v1/incidents").then().statusCode(403).contentType(PROBLEM);
        TestAccounts.as(TestAccounts.leader()).get("/api/sync/v1/incidents").then().statusCode(200);
    }

    @Test
    void unknownKioskStateIs404() {
        TestAccounts.asAdmin().get("/api/sync/v1/kiosks/never-pushed").then().statusCode(404).contentType(PROBLEM);
    }

    static <T> List<T> list(Iterator<T> it) {
        List<T> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
