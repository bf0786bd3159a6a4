package org.hospital.continuity.sync.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The server's answer to a stored push (HTTP 200), sent only after the transaction committed.
 *
 * @param protocol    wire version
 * @param kioskId     the kiosk
 * @param cursor      highest kiosk sequence N such that the server has settled 1..N (stored, or
 *                    refused and recorded as an integrity incident); the kiosk resumes at N + 1
 * @param highestHeld highest sequence the server holds for this kiosk (above the cursor when there are gaps)
 * @param gaps        sequences missing between the cursor and highestHeld (e.g. 40 when 41 came first)
 * @param accepted    entries of this batch newly stored
 * @param duplicates  entries of this batch the server already held, byte-identical (no-op)
 * @param rejected    entries of this batch refused as contradicting what the server holds
 * @param rejections  one per refused entry
 * @param receivedAt  the server's clock when it stored the batch
 */
public record PushReceipt(
        int protocol,
        String kioskId,
        long cursor,
        long highestHeld,
        List<SeqRange> gaps,
        int accepted,
        int duplicates,
        int rejected,
        List<Rejection> rejections,
        Instant receivedAt) {

    public PushReceipt {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }
}
