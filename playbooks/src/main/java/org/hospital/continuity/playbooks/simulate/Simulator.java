package org.hospital.continuity.playbooks.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.playbooks.incident.IncidentEngine;
import org.hospital.continuity.playbooks.incident.EngineState;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.incident.TimelineEntry;
import org.hospital.continuity.playbooks.playbook.PlaybookSet;

/**
 * Runs a scenario through the {@link IncidentEngine} with a fake clock: each input at its instant, then every
 * wake-up (ladder rows, deadlines, quiet-period close, window expiry) until nothing is pending or the scenario's
 * {@code until} is reached. Deterministic: the same scenario and playbooks give the same timeline.
 */
public final class Simulator {

    /**
     * Without an {@code until}, a simulation stops this long after the last input at the latest (or after the
     * scenario's horizon, when that is shorter).
     */
    public static final Duration MAX_TAIL = Duration.ofDays(30);

    private Simulator() {
    }

    /** Runs the scenario against the given playbooks. */
    public static Simulation run(Scenario scenario, PlaybookSet playbooks) {
        IncidentEngine engine = new IncidentEngine(scenario.settings(), playbooks);
        EngineState state = engine.start(scenario.start(), scenario.context());
        List<TimelineEntry> entries = new ArrayList<>();
        Instant lastInput = scenario.start();
        for (Input input : scenario.inputs()) {
            IncidentEngine.Step step = engine.accept(state, input);
            entries.addAll(step.entries());
            state = step.state();
            lastInput = input.at().isAfter(lastInput) ? input.at() : lastInput;
        }
        Duration tail = scenario.horizon().compareTo(MAX_TAIL) < 0 ? scenario.horizon() : MAX_TAIL;
        Instant horizon = scenario.until().map(scenario.start()::plus).orElse(lastInput.plus(tail));
        while (true) {
            Optional<Instant> next = engine.nextWakeUp(state);
            if (next.isEmpty() || next.get().isAfter(horizon)) {
                break;
            }
            IncidentEngine.Step step = engine.advanceTo(state, next.get());
            entries.addAll(step.entries());
            state = step.state();
        }
        if (scenario.until().isPresent() && state.clock().isBefore(horizon)) {
            IncidentEngine.Step step = engine.advanceTo(state, horizon);
            entries.addAll(step.entries());
            state = step.state();
        }
        return new Simulation(scenario, entries, state);
    }
}
