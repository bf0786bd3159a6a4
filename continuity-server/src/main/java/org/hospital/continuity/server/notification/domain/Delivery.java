package org.hospital.continuity.server.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message to one address over one channel, and what became of it. Pure state: every behaviour
 * returns a {@link Transition} (the next state, or a refusal with the reason) and never reads a clock.
 *
 * @param attempts      how many times sending was started
 * @param nextAttemptAt when it may be (re)sent; for SENDING the end of the claim's lease
 * @param lastError     the error of the last failed attempt, shortened, never with message content
 */
public record Delivery(
        UUID id,
        UUID notificationId,
        Channel channel,
        String address,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant sentAt,
        Instant acknowledgedAt) {

    /** Errors are kept short in the record (and never hold the message). */
    public static final int MAX_ERROR_LENGTH = 500;

    public Delivery {
        Objects.requireNonNull(id);
        Objects.requireNonNull(notificationId);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(address);
        Objects.requireNonNull(status);
    }

    /** A new delivery, due at once. */
    public static Delivery queue(UUID id, UUID notificationId, Channel channel, String address, Instant now) {
        return new Delivery(id, notificationId, channel, address, DeliveryStatus.QUEUED, 0, now, null, null, null);
    }

    /** The result of a behaviour: the new state, or why not. */
    public sealed interface Transition {
        record Moved(Delivery delivery) implements Transition {
        }

        record Refused(String reason) implements Transition {
        }
    }

    /** True when a dispatcher may claim it now: pending and due, or SENDING with an expired lease. */
    public boolean isClaimable(Instant now) {
        boolean due = nextAttemptAt != null && !nextAttemptAt.isAfter(now);
        return due && (status.isPending() || status == DeliveryStatus.SENDING);
    }

    /** A dispatcher takes it for sending, for at most {@code lease}. */
    public Transition claim(Instant now, Duration lease) {
        if (!isClaimable(now)) {
            return new Transition.Refused("delivery " + id + " is " + status + " and not due");
        }
        return moved(DeliveryStatus.SENDING, attempts + 1, now.plus(lease), lastError, sentAt, acknowledgedAt);
    }

    /** The channel accepted the message. */
    public Transition sent(Instant now) {
        if (status != DeliveryStatus.SENDING) {
            return new Transition.Refused("delivery " + id + " is " + status + ", not being sent");
        }
        return moved(DeliveryStatus.SENT, attempts, null, lastError, now, null);
    }

    /** The channel refused or did not answer: retry with backoff, or give up when the attempts are used up. */
    public Transition failed(String error, Instant now, RetryPolicy retry) {
        if (status != DeliveryStatus.SENDING) {
            return new Transition.Refused("delivery " + id + " is " + status + ", not being sent");
        }
        String shortError = shorten(error);
        return retry.nextAttempt(attempts, now)
                .map(at -> moved(DeliveryStatus.FAILED, attempts, at, shortError, null, null))
                .orElseGet(() -> moved(DeliveryStatus.GAVE_UP, attempts, null, shortError, null, null));
    }

    /**
     * Its recipient confirmed through the acknowledgement link it carried. The link only exists in a message
     * that arrived, so even a send recorded as failed (a timeout after the channel accepted it) counts as
     * reached; no further retries of it are made.
     */
    public Transition acknowledge(Instant now) {
        if (status == DeliveryStatus.ACKNOWLEDGED) {
            return new Transition.Moved(this);
        }
        return moved(DeliveryStatus.ACKNOWLEDGED, attempts, null, lastError, sentAt == null ? now : sentAt, now);
    }

    private Transition moved(DeliveryStatus s, int a, Instant next, String error, Instant sent, Instant acked) {
        return new Transition.Moved(new Delivery(id, notificationId, channel, address, s, a, next, error, sent, acked));
    }

    static String shorten(String error) {
        String e = error == null || error.isBlank() ? "unknown error" : error.strip();
        return e.length() <= MAX_ERROR_LENGTH ? e : e.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
