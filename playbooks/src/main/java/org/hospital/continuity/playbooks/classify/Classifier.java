package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.Signal;

/**
 * Grades an incident from what holds in it (EP-4, EP-5): a pure function of the {@link Facts}, the probes'
 * {@link Health}, the time and the settings. The answer is the class with its evidence (which signals, which
 * rule), never a score.
 *
 * <p>Rules, in order (see {@link ClassificationRule}): component down, component unstable, integrity alarm,
 * diagnosed cause, loss of access across buildings, pattern of terminal faults, key terminal, single reports.
 * The class is the most severe among the findings ({@link FaultClass#BY_SEVERITY}); the scope is the widest.
 *
 * <p>Every finding has a lifetime ({@link Facts}): it ends when what supports it ends, so time alone lowers a
 * grade (a flapping component's outage ends, unconfirmed reports age); {@link #nextReviewAt} says when.
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
     * The class of everything the signals say as one incident, or empty when no finding holds (nothing
     * reported, or all cleared or aged out).
     *
     * @param signals  signals in any order; signals after {@code now} are ignored
     * @param now      the time to grade at
     * @param settings thresholds
     */
    public static Optional<Classification> classify(List<? extends Signal> signals, Instant now, ClassifierSettings settings) {
        Folded f = fold(signals, now, settings);
        return classify(f.facts(), f.health(), now, settings);
    }

    /** {@link #classify(List, Instant, ClassifierSettings)} at the clock's current instant. */
    public static Optional<Classification> classify(List<? extends Signal> signals, InstantSource clock, ClassifierSettings settings) {
        return classify(signals, clock.instant(), settings);
    }

    /** The class of one incident's facts, weighed against the probes' health. */
    public static Optional<Classification> classify(Facts facts, Health health, Instant now, ClassifierSettings settings) {
        List<Evidence> evidence = evidence(facts, health, now, settings);
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        FaultClass top = evidence.get(0).faultClass();
        Scope scope = evidence.stream().map(Evidence::scope).reduce(Scope.LOCAL, Scope::widest);
        return Optional.of(new Classification(top, scope, evidence));
    }

    /** Every finding of the signals taken as one incident at {@code now}, most severe first. */
    public static List<Evidence> evidence(List<? extends Signal> signals, Instant now, ClassifierSettings settings) {
        Folded f = fold(signals, now, settings);
        return evidence(f.facts(), f.health(), now, settings);
    }

    /** Every finding that holds at {@code now}, most severe first. */
    public static List<Evidence> evidence(Facts facts, Health health, Instant now, ClassifierSettings settings) {
        ClassificationPolicies.View view = new ClassificationPolicies.View(facts, health, now, settings);
        List<Evidence> all = new ArrayList<>();
        for (ClassificationPolicies.Policy policy : ClassificationPolicies.ALL) {
            all.addAll(policy.finder().find(view));
        }
        all.sort(MOST_SEVERE_FIRST);
        return List.copyOf(all);
    }

    /**
     * The next instant after {@code now} at which the result may change without a new signal (a held outage
     * ends, a failure leaves the unstable window, unconfirmed reports age); the caller grades again then.
     * Empty when only new signals can change it.
     */
    public static Optional<Instant> nextReviewAt(List<? extends Signal> signals, Instant now, ClassifierSettings settings) {
        return nextReviewAt(fold(signals, now, settings).facts(), now, settings);
    }

    /** {@link #nextReviewAt(List, Instant, ClassifierSettings)} for one incident's facts. */
    public static Optional<Instant> nextReviewAt(Facts facts, Instant now, ClassifierSettings settings) {
        return ClassificationPolicies.nextChange(facts, now, settings);
    }

    /** The rules in the order they are applied. */
    public static List<ClassificationRule> rules() {
        return ClassificationPolicies.ALL.stream().map(ClassificationPolicies.Policy::rule).toList();
    }

    /** Facts and health of signals taken as one incident, in time order (same instant: the given order). */
    private record Folded(Facts facts, Health health) {
    }

    private static Folded fold(List<? extends Signal> signals, Instant now, ClassifierSettings settings) {
        List<Signal> ordered = signals.stream()
                .filter(s -> !s.at().isAfter(now))
                .sorted(Comparator.comparing(Signal::at))
                .map(Signal.class::cast)
                .toList();
        Facts facts = Facts.empty();
        Health health = Health.none();
        for (Signal s : ordered) {
            if (s instanceof ProbeResult p) {
                health = health.observe(p);
            }
            facts = facts.observe(s, settings);
        }
        return new Folded(facts.advance(now, settings), health);
    }
}
