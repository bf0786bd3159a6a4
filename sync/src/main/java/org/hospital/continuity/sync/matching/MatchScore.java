package org.hospital.continuity.sync.matching;

import java.util.List;

/** The score of one candidate against one downtime record, with its components. */
public record MatchScore(PatientFacts candidate, List<ScoreComponent> components) {

    public MatchScore {
        components = List.copyOf(components);
    }

    /** Sum of the components' points. */
    public int total() {
        return components.stream().mapToInt(ScoreComponent::points).sum();
    }

    /** The component of a field. */
    public ScoreComponent component(ScoreComponent.Field field) {
        return components.stream().filter(c -> c.field() == field).findFirst().orElseThrow();
    }

    /** The outcome of a field. */
    public ScoreComponent.Outcome outcome(ScoreComponent.Field field) {
        return component(field).outcome();
    }

    /** True when any field excludes the same person. */
    public boolean hasConflict() {
        return components.stream().anyMatch(c -> c.outcome() == ScoreComponent.Outcome.CONFLICT);
    }

    /** One line: total and every component. */
    public String explain() {
        StringBuilder b = new StringBuilder().append(total()).append(" =");
        components.forEach(c -> b.append(' ').append(c.explain()).append(';'));
        return b.toString();
    }

    /** Two downtime records and their score: a possible duplicate for a person to look at. */
    public record Pair(PatientFacts record, MatchScore score) {
    }
}
