package org.hospital.continuity.server.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");
    static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), 4);
    static final Duration LEASE = Duration.ofSeconds(60);

    static Delivery queued() {
        return Delivery.queue(UUID.randomUUID(), UUID.randomUUID(), Channel.EMAIL, "it@hospital.local", T0);
    }

    static Delivery moved(Delivery.Transition t) {
        assertThat(t).isInstanceOf(Delivery.Transition.Moved.class);
        return ((Delivery.Transition.Moved) t).delivery();
    }

    @Test
    @DisplayName("a queued delivery is claimed, sent and then acknowledged")
    void queuedIsClaimedSentAndAcknowledged() {
        Delivery sending = moved(queued().claim(T0, LEASE));
        assertThat(sending.status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(sending.attempts()).isEqualTo(1);
        assertThat(sending.nextAttemptAt()).isEqualTo(T0.plus(LEASE));

        Delivery sent = moved(sending.sent(T0.plusSeconds(1)));
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(sent.isClaimable(T0.plus(Duration.ofDays(1)))).isFalse();

        Delivery acked = moved(sent.acknowledge(T0.plusSeconds(90)));
        assertThat(acked.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        assertThat(acked.acknowledgedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(acked.sentAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    @DisplayName("a failed send keeps its error and is retried after 30 s, 60 s, 120 s, then given up")
    void failedSendsBackOffThenGiveUp() {
        Delivery d = queued();
        Instant now = T0;
        Duration[] expected = {Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};
        for (Duration wait : expected) {
            d = moved(d.claim(now, LEASE));
            d = moved(d.failed("robot errcode 310000: sign not match", now, RETRY));
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.lastError()).isEqualTo("robot errcode 310000: sign not match");
            assertThat(d.nextAttemptAt()).isEqualTo(now.plus(wait));
            assertThat(d.isClaimable(now.plus(wait).minusMillis(1))).isFalse();
            now = now.plus(wait);
        }
        d = moved(d.claim(now, LEASE));
        d = moved(d.failed("SMTP: connection refused", now, RETRY));
        assertThat(d.status()).isEqualTo(DeliveryStatus.GAVE_UP);
        assertThat(d.attempts()).isEqualTo(4);
        assertThat(d.nextAttemptAt()).isNull();
        assertThat(d.claim(now.plus(Duration.ofDays(1)), LEASE)).isInstanceOf(Delivery.Transition.Refused.class);
    }

    @Test
    void aDeliveryNotBeingSentCannotBeMarkedSentOrFailed() {
        assertThat(queued().sent(T0)).isInstanceOf(Delivery.Transition.Refused.class);
        assertThat(queued().failed("x", T0, RETRY)).isInstanceOf(Delivery.Transition.Refused.class);
    }

    @Test
    @DisplayName("a claim whose sender died can be taken again once its lease ran out, not before")
    void expiredLeaseCanBeReclaimed() {
        Delivery sending = moved(queued().claim(T0, LEASE));
        assertThat(sending.claim(T0.plusSeconds(59), LEASE)).isInstanceOf(Delivery.Transition.Refused.class);
        Delivery again = moved(sending.claim(T0.plusSeconds(60), LEASE));
        assertThat(again.attempts()).isEqualTo(2);
    }

    @Test
    void errorsAreShortenedForTheRecord() {
        Delivery d = moved(queued().claim(T0, LEASE));
        d = moved(d.failed("x".repeat(2000), T0, RETRY));
        assertThat(d.lastError()).hasSize(Delivery.MAX_ERROR_LENGTH);
        Delivery blank = moved(moved(queued().claim(T0, LEASE)).failed("  ", T0, RETRY));
        assertThat(blank.lastError()).isEqualTo("unknown error");
    }

    @Test
    @DisplayName("property: over random event sequences a delivery never leaves a final state, never exceeds its attempts, and its status matches its fields")
    void randomSequencesKeepTheInvariants() {
        Random random = new Random(20261121L);
        for (int run = 0; run < 2_000; run++) {
            Delivery d = queued();
            Instant now = T0;
            Set<DeliveryStatus> seen = EnumSet.of(d.status());
            for (int step = 0; step < 30; step++) {
                now = now.plusSeconds(random.nextInt(400));
                DeliveryStatus before = d.status();
                Delivery.Transition t = switch (random.nextInt(5)) {
                    case 0, 1 -> d.claim(now, LEASE);
                    case 2 -> d.sent(now);
                    case 3 -> d.failed("error " + step, now, RETRY);
                    default -> random.nextInt(10) == 0 ? d.acknowledge(now) : d.claim(now, LEASE);
                };
                if (t instanceof Delivery.Transition.Moved m) {
                    Delivery next = m.delivery();
                    if (before == DeliveryStatus.ACKNOWLEDGED) {
                        assertThat(next).as("an acknowledged delivery does not move").isEqualTo(d);
                    } else if (before == DeliveryStatus.GAVE_UP) {
                        assertThat(next.status()).as("a given-up delivery is never sent again").isEqualTo(DeliveryStatus.ACKNOWLEDGED);
                    }
                    assertThat(next.attempts()).as("attempts never go back").isGreaterThanOrEqualTo(d.attempts());
                    d = next;
                }
                seen.add(d.status());
                switch (d.status()) {
                    case SENT -> assertThat(d.sentAt()).isNotNull();
                    case FAILED -> assertThat(d.lastError()).isNotBlank();
                    case GAVE_UP -> assertThat(d.nextAttemptAt()).isNull();
                    case ACKNOWLEDGED -> assertThat(d.acknowledgedAt()).isNotNull();
                    case SENDING -> assertThat(d.nextAttemptAt()).as("a claim always has a lease end").isNotNull();
                    default -> {
                    }
                }
                if (d.status() == DeliveryStatus.GAVE_UP) {
                    assertThat(d.attempts()).isGreaterThanOrEqualTo(RETRY.maxAttempts());
                }
            }
        }
    }
}
