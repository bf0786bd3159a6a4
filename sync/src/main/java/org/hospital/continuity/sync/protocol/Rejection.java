package org.hospital.continuity.sync.protocol;

import java.util.UUID;

/**
 * An entry the server refused to store because it contradicts what the server already holds
 * (HR-9: never overwritten). The server records each as an integrity incident for IT.
 *
 * @param entryId  the refused entry
 * @param kioskSeq its kiosk sequence
 * @param reason   {@link #CONTENT_CONFLICT} or {@link #SEQUENCE_CONFLICT}
 * @param detail   human words for the kiosk's banner and the log
 */
public record Rejection(UUID entryId, long kioskSeq, String reason, String detail) {

    /** The server holds this entry id with a different content hash. */
    public static final String CONTENT_CONFLICT = "content-conflict";
    /** The server holds a different entry at this kiosk sequence. */
    public static final String SEQUENCE_CONFLICT = "sequence-conflict";
}
