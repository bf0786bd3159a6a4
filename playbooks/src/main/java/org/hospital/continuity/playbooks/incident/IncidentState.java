package org.hospital.continuity.playbooks.incident;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.GradingState;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;

/**
 * The state of the incident engine: immutable; each call of {@link IncidentEngine} returns a new one.
 *
 * @param clock        the time up to which everything has been processed
 * @param grading      the re-grading state (signals, classification, override)
 * @param modifiers    the EP-5.1 circumstances in force
 * @param openedAt     when the current incident opened; empty when none is open
 * @param highestClass the most severe class the current incident reached
 * @param classesFired the classes whose playbooks fired in the current incident
 * @param outageStart  start of the current whole-network outage (EP-5); empty when there is none
 * @param stepsReached the ladder rows reached in the current outage
 * @param manualSince  departments in manual operation, with since when
 * @param quietSince   when the current incident's findings all cleared; it closes after the quiet period
 * @param deadlines    step deadlines not yet reached, earliest first
 */
public record IncidentState(
        Instant clock,
        GradingState grading,
        Set<ContextModifier> modifiers,
        Optional<Instant> openedAt,
        Optional<FaultClass> highestClass,
        Set<FaultClass> classesFired,
        Optional<Instant> outageStart,
        Set<LadderStep> stepsReached,
        Map<Department, Instant> manualSince,
        Optional<Instant> quietSince,
        List<PendingDeadline> deadlines) {

    public IncidentState {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(grading, "grading");
        modifiers = copy(modifiers, ContextModifier.class);
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(highestClass, "highestClass");
        classesFired = copy(classesFired, FaultClass.class);
        Objects.requireNonNull(outageStart, "outageStart");
        stepsReached = copy(stepsReached, LadderStep.class);
        manualSince = manualSince.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(manualSince));
        Objects.requireNonNull(quietSince, "quietSince");
        deadlines = List.copyOf(deadlines);
    }

    /** No incident, nothing in manual, at {@code at} with the given circumstances. */
    public static IncidentState initial(Instant at, Set<ContextModifier> modifiers) {
        return new IncidentState(at, GradingState.empty(at), modifiers, Optional.empty(), Optional.empty(), Set.of(),
                Optional.empty(), Set.of(), Map.of(), Optional.empty(), List.of());
    }

    /** True while an incident is open. */
    public boolean incidentOpen() {
        return openedAt.isPresent();
    }

    /** True during an EP-5 whole-network outage. */
    public boolean outageOngoing() {
        return outageStart.isPresent();
    }

    /** The departments in manual operation now. */
    public Set<Department> manualDepartments() {
        return manualSince.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(manualSince.keySet()));
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        return values.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(values));
    }
}
