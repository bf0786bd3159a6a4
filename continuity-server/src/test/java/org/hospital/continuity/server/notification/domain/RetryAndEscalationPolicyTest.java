package org.hospital.continuity.server.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryAndEscalationPolicyTest {

    static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(3), 10);
        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.delayAfter(4)).isEqualTo(Duration.ofMinutes(3));
        assertThat(p.delayAfter(9)).isEqualTo(Duration.ofMinutes(3));
        assertThat(p.nextAttempt(10, T0)).isEmpty();
    }

    @Test
    void property_backoffNeverShrinksAndNeverExceedsTheCap() {
        Random random = new Random(7L);
        for (int i = 0; i < 1_000; i++) {
            Duration first = Duration.ofSeconds(1 + random.nextInt(120));
            Duration cap = first.multipliedBy(1 + random.nextInt(50));
            RetryPolicy p = new RetryPolicy(first, cap, 1 + random.nextInt(20));
            Duration previous = Duration.ZERO;
            for (int a = 1; a <= 70; a++) {
                Duration d = p.delayAfter(a);
                assertThat(d).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(cap);
                previous = d;
            }
        }
    }

    @Test
    void nonsensicalPoliciesAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofMinutes(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMinutes(2), Duration.ofMinutes(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EscalationPolicy(Duration.ofMinutes(5), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    final EscalationPolicy escalation = new EscalationPolicy(Duration.ofMinutes(5), 2);

    @Test
    @DisplayName("call until reached: the same tier again after 5 min, then the next tier, then round again")
    void repeatsThenMovesDownTheChainThenWrapsAround() {
        var p = new EscalationPolicy.Progress(0, 1, T0);
        assertThat(escalation.next(p, false, false, true, 3, T0.plusSeconds(299))).isEqualTo(new EscalationPolicy.Step.Wait(T0.plusSeconds(300)));
        assertThat(escalation.next(p, false, false, true, 3, T0.plusSeconds(300))).isEqualTo(new EscalationPolicy.Step.Send(0, 2));
        p = new EscalationPolicy.Progress(0, 2, T0.plusSeconds(300));
        assertThat(escalation.next(p, false, false, true, 3, T0.plusSeconds(600))).isEqualTo(new EscalationPolicy.Step.Send(1, 1));
        p = new EscalationPolicy.Progress(2, 2, T0);
        assertThat(escalation.next(p, false, false, true, 3, T0.plusSeconds(300))).isEqualTo(new EscalationPolicy.Step.Send(0, 1));
    }

    @Test
    void anAcknowledgedOrClosedNotificationStopsEscalating() {
        var p = new EscalationPolicy.Progress(0, 1, T0);
        Instant late = T0.plus(Duration.ofHours(3));
        assertThat(escalation.next(p, true, false, true, 3, late)).isInstanceOf(EscalationPolicy.Step.Stop.class);
        assertThat(escalation.next(p, false, true, true, 3, late)).isInstanceOf(EscalationPolicy.Step.Stop.class);
        assertThat(escalation.next(p, false, false, false, 3, late)).isInstanceOf(EscalationPolicy.Step.Stop.class);
    }

    @Test
    void aChainOfOneTierOrOnlyGroupsIsRepeatedForever() {
        var p = new EscalationPolicy.Progress(0, 7, T0);
        assertThat(escalation.next(p, false, false, true, 1, T0.plusSeconds(300))).isEqualTo(new EscalationPolicy.Step.Send(0, 8));
        assertThat(escalation.next(p, false, false, true, 0, T0.plusSeconds(300))).isEqualTo(new EscalationPolicy.Step.Send(0, 8));
    }

    @Test
    @DisplayName("property: an unacknowledged notification reaches every tier within tiers × rounds escalations")
    void property_everyTierIsReached() {
        Random random = new Random(42L);
        for (int i = 0; i < 500; i++) {
            int tiers = 1 + random.nextInt(5);
            EscalationPolicy e = new EscalationPolicy(Duration.ofMinutes(1 + random.nextInt(30)), 1 + random.nextInt(4));
            var p = new EscalationPolicy.Progress(0, 1, T0);
            java.util.Set<Integer> reached = new java.util.HashSet<>(java.util.Set.of(0));
            Instant now = T0;
            for (int k = 0; k < tiers * e.roundsPerTier(); k++) {
                now = e.nextDue(p);
                var step = (EscalationPolicy.Step.Send) e.next(p, false, false, true, tiers, now);
                assertThat(step.tier()).isBetween(0, tiers - 1);
                reached.add(step.tier());
                p = new EscalationPolicy.Progress(step.tier(), step.round(), now);
            }
            assertThat(reached).hasSize(tiers);
        }
    }
}
