package org.hospital.continuity.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.envelope.Utf8Text;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BatchCheckTest {

    private static final BatchCheck.Limits LIMITS = BatchCheck.Limits.defaults(1);

    private static PushBatch batch(List<WireEntry> entries) {
        return new PushBatch(1, "kiosk-a", UUID.randomUUID(), Backlog.EMPTY, entries);
    }

    private static WireEntry wire(long seq) {
        return WireEntry.of(Entries.entry("kiosk-a", seq, "{\"n\":" + seq + "}"));
    }

    @Test
    void aWellFormedBatchIsValid() {
        BatchCheck.Verdict v = BatchCheck.check(batch(List.of(wire(1), wire(2))), "kiosk-a", LIMITS);
        assertThat(v).isInstanceOf(BatchCheck.Valid.class);
        assertThat(((BatchCheck.Valid) v).entries()).extracting(JournalEntry::kioskSeq).containsExactly(1L, 2L);
    }

    @Test
    void anEmptyBatchIsAValidHandshake() {
        assertThat(BatchCheck.check(batch(List.of()), "kiosk-a", LIMITS)).isInstanceOf(BatchCheck.Valid.class);
        assertThat(BatchCheck.check(batch(null), "kiosk-a", LIMITS)).isInstanceOf(BatchCheck.Valid.class);
    }

    @Test
    @DisplayName("HR-9 an entry whose content does not match its hash refuses the whole batch")
    void aWrongHashRefusesTheBatch() {
        WireEntry good = wire(1);
        WireEntry bad = new WireEntry(good.entryId(), good.kioskId(), 2L, good.streamType(), good.streamId(), 1, good.eventType(),
                1, good.payload(), good.contentHash(), good.recordedAt(), good.hlc(), good.actor());
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(batch(List.of(wire(3), bad)), "kiosk-a", LIMITS);
        assertThat(v.status()).isEqualTo(422);
        assertThat(v.slug()).isEqualTo("content-hash-mismatch");
        assertThat(v.violations()).extracting(BatchCheck.Violation::field).containsExactly("entries[1].contentHash");
    }

    @Test
    void missingFieldsAreNamed() {
        WireEntry w = wire(1);
        WireEntry broken = new WireEntry(w.entryId(), w.kioskId(), null, w.streamType(), null, 1, w.eventType(), 1, null,
                w.contentHash(), w.recordedAt(), w.hlc(), w.actor());
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(batch(List.of(broken)), "kiosk-a", LIMITS);
        assertThat(v.status()).isEqualTo(422);
        assertThat(v.slug()).isEqualTo("malformed-envelope");
        assertThat(v.violations()).extracting(BatchCheck.Violation::field)
                .contains("entries[0].kioskSeq", "entries[0].streamId", "entries[0].payload");
    }

    @Test
    void aFutureSchemaVersionIsRefusedNamingTheField() {
        JournalEntry e = JournalEntry.seal(UUID.randomUUID(), "kiosk-a", 1, "charge", UUID.randomUUID(), 1, "ChargeRecorded", 3,
                "{}", Entries.T0, 1, "acct-1");
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(batch(List.of(WireEntry.of(e))), "kiosk-a", LIMITS);
        assertThat(v.slug()).isEqualTo("future-schema-version");
        assertThat(v.violations()).extracting(BatchCheck.Violation::field).containsExactly("entries[0].schemaVersion");
    }

    @Test
    void aNewerProtocolIsRefused() {
        PushBatch b = new PushBatch(SyncProtocol.MAX_VERSION + 1, "kiosk-a", UUID.randomUUID(), Backlog.EMPTY, List.of());
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(b, "kiosk-a", LIMITS);
        assertThat(v.status()).isEqualTo(400);
        assertThat(v.slug()).isEqualTo("unsupported-protocol-version");
    }

    @Test
    @DisplayName("unreadable entries: only in protocol 2, a known reason, a sequence not also sent, none twice")
    void unreadableEntriesAreChecked() {
        UnreadableEntry ok = new UnreadableEntry(2L, UUID.randomUUID(), "ChargeRecorded", "a".repeat(64), UnreadableEntry.CANNOT_DECRYPT);
        PushBatch v2 = new PushBatch(2, "kiosk-a", UUID.randomUUID(), Backlog.EMPTY, List.of(wire(1), wire(3)), List.of(ok));
        assertThat(BatchCheck.check(v2, "kiosk-a", LIMITS)).isInstanceOf(BatchCheck.Valid.class);

        PushBatch v1 = new PushBatch(1, "kiosk-a", UUID.randomUUID(), Backlog.EMPTY, List.of(wire(1)), List.of(ok));
        assertThat(((BatchCheck.Invalid) BatchCheck.check(v1, "kiosk-a", LIMITS)).violations())
                .extracting(BatchCheck.Violation::field).containsExactly("unreadable");

        UnreadableEntry sameSeqAsEntry = new UnreadableEntry(1L, null, null, null, UnreadableEntry.HASH_MISMATCH);
        UnreadableEntry badReason = new UnreadableEntry(5L, null, null, null, "made-up");
        UnreadableEntry noSeq = new UnreadableEntry(null, null, null, null, UnreadableEntry.MALFORMED_ROW);
        UnreadableEntry badHash = new UnreadableEntry(6L, null, null, "not-a-hash", UnreadableEntry.MALFORMED_ROW);
        PushBatch bad = new PushBatch(2, "kiosk-a", UUID.randomUUID(), Backlog.EMPTY, List.of(wire(1)),
                java.util.Arrays.asList(sameSeqAsEntry, badReason, noSeq, badHash, null));
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(bad, "kiosk-a", LIMITS);
        assertThat(v.status()).isEqualTo(422);
        assertThat(v.violations()).extracting(BatchCheck.Violation::field).containsExactly("unreadable[0].kioskSeq",
                "unreadable[1].reason", "unreadable[2].kioskSeq", "unreadable[3].contentHash", "unreadable[4]");
    }

    @Test
    void aKioskCannotPushAnotherKiosksEntries() {
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(batch(List.of(wire(1))), "kiosk-b", LIMITS);
        assertThat(v.status()).isEqualTo(403);
        WireEntry foreign = WireEntry.of(Entries.entry("kiosk-b", 1, "{}"));
        BatchCheck.Invalid v2 = (BatchCheck.Invalid) BatchCheck.check(batch(List.of(foreign)), "kiosk-a", LIMITS);
        assertThat(v2.violations()).extracting(BatchCheck.Violation::field).contains("entries[0].kioskId");
    }

    @Test
    void anOversizeBatchIsA413() {
        List<WireEntry> many = new ArrayList<>();
        for (int i = 1; i <= SyncProtocol.MAX_BATCH_ENTRIES + 1; i++) {
            many.add(wire(i));
        }
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(batch(many), "kiosk-a", LIMITS);
        assertThat(v.status()).isEqualTo(413);
        assertThat(v.slug()).isEqualTo("batch-too-large");
    }

    @Test
    void anOversizePayloadIsRefused() {
        JournalEntry big = Entries.entry("kiosk-a", 1, "{\"note\":\"" + "挂".repeat(SyncProtocol.MAX_PAYLOAD_BYTES / 3) + "\"}");
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(batch(List.of(WireEntry.of(big))), "kiosk-a", LIMITS);
        assertThat(v.violations()).extracting(BatchCheck.Violation::field).containsExactly("entries[0].payload");
    }

    @Test
    @DisplayName("the payload limit counts UTF-8 bytes, not chars, whether the payload came as a string or as bytes")
    void theLimitCountsUtf8Bytes() {
        BatchCheck.Limits small = new BatchCheck.Limits(SyncProtocol.MAX_BATCH_ENTRIES, 30, 1);
        JournalEntry exactly = Entries.entry("kiosk-a", 1, "{\"n\":\"挂挂挂挂挂挂挂a\"}"); // 9 + 21 = 30 bytes in 16 chars
        JournalEntry oneMore = Entries.entry("kiosk-a", 2, "{\"n\":\"挂挂挂挂挂挂挂ab\"}");
        assertThat(BatchCheck.check(batch(List.of(WireEntry.of(exactly))), "kiosk-a", small)).isInstanceOf(BatchCheck.Valid.class);
        assertThat(((BatchCheck.Invalid) BatchCheck.check(batch(List.of(WireEntry.of(oneMore))), "kiosk-a", small)).violations())
                .extracting(BatchCheck.Violation::field).containsExactly("entries[0].payload");
        // the same entries as the receiver reads them: payloads as the UTF-8 bytes of the body
        assertThat(BatchCheck.check(batch(List.of(asBytes(WireEntry.of(exactly)))), "kiosk-a", small)).isInstanceOf(BatchCheck.Valid.class);
        assertThat(((BatchCheck.Invalid) BatchCheck.check(batch(List.of(asBytes(WireEntry.of(oneMore)))), "kiosk-a", small)).violations())
                .extracting(BatchCheck.Violation::field).containsExactly("entries[0].payload");
    }

    @Test
    @DisplayName("HR-9 a payload read as bytes is verified against its hash like one read as a string; one changed byte is refused")
    void bytePayloadsAreVerified() {
        WireEntry w = asBytes(wire(1));
        assertThat(BatchCheck.check(batch(List.of(w)), "kiosk-a", LIMITS)).isInstanceOf(BatchCheck.Valid.class);
        byte[] altered = w.payload().utf8().clone();
        altered[altered.length - 2] ^= 1;
        WireEntry bad = new WireEntry(w.entryId(), w.kioskId(), w.kioskSeq(), w.streamType(), w.streamId(), w.streamVersion(),
                w.eventType(), w.schemaVersion(), Utf8Text.ofUtf8(altered), w.contentHash(), w.recordedAt(), w.hlc(), w.actor());
        assertThat(((BatchCheck.Invalid) BatchCheck.check(batch(List.of(bad)), "kiosk-a", LIMITS)).slug()).isEqualTo("content-hash-mismatch");
        WireEntry blank = new WireEntry(w.entryId(), w.kioskId(), w.kioskSeq(), w.streamType(), w.streamId(), w.streamVersion(),
                w.eventType(), w.schemaVersion(), Utf8Text.ofUtf8(" \t\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                w.contentHash(), w.recordedAt(), w.hlc(), w.actor());
        assertThat(((BatchCheck.Invalid) BatchCheck.check(batch(List.of(blank)), "kiosk-a", LIMITS)).violations())
                .extracting(BatchCheck.Violation::field).containsExactly("entries[0].payload");
    }

    @Test
    @DisplayName("HR-9 a payload or field with U+0000 is refused at the check (PostgreSQL's text cannot hold it: the insert would fail on every retry)")
    void nulIsRefused() {
        JournalEntry nul = Entries.entry("kiosk-a", 1, "{\"n\":\"a\u0000b\"}");
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(batch(List.of(WireEntry.of(nul))), "kiosk-a", LIMITS);
        assertThat(v.status()).isEqualTo(422);
        assertThat(v.slug()).isEqualTo("malformed-envelope");
        assertThat(v.violations()).containsExactly(new BatchCheck.Violation("entries[0].payload", "must not contain the character U+0000 (NUL)"));
        WireEntry w = wire(2);
        WireEntry actor = new WireEntry(w.entryId(), w.kioskId(), w.kioskSeq(), w.streamType(), w.streamId(), w.streamVersion(),
                w.eventType(), w.schemaVersion(), w.payload(), w.contentHash(), w.recordedAt(), w.hlc(), "acct\u00007");
        assertThat(((BatchCheck.Invalid) BatchCheck.check(batch(List.of(actor)), "kiosk-a", LIMITS)).violations())
                .extracting(BatchCheck.Violation::field).containsExactly("entries[0].actor");
    }

    @Test
    @DisplayName("HR-9 the receiver's reader leaves an escaped U+0000 to the binder, so the check sees it and refuses the batch")
    void anEscapedNulInTheBodyIsRefused() throws Exception {
        JournalEntry nul = Entries.entry("kiosk-a", 1, "{\"n\":\"a\u0000b\"}");
        byte[] body = SyncJson.mapper().writeValueAsBytes(batch(List.of(WireEntry.of(nul))));
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).contains("\\u0000");
        PushBatchReader reader = new PushBatchReader(SyncJson.mapper());
        assertThat(reader.fast(body)).as("not read by the fast path").isNull();
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(reader.read(body), "kiosk-a", LIMITS);
        assertThat(v.violations()).extracting(BatchCheck.Violation::field).containsExactly("entries[0].payload");
    }

    /** The entry with its payload held as UTF-8 bytes, as {@code PushBatchReader} reads it from a body. */
    private static WireEntry asBytes(WireEntry w) {
        return new WireEntry(w.entryId(), w.kioskId(), w.kioskSeq(), w.streamType(), w.streamId(), w.streamVersion(),
                w.eventType(), w.schemaVersion(), Utf8Text.ofUtf8(w.payload().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                w.contentHash(), w.recordedAt(), w.hlc(), w.actor());
    }

    @Test
    void repeatsWithinOneBatchAreRefused() {
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(batch(List.of(wire(1), wire(1))), "kiosk-a", LIMITS);
        assertThat(v.violations()).extracting(BatchCheck.Violation::field).contains("entries[1].entryId", "entries[1].kioskSeq");
    }

    private static WireEntry at(long seq, int streamVersion, java.time.Instant recordedAt, long hlc) {
        UUID id = UUID.nameUUIDFromBytes(("kiosk-a/" + seq).getBytes());
        return WireEntry.of(JournalEntry.seal(id, "kiosk-a", seq, "registration", UUID.nameUUIDFromBytes(("s" + seq).getBytes()),
                streamVersion, "PatientRegistered", 1, "{\"n\":1}", recordedAt, hlc, "acct-7"));
    }

    @Test
    @DisplayName("a forged sequence (2^62), stream version or negative clock is refused naming the field; 10^12 is the last sequence")
    void sequencesAndVersionsAreBounded() {
        java.time.Instant t = java.time.Instant.parse("2026-11-21T06:00:00Z");
        BatchCheck.Invalid v = (BatchCheck.Invalid) BatchCheck.check(batch(List.of(wire(1), at(1L << 62, 1, t, 1),
                at(3, SyncProtocol.MAX_STREAM_VERSION + 1, t, 1), at(4, 1, t, -1))), "kiosk-a", LIMITS);
        assertThat(v.status()).isEqualTo(422);
        assertThat(v.violations()).extracting(BatchCheck.Violation::field)
                .containsExactlyInAnyOrder("entries[1].kioskSeq", "entries[2].streamVersion", "entries[3].hlc");
        assertThat(BatchCheck.check(batch(List.of(at(SyncProtocol.MAX_KIOSK_SEQ, SyncProtocol.MAX_STREAM_VERSION, t, 0))), "kiosk-a",
                LIMITS)).isInstanceOf(BatchCheck.Valid.class);
        BatchCheck.Invalid backlog = (BatchCheck.Invalid) BatchCheck.check(new PushBatch(1, "kiosk-a", UUID.randomUUID(),
                new Backlog(1L << 62, null, 1L << 62), List.of(wire(1))), "kiosk-a", LIMITS);
        assertThat(backlog.violations()).extracting(BatchCheck.Violation::field).containsExactlyInAnyOrder("backlog.lastSeq", "backlog.pending");
        BatchCheck.Invalid unreadable = (BatchCheck.Invalid) BatchCheck.check(new PushBatch(2, "kiosk-a", UUID.randomUUID(), Backlog.EMPTY,
                List.of(), List.of(new UnreadableEntry(1L << 62, null, null, null, "cannot-decrypt"))), "kiosk-a", LIMITS);
        assertThat(unreadable.violations()).extracting(BatchCheck.Violation::field).containsExactly("unreadable[0].kioskSeq");
    }

    @Test
    @DisplayName("a sequence far above the server's cursor, or a capture time in the far future or past, is refused naming the field")
    void boundsAgainstTheCursorAndTheClock() {
        java.time.Instant now = java.time.Instant.parse("2026-12-06T12:00:00Z");
        long cursor = 500;
        List<WireEntry> fine = List.of(at(501, 1, now, 1), at(cursor + SyncProtocol.MAX_SEQ_AHEAD_OF_CURSOR, 1, now.plusSeconds(3600), 2));
        assertThat(BatchCheck.bounds(fine, List.of(), cursor, now)).isEmpty();
        List<WireEntry> forged = List.of(at(501, 1, now, 1), at(cursor + SyncProtocol.MAX_SEQ_AHEAD_OF_CURSOR + 1, 1, now, 2),
                at(503, 1, java.time.Instant.parse("2100-01-01T00:00:00Z"), 3), at(504, 1, java.time.Instant.parse("1999-12-31T00:00:00Z"), 4));
        assertThat(BatchCheck.bounds(forged, List.of(new UnreadableEntry(1L << 40, null, null, null, "cannot-decrypt")), cursor, now))
                .extracting(BatchCheck.Violation::field)
                .containsExactly("entries[1].kioskSeq", "entries[2].recordedAt", "entries[3].recordedAt", "unreadable[0].kioskSeq");
    }
}
