package org.hospital.continuity.playbooks.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.playbooks.Gen;
import org.hospital.continuity.playbooks.party.Department;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DowntimeLadder properties (EP-5.2): the ladder only ever moves forward")
class DowntimeLadderProperties {

    private static final Instant START = Instant.parse("2026-10-01T01:00:00Z");
    private static final DowntimeLadder LADDER = DowntimeLadder.standard();
    private static final long TWO_DAYS_IN_SECONDS = Duration.ofDays(2).toSeconds();

    private static Instant anyTime(Gen g) {
        return START.plusSeconds(g.below((int) TWO_DAYS_IN_SECONDS) - Duration.ofHours(1).toSeconds());
    }

    private static LadderContext anyContext(Gen g) {
        EnumSet<ContextModifier> modifiers = EnumSet.noneOf(ContextModifier.class);
        for (ContextModifier m : ContextModifier.values()) {
            if (g.chance(30)) {
                modifiers.add(m);
            }
        }
        LadderContext c = new LadderContext(modifiers, java.util.Map.of());
        if (g.chance(30)) {
            c = c.withRequest(g.pick(Department.values()), anyTime(g));
        }
        return c;
    }

    @Test
    @DisplayName("EP-5.2 a department in manual at one time is still in manual at any later time")
    void monotonicInTime() {
        for (long seed = 1; seed <= Gen.TRIES; seed++) {
            Gen g = new Gen(seed);
            LadderContext context = anyContext(g);
            Instant t1 = anyTime(g);
            Instant t2 = anyTime(g);
            Instant early = t1.isBefore(t2) ? t1 : t2;
            Instant late = t1.isBefore(t2) ? t2 : t1;
            assertThat(LADDER.departmentsInManualAt(START, late, context)).as("seed %d", seed)
                    .containsAll(LADDER.departmentsInManualAt(START, early, context));
        }
    }

    @Test
    @DisplayName("EP-5.1 a context modifier can only pull the ladder earlier, never later")
    void modifiersNeverDelay() {
        for (long seed = 1; seed <= Gen.TRIES; seed++) {
            Gen g = new Gen(seed);
            LadderContext without = anyContext(g);
            LadderContext with = without.with(g.pick(ContextModifier.values()));
            Instant now = anyTime(g);
            assertThat(LADDER.departmentsInManualAt(START, now, with)).as("seed %d", seed)
                    .containsAll(LADDER.departmentsInManualAt(START, now, without));
            for (LadderStep step : LadderStep.values()) {
                assertThat(LADDER.thresholdFor(step, with)).isLessThanOrEqualTo(LADDER.thresholdFor(step, without));
            }
        }
    }

    @Test
    @DisplayName("EP-5.2 the next step is due after now, and everything before it is already due")
    void nextStepIsTheFirstNotReached() {
        for (long seed = 1; seed <= Gen.TRIES; seed++) {
            Gen g = new Gen(seed);
            LadderContext context = anyContext(g);
            Instant now = anyTime(g);
            List<LadderMilestone> reached = LADDER.reached(START, now, context);
            LADDER.nextStep(START, now, context).ifPresentOrElse(next -> {
                assertThat(next.dueAt()).isAfter(now);
                assertThat(reached).hasSize(next.step().ordinal());
            }, () -> assertThat(reached).hasSize(LadderStep.values().length));
        }
    }

    @Test
    @DisplayName("EP-5.2.3 whatever the context, after 24 hours every department is in manual")
    void everythingAfterADay() {
        for (long seed = 1; seed <= Gen.TRIES; seed++) {
            Gen g = new Gen(seed);
            Set<Department> manual = LADDER.departmentsInManualAt(START, START.plus(Duration.ofHours(24)), anyContext(g));
            assertThat(manual).as("seed %d", seed).containsExactlyInAnyOrder(Department.values());
        }
    }
}
