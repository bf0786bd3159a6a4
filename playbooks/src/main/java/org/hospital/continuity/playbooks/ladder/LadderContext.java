package org.hospital.continuity.playbooks.ladder;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hospital.continuity.playbooks.party.Department;

/**
 * The circumstances of an outage: the EP-5.1 modifiers in force, and the departments switched early on
 * request because of critically ill patients (EP-5.2 "危重病人可随时转入手工").
 *
 * @param modifiers the modifiers in force
 * @param requests  departments switched on request, with when
 */
public record LadderContext(Set<ContextModifier> modifiers, Map<Department, Instant> requests) {

    public LadderContext {
        modifiers = modifiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modifiers));
        requests = Map.copyOf(requests);
    }

    /** An ordinary weekday: no modifier, no request. */
    public static LadderContext none() {
        return new LadderContext(Set.of(), Map.of());
    }

    /** With the given modifiers. */
    public static LadderContext of(ContextModifier... modifiers) {
        return new LadderContext(modifiers.length == 0 ? Set.of() : EnumSet.of(modifiers[0], modifiers), Map.of());
    }

    /** This context with exactly these modifiers (requests kept). */
    public LadderContext withModifiers(Set<ContextModifier> inForce) {
        return new LadderContext(inForce, requests);
    }

    /** This context with one more modifier. */
    public LadderContext with(ContextModifier modifier) {
        EnumSet<ContextModifier> more = modifiers.isEmpty() ? EnumSet.noneOf(ContextModifier.class) : EnumSet.copyOf(modifiers);
        more.add(Objects.requireNonNull(modifier));
        return new LadderContext(more, requests);
    }

    /** This context with a department switched on request at {@code at} (the first request counts). */
    public LadderContext withRequest(Department department, Instant at) {
        Map<Department, Instant> more = new EnumMap<>(Department.class);
        more.putAll(requests);
        more.putIfAbsent(department, at);
        return new LadderContext(modifiers, more);
    }
}
