package org.hospital.continuity.sync.protocol;

import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * One {@link JournalEntry} as it travels. Every field may be missing on the wire (a malformed
 * envelope); the receiver checks them with {@link BatchCheck} before anything is stored.
 * {@code payload} is the canonical JSON text exactly as hashed, carried as a string so that it
 * arrives byte-identical.
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
        String payload,
        String contentHash,
        Instant recordedAt,
        Long hlc,
        String actor) {

    public static WireEntry of(JournalEntry e) {
        return new WireEntry(e.entryId(), e.kioskId(), e.kioskSeq(), e.streamType(), e.streamId(), e.streamVersion(),
                e.eventType(), e.schemaVersion(), e.payload(), e.contentHash(), e.recordedAt(), e.hlc(), e.actor());
    }

    /** The envelope; only call after {@link BatchCheck} found every field present and in range. */
    public JournalEntry toEnvelope() {
        return new JournalEntry(entryId, kioskId, kioskSeq, streamType, streamId, streamVersion, eventType,
                schemaVersion, payload, contentHash, recordedAt, hlc, actor);
    }
}
