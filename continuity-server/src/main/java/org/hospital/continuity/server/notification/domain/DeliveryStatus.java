package org.hospital.continuity.server.notification.domain;

/**
 * The life of one delivery (one message to one address over one channel):
 * <pre>
 * QUEUED ──claim──▶ SENDING ──ok──▶ SENT ──ack──▶ ACKNOWLEDGED
 *                      │
 *                      └─error──▶ FAILED (error, retry at) ──claim──▶ SENDING …
 *                                   └─ attempts used up ──▶ GAVE_UP (error)
 * </pre>
 * A SENDING delivery whose lease expired (the sending instance died) may be claimed again.
 */
public enum DeliveryStatus {
    QUEUED, SENDING, SENT, FAILED, GAVE_UP, ACKNOWLEDGED;

    /** Still to be sent (now or at its retry time). */
    public boolean isPending() {
        return this == QUEUED || this == FAILED;
    }

    /** No more sending: given up or acknowledged. (A given-up message may still be acknowledged: it arrived after all.) */
    public boolean isFinal() {
        return this == GAVE_UP || this == ACKNOWLEDGED;
    }
}
