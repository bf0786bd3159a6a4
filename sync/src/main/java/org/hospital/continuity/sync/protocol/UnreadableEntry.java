package org.hospital.continuity.sync.protocol;

import java.util.Set;
import java.util.UUID;

/**
 * A journal entry the kiosk holds but cannot read any more (wire version {@link SyncProtocol#UNREADABLE_VERSION}): its
 * stored bytes no longer decrypt, or they no longer match the content hash sealed at capture (a flipped byte on the
 * disk). The kiosk has quarantined it and reports it in place of the entry, so the server settles that sequence as
 * "unreadable on the kiosk" and every later entry of the kiosk flows (one bad record never blocks the others). The
 * server never invents content for it: what is known of the envelope is kept for IT, and the confirmed count stays
 * {@code received + unreadable on the kiosk}.
 *
 * @param kioskSeq    the entry's sequence on the kiosk (required, at least 1)
 * @param entryId     the entry's id when its row still names one (may be null)
 * @param eventType   the kind of record, when still readable (may be null)
 * @param contentHash the content hash sealed at capture, when still readable (may be null)
 * @param reason      one of {@link #REASONS}
 */
public record UnreadableEntry(Long kioskSeq, UUID entryId, String eventType, String contentHash, String reason) {

    /** The stored payload no longer decrypts with the kiosk's key (AES-GCM authentication failed). */
    public static final String CANNOT_DECRYPT = "cannot-decrypt";

    /** The entry decrypts, but its content no longer matches the content hash sealed at capture. */
    public static final String HASH_MISMATCH = "hash-mismatch";

    /** The row's clear columns cannot be read back (an id, a time or a number that does not parse). */
    public static final String MALFORMED_ROW = "malformed-row";

    public static final Set<String> REASONS = Set.of(CANNOT_DECRYPT, HASH_MISMATCH, MALFORMED_ROW);
}
