package org.hospital.continuity.sync.matching;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Locale;

/**
 * The score of one candidate against one downtime record: its components and, once matching has weighed
 * it against every other candidate and against "a new patient", the probability that the candidate is the
 * person ({@code null} when not computed, e.g. a score shown on its own, or one stored before
 * probabilities existed).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchScore(PatientFacts candidate, List<ScoreComponent> components, Double probability) {

    public MatchScore {
        components = List.copyOf(components);
    }

    /** A score not yet weighed against others. */
    public MatchScore(PatientFacts candidate, List<ScoreComponent> components) {
        this(candidate, components, null);
    }

    /** The same score with its probability. */
    public MatchScore withProbability(double p) {
        return new MatchScore(candidate, components, p);
    }

    /** Sum of the components' weights in bits (the Fellegi–Sunter match weight without the prior). */
    @JsonIgnore
    public double total() {
        double t = 0;
        for (ScoreComponent c : components) {
            t += c.weight();
        }
        return t;
    }

    /** The component of a field. */
    public ScoreComponent component(ScoreComponent.Field field) {
        for (ScoreComponent c : components) {
            if (c.field() == field) {
                return c;
            }
        }
        throw new IllegalArgumentException("no component " + field);
    }

    /** The outcome of a field. */
    public ScoreComponent.Outcome outcome(ScoreComponent.Field field) {
        return component(field).outcome();
    }

    /** True when any field (almost) excludes the same person. */
    public boolean hasConflict() {
        return components.stream().anyMatch(c -> c.outcome() == ScoreComponent.Outcome.CONFLICT);
    }

    /** One line: total, probability and every component. */
    public String explain() {
        StringBuilder b = new StringBuilder().append(String.format(Locale.ROOT, "%.1f", total()));
        if (probability != null) {
            b.append(String.format(Locale.ROOT, " (p=%.6f)", probability));
        }
        b.append(" =");
        components.forEach(c -> b.append(' ').append(c.explain()).append(';'));
        return b.toString();
    }

    /** Two downtime records and their score: a possible duplicate for a person to look at. */
    public record Pair(PatientFacts record, MatchScore score) {
    }
}
