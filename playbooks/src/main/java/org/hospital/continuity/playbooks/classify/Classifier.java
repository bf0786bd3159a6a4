package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.signal.Signal;

/**
 * Grades an incident from its signals (EP-4, EP-5): a pure function of the signals so far, the time and the
 * settings. The answer is the class with its evidence (which signals, which rule), never a score.
 *
 * <p>Rules, in order (see {@link ClassificationRule}): component down, component unstable, integrity alarm,
 * diagnosed cause, loss of access across buildings, pattern of terminal faults, key terminal, single report.
 * The class is the most severe among the findings ({@link FaultClass#BY_SEVERITY}); the scope is the widest.
 *
 * <p>Only {@linkplain Signal#mayLower() lowering signals} (a probe that sees its component up, a clearance, a
 * diagnosis) can lower the class; time alone lowers it only when a component's failures fall out of the
 * {@linkplain ClassifierSettings#unstableWindow() unstable window} ({@link #nextReviewAt}).
 */
public final class Classifier {

    private static final Comparator<Evidence> MOST_SEVERE_FIRST = Comparator
            .comparing(Evidence::faultClass, FaultClass.BY_SEVERITY.reversed())
            .thenComparing(Evidence::scope, Comparator.comparingInt(Scope::breadth).reversed())
            .thenComparing(Evidence::since)
            .thenComparing(Evidence::rule)
            .thenComparing(Evidence::key);

    private Classifier() {
    }

    /**
     * The current class of the incident, or empty when no finding holds (nothing reported, or all cleared).
     *
     * @param signals  every signal of the incident so far, in any order; signals after {@code now} are ignored
     * @param now      the time to grade at
     * @param settings thresholds
     */
    public static Optional<Classification> classify(List<? extends Signal> signals, Instant now, ClassifierSettings settings) {
        List<Evidence> evidence = evidence(signals, now, settings);
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        FaultClass top = evidence.get(0).faultClass();
        Scope scope = evidence.stream().map(Evidence::scope).reduce(Scope.LOCAL, Scope::widest);
        return Optional.of(new Classification(top, scope, evidence));
    }

    /** {@link #classify(List, Instant, ClassifierSettings)} at the clock's current instant. */
    public static Optional<Classification> classify(List<? extends Signal> signals, InstantSource clock, ClassifierSettings settings) {
        return classify(signals, clock.instant(), settings);
    }

    /** Every finding that holds at {@code now}, most severe first. */
    public static List<Evidence> evidence(List<? extends Signal> signals, Instant now, ClassifierSettings settings) {
        SignalView view = SignalView.of(signals, now);
        List<Evidence> all = new ArrayList<>();
        for (ClassificationPolicies.Policy policy : ClassificationPolicies.ALL) {
            all.addAll(policy.finder().find(view, settings));
        }
        all.sort(MOST_SEVERE_FIRST);
        return List.copyOf(all);
    }

    /**
     * The next instant after {@code now} at which the result may change without a new signal (a failure leaves
     * the unstable window); the caller grades again then. Empty when only new signals can change it.
     */
    public static Optional<Instant> nextReviewAt(List<? extends Signal> signals, Instant now, ClassifierSettings settings) {
        SignalView view = SignalView.of(signals, now);
        return view.probeSeries.values().stream()
                .flatMap(series -> SignalView.episodes(series).stream())
                .flatMap(e -> e.endedAt().stream())
                .map(end -> end.plus(settings.unstableWindow()))
                .filter(t -> t.isAfter(now))
                .min(Instant::compareTo);
    }

    /** The rules in the order they are applied. */
    public static List<ClassificationRule> rules() {
        return ClassificationPolicies.ALL.stream().map(ClassificationPolicies.Policy::rule).toList();
    }
}
