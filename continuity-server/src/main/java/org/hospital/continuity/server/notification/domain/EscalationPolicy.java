package org.hospital.continuity.server.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * "Call until reached": an unacknowledged notification is sent again to the same tier every
 * {@code repeatEvery}, {@code roundsPerTier} times in all, then to the next tier of the chain; after the
 * last tier it starts again at the first. It stops only when somebody acknowledges or the notification
 * is closed (e.g. the incident is over).
 */
public record EscalationPolicy(Duration repeatEvery, int roundsPerTier) {

    public EscalationPolicy {
        Objects.requireNonNull(repeatEvery);
        if (repeatEvery.isZero() || repeatEvery.isNegative() || roundsPerTier < 1) {
            throw new IllegalArgumentException("escalation needs repeatEvery > 0 and roundsPerTier >= 1");
        }
    }

    /** Where an open notification stands: tier and round (1-based) of its last sending, and when. */
    public record Progress(int tier, int round, Instant lastSentAt) {
    }

    /** What to do now. */
    public sealed interface Step {
        /** Nothing yet; look again at {@code until}. */
        record Wait(Instant until) implements Step {
        }

        /** Send round {@code round} to tier {@code tier}. */
        record Send(int tier, int round) implements Step {
        }

        /** Acknowledged, closed or not an acknowledgement kind: no more escalation. */
        record Stop(String why) implements Step {
        }
    }

    public Instant nextDue(Progress p) {
        return p.lastSentAt().plus(repeatEvery);
    }

    /**
     * The next step for a notification.
     *
     * @param tierCount how many tiers the chain has (0 when only groups are known: they are repeated)
     */
    public Step next(Progress p, boolean acknowledged, boolean closed, boolean requiresAck, int tierCount, Instant now) {
        if (!requiresAck) {
            return new Step.Stop("no acknowledgement asked");
        }
        if (acknowledged) {
            return new Step.Stop("acknowledged");
        }
        if (closed) {
            return new Step.Stop("closed");
        }
        Instant due = nextDue(p);
        if (now.isBefore(due)) {
            return new Step.Wait(due);
        }
        if (p.round() < roundsPerTier || tierCount <= 1) {
            return new Step.Send(tierCount <= 1 ? 0 : p.tier(), p.round() + 1);
        }
        return new Step.Send((p.tier() + 1) % tierCount, 1);
    }
}
