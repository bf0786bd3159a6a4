package org.hospital.continuity.sync.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * SHA-256 over every field of a {@link JournalEntry} except the hash itself, each field
 * length-prefixed so that no two different entries share an input. Both ends compute it the same
 * way; the server rejects an entry whose hash does not match its content.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(JournalEntry e) {
        return of(e.entryId(), e.kioskId(), e.kioskSeq(), e.streamType(), e.streamId(), e.streamVersion(),
                e.eventType(), e.schemaVersion(), e.payload(), e.recordedAt(), e.hlc(), e.actor());
    }

    static String of(UUID entryId, String kioskId, long kioskSeq, String streamType, UUID streamId, int streamVersion,
                     String eventType, int schemaVersion, String payload, Instant recordedAt, long hlc, String actor) {
        MessageDigest sha = sha256();
        field(sha, entryId.toString());
        field(sha, kioskId);
        field(sha, Long.toString(kioskSeq));
        field(sha, streamType);
        field(sha, streamId.toString());
        field(sha, Integer.toString(streamVersion));
        field(sha, eventType);
        field(sha, Integer.toString(schemaVersion));
        field(sha, payload);
        field(sha, recordedAt.toString());
        field(sha, Long.toString(hlc));
        field(sha, actor);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
