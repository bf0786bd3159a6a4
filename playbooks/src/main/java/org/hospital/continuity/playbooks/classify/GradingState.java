package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.signal.Signal;

/**
 * The state of re-grading for one incident.
 *
 * @param signals   every signal so far, in arrival order
 * @param computed  the classifier's result at {@code asOf}
 * @param override  IT's manual grade, if one holds
 * @param effective the grade that applies: the override's, else the classifier's
 * @param asOf      the time of the last evaluation
 */
public record GradingState(List<Signal> signals, Optional<Classification> computed, Optional<Override> override,
                           Optional<Grade> effective, Instant asOf) {

    public GradingState {
        signals = List.copyOf(signals);
        Objects.requireNonNull(computed, "computed");
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** No signals, no grade. */
    public static GradingState empty(Instant asOf) {
        return new GradingState(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), asOf);
    }

    /** The evidence behind the classifier's grade (empty when none). */
    public List<Evidence> evidence() {
        return computed.map(Classification::evidence).orElse(List.of());
    }
}
