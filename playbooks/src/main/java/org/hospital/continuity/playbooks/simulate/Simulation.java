package org.hospital.continuity.playbooks.simulate;

import java.util.List;
import java.util.Objects;
import org.hospital.continuity.playbooks.incident.EngineState;
import org.hospital.continuity.playbooks.incident.TimelineEntry;

/**
 * The result of running a scenario: every decision in order, and the final state.
 *
 * @param scenario the scenario
 * @param entries  the timeline, ordered by time and, within an instant, by the order the engine decided
 * @param end      the engine state at the end
 */
public record Simulation(Scenario scenario, List<TimelineEntry> entries, EngineState end) {

    public Simulation {
        Objects.requireNonNull(scenario, "scenario");
        entries = List.copyOf(entries);
        Objects.requireNonNull(end, "end");
    }

    /** The entries of one kind, in order. */
    public <T extends TimelineEntry> List<T> entriesOf(Class<T> type) {
        return entries.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The entries of one kind about one incident (by number), in order. */
    public <T extends TimelineEntry> List<T> entriesOf(Class<T> type, int incident) {
        return entriesOf(type).stream().filter(e -> e.incident().number() == incident).toList();
    }
}
