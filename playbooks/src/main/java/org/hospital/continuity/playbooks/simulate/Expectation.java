package org.hospital.continuity.playbooks.simulate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;

/**
 * What a scenario file says must happen (its {@code expect:} block), checked against the simulation by
 * {@link Expectations#check}. Every part is optional; an absent part is not checked.
 *
 * @param incidents how many incidents open
 * @param atOnce    the most incidents open at the same time
 * @param classes   per incident number, its class changes in order (empty: every finding ended)
 * @param ladder    every ladder row reached, in order
 * @param manual    every department switched to manual (by a row, on request or by the leadership's decision)
 * @param outages   every outage, in the order it began
 * @param steps     playbook steps that must become due ({@code playbook/step})
 * @param noSteps   playbook steps that must not become due
 * @param merged    how many incidents were merged into another
 * @param evidence  texts that must appear in some evidence line of a grading event (English or Chinese)
 * @param rejected  how many requests were refused
 */
public record Expectation(Optional<Integer> incidents, Optional<Integer> atOnce,
                          Map<Integer, List<Optional<FaultClass>>> classes, Optional<List<Row>> ladder,
                          Optional<List<Switch>> manual, Optional<List<Outage>> outages, List<String> steps,
                          List<String> noSteps, Optional<Integer> merged, List<String> evidence, Optional<Integer> rejected) {

    /**
     * A ladder row expected at an offset.
     *
     * @param at   offset from the scenario's start
     * @param step the row
     * @param area where ({@link Area#HOSPITAL}: whole network)
     */
    public record Row(Duration at, LadderStep step, Area area) {
    }

    /**
     * A department expected to go to manual at an offset.
     *
     * @param at         offset from the scenario's start
     * @param department the department
     * @param area       where
     */
    public record Switch(Duration at, Department department, Area area) {
    }

    /**
     * An outage expected from one offset to another (empty: still going at the end).
     *
     * @param area where
     * @param from its clock's start
     * @param to   when it ended
     */
    public record Outage(Area area, Duration from, Optional<Duration> to) {
    }

    public Expectation {
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(atOnce, "atOnce");
        classes = Map.copyOf(classes);
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(manual, "manual");
        Objects.requireNonNull(outages, "outages");
        steps = List.copyOf(steps);
        noSteps = List.copyOf(noSteps);
        Objects.requireNonNull(merged, "merged");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(rejected, "rejected");
    }

    /** Nothing expected. */
    public static Expectation none() {
        return new Expectation(Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), Optional.empty(), List.of(), Optional.empty());
    }

    /** True when the file expects nothing. */
    public boolean isEmpty() {
        return equals(none());
    }
}
