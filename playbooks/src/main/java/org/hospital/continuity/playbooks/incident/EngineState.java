package org.hospital.continuity.playbooks.incident;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.Health;
import org.hospital.continuity.playbooks.collect.PMap;
import org.hospital.continuity.playbooks.collect.PQueue;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.party.Department;

/**
 * The state of the incident engine for the whole hospital: the incidents open now (several at once, each with
 * its own grade, outages, ladder and deadlines), what the probes say, the circumstances in force, and the
 * deadlines of closed incidents that still run out (EP-8.4 back-entry, EP-8.6 review). Immutable; each call of
 * {@link IncidentEngine} returns a new one sharing what did not change.
 *
 * @param epoch     when the engine started (incident ids derive from it)
 * @param clock     the time up to which everything has been processed
 * @param modifiers the EP-5.1 circumstances in force
 * @param health    the latest status of every probed component
 * @param open      the open incidents by id
 * @param index     what each open incident is filed under (signal ids, series, terminals, places) → its id
 * @param closed    deadlines still pending of incidents already closed, by incident id
 * @param wakes     when each incident (open or closed with deadlines) next has something to do
 * @param wakeAt    the entry of each incident in {@code wakes}, by incident id
 * @param down      the probe series in outage now (series key) → the incident holding it
 * @param placeAt   when a report was last filed under a place key (a report folds into the incident of its
 *                  place only while that place reported within the confirm window)
 * @param opened    how many incidents were opened since the start
 */
public record EngineState(
        Instant epoch,
        Instant clock,
        Set<ContextModifier> modifiers,
        Health health,
        PMap<String, IncidentState> open,
        PMap<String, String> index,
        PMap<String, List<PendingDeadline>> closed,
        PQueue wakes,
        PMap<String, Instant> wakeAt,
        PMap<String, String> down,
        PMap<String, Instant> placeAt,
        int opened) {

    public EngineState {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(clock, "clock");
        modifiers = modifiers.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(modifiers));
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(wakes, "wakes");
        Objects.requireNonNull(wakeAt, "wakeAt");
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(placeAt, "placeAt");
    }

    /** Nothing open, nothing probed, at {@code at} with the circumstances in force. */
    public static EngineState initial(Instant at, Set<ContextModifier> modifiers) {
        return new EngineState(at, at, modifiers, Health.none(), PMap.empty(), PMap.empty(), PMap.empty(), PQueue.empty(),
                PMap.empty(), PMap.empty(), PMap.empty(), 0);
    }

    /** The open incidents, in the order they were opened. */
    public List<IncidentState> incidents() {
        return open.values().stream().sorted(Comparator.comparingInt(i -> i.ref().number())).toList();
    }

    /** An open incident by id or number. */
    public Optional<IncidentState> incident(String reference) {
        IncidentState byId = open.get(reference);
        if (byId != null) {
            return Optional.of(byId);
        }
        return open.values().stream().filter(i -> i.ref().matches(reference)).findFirst();
    }

    /** True while an incident is open. */
    public boolean incidentOpen() {
        return !open.isEmpty();
    }

    /** True during an EP-5 whole-network outage (of any incident). */
    public boolean outageOngoing() {
        return open.values().stream().anyMatch(IncidentState::outageOngoing);
    }

    /** The areas cut off now, over every incident. */
    public List<Area> areasDown() {
        return incidents().stream().flatMap(i -> i.areasDown().stream()).distinct().toList();
    }

    /** The departments in manual operation in the whole hospital now, over every incident. */
    public Set<Department> manualDepartments() {
        EnumSet<Department> out = EnumSet.noneOf(Department.class);
        open.values().forEach(i -> out.addAll(i.manualDepartments()));
        return Collections.unmodifiableSet(out);
    }

    /** Every department of every area in manual operation now. */
    public List<IncidentState.Manual> manual() {
        return incidents().stream().flatMap(i -> i.manual().stream()).toList();
    }

    /** True when the department is in manual operation in the area, by any incident. */
    public boolean isManual(Department department, Area area) {
        return open.values().stream().anyMatch(i -> i.isManual(department, area));
    }
}
