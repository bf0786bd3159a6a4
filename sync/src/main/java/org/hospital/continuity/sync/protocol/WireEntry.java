package org.hospital.continuity.sync.protocol;

import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.ContentHash;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.envelope.Utf8Text;

/**
 * One {@link JournalEntry} as it travels. Every field may be missing on the wire (a malformed
 * envelope); the receiver checks them with {@link BatchCheck} before anything is stored.
 * {@code payload} is the canonical JSON text exactly as hashed, carried as a JSON string so that it
 * arrives byte-identical; in memory it is {@link Utf8Text}, so that the receiver takes its UTF-8
 * bytes from the request body to the hash and to PostgreSQL without making a Java string of it.
 */
public record WireEntry(
        UUID entryId,
        String kioskId,
        Long kioskSeq,
        String streamType,
        UUID streamId,
        Integer streamVersion,
        String eventType,
        Integer schemaVersion,
        Utf8Text payload,
        String contentHash,
        Instant recordedAt,
        Long hlc,
        String actor) {

    public static WireEntry of(JournalEntry e) {
        return new WireEntry(e.entryId(), e.kioskId(), e.kioskSeq(), e.streamType(), e.streamId(), e.streamVersion(),
                e.eventType(), e.schemaVersion(), Utf8Text.of(e.payload()), e.contentHash(), e.recordedAt(), e.hlc(), e.actor());
    }

    /** The envelope; only call after {@link BatchCheck} found every field present and in range. */
    public JournalEntry toEnvelope() {
        return new JournalEntry(entryId, kioskId, kioskSeq, streamType, streamId, streamVersion, eventType,
                schemaVersion, payload.toString(), contentHash, recordedAt, hlc, actor);
    }

    /**
     * True when the content hash matches the content ({@link JournalEntry#hashMatches()} without
     * making the envelope: the payload's bytes are hashed as they are). Only call after
     * {@link BatchCheck} found every field present.
     */
    public boolean hashMatches() {
        return ContentHash.of(entryId, kioskId, kioskSeq, streamType, streamId, streamVersion, eventType, schemaVersion,
                payload, recordedAt, hlc, actor).equals(contentHash);
    }
}
