package org.hospital.continuity.sync.envelope;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope of one captured record: what a kiosk appends to its journal and what sync carries to
 * the server, byte for byte. Entries are never updated or deleted; a correction or void is a new
 * entry of the same stream with the next {@code streamVersion} (HR-9).
 *
 * @param entryId       permanent UUID given at capture; the server dedupes on it
 * @param kioskId       the kiosk that captured it
 * @param kioskSeq      per-kiosk sequence, 1, 2, 3 … without gaps (the sync cursor counts these)
 * @param streamType    the kind of record stream, e.g. {@code registration}, {@code charge}, {@code invoice-register}
 * @param streamId      the record the entry belongs to (a registration, an invoice …), a UUID
 * @param streamVersion 1 for the first entry of a stream, +1 for each correction or void
 * @param eventType     what happened, e.g. {@code PatientRegistered}, {@code InvoiceVoided}
 * @param schemaVersion version of the payload's schema for this event type
 * @param payload       the record as canonical JSON (UTF-8), exactly as hashed
 * @param contentHash   lowercase hex SHA-256 over {@link ContentHash#canonicalBytes(JournalEntry)}
 * @param recordedAt    the kiosk's wall clock at capture (may drift)
 * @param hlc           hybrid logical clock value at capture, see {@link HybridLogicalClock}
 * @param actor         the staff account that captured it (an account id, never a patient's data)
 */
public record JournalEntry(
        UUID entryId,
        String kioskId,
        long kioskSeq,
        String streamType,
        UUID streamId,
        int streamVersion,
        String eventType,
        int schemaVersion,
        String payload,
        String contentHash,
        Instant recordedAt,
        long hlc,
        String actor) {

    public JournalEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(streamType, "streamType");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(actor, "actor");
        if (kioskSeq < 1) {
            throw new IllegalArgumentException("kioskSeq starts at 1");
        }
        if (streamVersion < 1) {
            throw new IllegalArgumentException("streamVersion starts at 1");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion starts at 1");
        }
    }

    /** Builds an entry and computes its content hash. */
    public static JournalEntry seal(UUID entryId, String kioskId, long kioskSeq, String streamType, UUID streamId,
                                    int streamVersion, String eventType, int schemaVersion, String payload,
                                    Instant recordedAt, long hlc, String actor) {
        String hash = ContentHash.of(entryId, kioskId, kioskSeq, streamType, streamId, streamVersion, eventType,
                schemaVersion, payload, recordedAt, hlc, actor);
        return new JournalEntry(entryId, kioskId, kioskSeq, streamType, streamId, streamVersion, eventType,
                schemaVersion, payload, hash, recordedAt, hlc, actor);
    }

    /** True when the stored hash matches the content: the entry was not altered after capture. */
    public boolean hashMatches() {
        return ContentHash.of(this).equals(contentHash);
    }
}
