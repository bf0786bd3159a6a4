package org.hospital.continuity.playbooks.ladder;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.party.Department;

/**
 * The EP-5.2 downtime ladder: given when a whole-network outage began and the time now, which departments
 * must be in manual operation and what switches next. A row falls due when the outage has not been recovered
 * within its threshold, i.e. at exactly {@code start + threshold}. The EP-5.1 context modifiers in force pull
 * every threshold to the smallest of their shares ({@link ModifierPolicy#thresholdPercent()}) and add the
 * parties they name to every notice. Departments switched on request (critically ill patients, EP-5.2) are in
 * manual from their request on.
 *
 * <p>Pure: nothing here reads a clock; pass the time in.
 */
public final class DowntimeLadder {

    private final LadderSettings settings;

    /** A ladder with the hospital's settings. */
    public DowntimeLadder(LadderSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The plan's ladder with the default modifier policies. */
    public static DowntimeLadder standard() {
        return new DowntimeLadder(LadderSettings.defaults());
    }

    /** The settings this ladder applies. */
    public LadderSettings settings() {
        return settings;
    }

    /** The threshold of a row in a context: the row's threshold times the smallest share among the modifiers in force. */
    public Duration thresholdFor(LadderStep step, LadderContext context) {
        Duration normal = settings.thresholds().get(step);
        int percent = context.modifiers().stream()
                .mapToInt(m -> settings.modifiers().get(m).thresholdPercent())
                .min().orElse(ModifierPolicy.FULL_PERCENT);
        return normal.multipliedBy(percent).dividedBy(ModifierPolicy.FULL_PERCENT);
    }

    /** All three rows for an outage that began at {@code start}, in order. */
    public List<LadderMilestone> schedule(Instant start, LadderContext context) {
        List<LadderMilestone> milestones = new ArrayList<>();
        for (LadderStep step : LadderStep.values()) {
            Duration threshold = thresholdFor(step, context);
            Duration normal = settings.thresholds().get(step);
            Set<ContextModifier> pulledBy = EnumSet.noneOf(ContextModifier.class);
            if (threshold.compareTo(normal) < 0) {
                context.modifiers().stream()
                        .filter(m -> settings.modifiers().get(m).thresholdPercent() < ModifierPolicy.FULL_PERCENT)
                        .forEach(pulledBy::add);
            }
            milestones.add(new LadderMilestone(step, start.plus(threshold), threshold, normal, step.departments(),
                    settings.notifyAt(step, context.modifiers()), pulledBy));
        }
        return List.copyOf(milestones);
    }

    /** The rows that have fallen due by {@code now}, in order. */
    public List<LadderMilestone> reached(Instant start, Instant now, LadderContext context) {
        return schedule(start, context).stream().filter(m -> !m.dueAt().isAfter(now)).toList();
    }

    /**
     * The departments that must be in manual operation at {@code now} (EP-5.2): those of every row due by now,
     * plus those switched on request by now. Empty before the outage starts unless a request was made.
     */
    public Set<Department> departmentsInManualAt(Instant start, Instant now, LadderContext context) {
        EnumSet<Department> manual = EnumSet.noneOf(Department.class);
        reached(start, now, context).forEach(m -> manual.addAll(m.departments()));
        context.requests().forEach((department, at) -> {
            if (!at.isAfter(now)) {
                manual.add(department);
            }
        });
        return Collections.unmodifiableSet(manual);
    }

    /** {@link #departmentsInManualAt(Instant, Instant, LadderContext)} at the clock's current instant. */
    public Set<Department> departmentsInManual(Instant start, InstantSource clock, LadderContext context) {
        return departmentsInManualAt(start, clock.instant(), context);
    }

    /** The next row to fall due after {@code now}, or empty when all three are due. */
    public Optional<LadderMilestone> nextStep(Instant start, Instant now, LadderContext context) {
        return schedule(start, context).stream().filter(m -> m.dueAt().isAfter(now)).findFirst();
    }
}
