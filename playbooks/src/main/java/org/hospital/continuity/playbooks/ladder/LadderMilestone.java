package org.hospital.continuity.playbooks.ladder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;

/**
 * One step of the ladder for a given outage: when it falls due and who switches and who is told.
 *
 * @param step          the EP-5.2 row
 * @param dueAt         outage start + threshold
 * @param threshold     the threshold that applies (possibly pulled earlier by the context)
 * @param planThreshold the hospital's normal threshold for this row
 * @param departments   the departments the row names
 * @param notified      who is told at this step (the row's parties plus the modifiers' extra parties), in {@link Party#ORDER}
 * @param pulledBy      the modifiers that pulled the threshold earlier (empty when it is the normal threshold)
 */
public record LadderMilestone(LadderStep step, Instant dueAt, Duration threshold, Duration planThreshold,
                              Set<Department> departments, List<Party> notified, Set<ContextModifier> pulledBy) {

    public LadderMilestone {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(dueAt, "dueAt");
        departments = Set.copyOf(departments);
        notified = List.copyOf(notified);
        pulledBy = Set.copyOf(pulledBy);
    }

    /** The EP-5.2 row's clause. */
    public String clause() {
        return step.clause();
    }

    /** True when the context pulled this step earlier than normal. */
    public boolean pulledEarlier() {
        return threshold.compareTo(planThreshold) < 0;
    }
}
