package org.hospital.continuity.sync.matching;

import java.util.List;

/**
 * What matching decided for one downtime patient. Only {@link Matched} and {@link CreateNew} are
 * automatic; a {@link Proposed} goes to a person on the workbench.
 */
public sealed interface MatchDecision {

    /** Why, in one stable machine word the workbench translates. */
    String reason();

    /** The probability that the person is none of the HIS's patients (a new patient), as matching weighed it. */
    double newPatientProbability();

    /** True when write-back may go ahead without a person. */
    default boolean automatic() {
        return !(this instanceof Proposed);
    }

    /** The same person as one HIS patient, certain by the model ({@code score.probability()} ≥ the match threshold). */
    record Matched(MatchScore score, String reason, double newPatientProbability) implements MatchDecision {
        public String hisPatientRef() {
            return score.candidate().ref();
        }
    }

    /** Certainly no HIS patient: a new patient may be created (conditionally, so replay stays idempotent). */
    record CreateNew(List<MatchScore> nearest, String reason, double newPatientProbability) implements MatchDecision {
        public CreateNew {
            nearest = List.copyOf(nearest);
        }
    }

    /** Candidates for a person to choose from, best first; possibly none is right. */
    record Proposed(List<MatchScore> candidates, String reason, double newPatientProbability) implements MatchDecision {
        public Proposed {
            candidates = List.copyOf(candidates);
        }
    }
}
