package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * Re-grading as a pure fold: given the previous state and a new signal (or the passing of time, or a manual
 * override), the new state and the events to record. The class goes up or down as evidence arrives or clears
 * (EP-4); every change is a {@link GradingEvent.ClassChanged} or {@link GradingEvent.ScopeChanged} with its
 * reason and evidence.
 *
 * <pre>{@code
 * GradingState state = GradingState.empty(start);
 * for (Signal s : signals) {
 *     Regrading.Step step = Regrading.observe(state, s, settings);
 *     record(step.events());
 *     state = step.state();
 * }
 * }</pre>
 */
public final class Regrading {

    /** Rule cited when a manual override or its lifting has no reason (EP-4: each change recorded with why). */
    public static final String OVERRIDE_NEEDS_REASON = "EP-4";
    /** Rule cited when a manual action does not say who made it (HR-2: responsibility traced by account). */
    public static final String OVERRIDE_NEEDS_AUTHOR = "HR-2";

    /**
     * A state and the events that led to it.
     *
     * @param state  the new state
     * @param events what to record, in order (possibly none)
     */
    public record Step(GradingState state, List<GradingEvent> events) {
        public Step {
            Objects.requireNonNull(state, "state");
            events = List.copyOf(events);
        }
    }

    private Regrading() {
    }

    /** A new signal arrives; the incident is graded at {@code max(state.asOf, signal.at)}. */
    public static Step observe(GradingState state, Signal signal, ClassifierSettings settings) {
        Instant now = later(state.asOf(), signal.at());
        Facts facts = state.facts().observe(signal, settings).advance(now, settings);
        Health health = signal instanceof ProbeResult p ? state.health().observe(p) : state.health();
        Optional<Classification> computed = Classifier.classify(facts, health, now, settings);
        List<GradingEvent> events = new ArrayList<>();
        Optional<Override> override = state.override();
        if (override.isPresent() && supersedes(override.get(), computed)) {
            List<Evidence> fresh = freshEvidence(override.get(), computed.orElseThrow());
            events.add(new GradingEvent.OverrideSuperseded(now, override.get().faultClass(),
                    computed.orElseThrow().faultClass(), fresh));
            override = Optional.empty();
        }
        // what the signal says, not its machine id (a UUID for a fault report): the reason is read on the board
        Bilingual trigger = Bilingual.of("新信号:" + signal.describe().zh(), "new signal: " + signal.describe().en());
        return settle(state, facts, health, computed, override, now, trigger, events);
    }

    /**
     * The probes' health changed (a probe of a component outside this incident): the incident is weighed again
     * (reports of lost access while the HIS answers are not a whole-network failure).
     */
    public static Step reweigh(GradingState state, Health health, Instant at, ClassifierSettings settings) {
        Instant now = later(state.asOf(), at);
        Facts facts = state.facts().advance(now, settings);
        Optional<Classification> computed = Classifier.classify(facts, health, now, settings);
        Bilingual trigger = Bilingual.of("探测结果变化: 信息系统核心部件 " + health.hisWideUpNames().zh() + " 正常",
                "probes changed: HIS-wide components answering: " + health.hisWideUpNames().en());
        return settle(state, facts, health, computed, state.override(), now, trigger, new ArrayList<>());
    }

    /** Two incidents become one: this state absorbs the other's facts (its override is dropped). */
    public static Step absorb(GradingState state, GradingState other, Instant at, Bilingual reason, ClassifierSettings settings) {
        Instant now = later(later(state.asOf(), other.asOf()), at);
        Facts facts = state.facts().merge(other.facts(), settings).advance(now, settings);
        Optional<Classification> computed = Classifier.classify(facts, state.health(), now, settings);
        return settle(state, facts, state.health(), computed, state.override(), now, reason, new ArrayList<>());
    }

    /** Observes several signals in order; the events of every step, concatenated. */
    public static Step observeAll(GradingState state, List<? extends Signal> signals, ClassifierSettings settings) {
        List<GradingEvent> events = new ArrayList<>();
        GradingState current = state;
        for (Signal s : signals) {
            Step step = observe(current, s, settings);
            events.addAll(step.events());
            current = step.state();
        }
        return new Step(current, events);
    }

    /** Time passes without a new signal: a failure may leave the unstable window ({@link Classifier#nextReviewAt}). */
    public static Step review(GradingState state, Instant now, ClassifierSettings settings) {
        Instant at = later(state.asOf(), now);
        Facts facts = state.facts().advance(at, settings);
        Optional<Classification> computed = Classifier.classify(facts, state.health(), at, settings);
        Bilingual trigger = Bilingual.of("时间窗口期满", "time window elapsed");
        return settle(state, facts, state.health(), computed, state.override(), at, trigger, new ArrayList<>());
    }

    /**
     * IT on duty sets the grade by hand. Rejected without a reason (EP-4) or without who (HR-2); otherwise
     * recorded as {@link GradingEvent.OverrideApplied} followed by the resulting changes.
     */
    public static Decision override(GradingState state, OverrideRequest request, ClassifierSettings settings) {
        if (request.by().isBlank()) {
            return new Decision.Rejected(OVERRIDE_NEEDS_AUTHOR,
                    Bilingual.of("人工调整定级必须记录调整人", "a manual override must say who makes it"));
        }
        if (request.reason().isBlank()) {
            return new Decision.Rejected(OVERRIDE_NEEDS_REASON,
                    Bilingual.of("人工调整定级必须说明理由", "a manual override needs a reason"));
        }
        Instant now = later(state.asOf(), request.at());
        Facts facts = state.facts().advance(now, settings);
        Optional<Classification> computed = Classifier.classify(facts, state.health(), now, settings);
        Set<String> acknowledged = computed.map(c -> c.evidence().stream().map(Evidence::key).collect(Collectors.toSet()))
                .orElse(Set.of());
        Override override = new Override(now, request.by(), request.faultClass(), request.scope(), request.reason(), acknowledged,
                request.area());
        List<GradingEvent> events = new ArrayList<>();
        events.add(new GradingEvent.OverrideApplied(now, request.by(), request.faultClass(), request.scope(), request.reason()));
        Bilingual trigger = Bilingual.of("人工调整(" + request.by() + "): " + request.reason(),
                "manual override (" + request.by() + "): " + request.reason());
        Step step = settle(state, facts, state.health(), computed, Optional.of(override), now, trigger, events);
        return new Decision.Accepted(step.state(), step.events());
    }

    /** IT on duty lifts its override, with a reason; the classifier's grade applies again. */
    public static Decision lift(GradingState state, String by, String reason, Instant at, ClassifierSettings settings) {
        if (state.override().isEmpty()) {
            return new Decision.Rejected(OVERRIDE_NEEDS_REASON,
                    Bilingual.of("当前没有人工调整可撤销", "there is no manual override to lift"));
        }
        if (by == null || by.isBlank()) {
            return new Decision.Rejected(OVERRIDE_NEEDS_AUTHOR,
                    Bilingual.of("撤销人工调整必须记录撤销人", "lifting an override must say who lifts it"));
        }
        if (reason == null || reason.isBlank()) {
            return new Decision.Rejected(OVERRIDE_NEEDS_REASON,
                    Bilingual.of("撤销人工调整必须说明理由", "lifting an override needs a reason"));
        }
        Instant now = later(state.asOf(), at);
        Facts facts = state.facts().advance(now, settings);
        Optional<Classification> computed = Classifier.classify(facts, state.health(), now, settings);
        List<GradingEvent> events = new ArrayList<>();
        events.add(new GradingEvent.OverrideLifted(now, by, reason));
        Bilingual trigger = Bilingual.of("撤销人工调整(" + by + "): " + reason, "override lifted (" + by + "): " + reason);
        Step step = settle(state, facts, state.health(), computed, Optional.empty(), now, trigger, events);
        return new Decision.Accepted(step.state(), step.events());
    }

    /** The grade that applies: the override's (scope: its own, else the classifier's, else local), else the classifier's. */
    public static Optional<Grade> effective(Optional<Classification> computed, Optional<Override> override) {
        if (override.isPresent()) {
            Override o = override.get();
            Scope scope = o.scope().orElse(computed.map(Classification::scope).orElse(Scope.LOCAL));
            return Optional.of(new Grade(o.faultClass(), scope));
        }
        return computed.map(c -> new Grade(c.faultClass(), c.scope()));
    }

    private static Step settle(GradingState previous, Facts facts, Health health, Optional<Classification> computed,
                               Optional<Override> override, Instant now, Bilingual trigger, List<GradingEvent> events) {
        Optional<Grade> effective = effective(computed, override);
        Optional<Grade> before = previous.effective();
        List<Evidence> current = computed.map(Classification::evidence).orElse(List.of());
        Optional<FaultClass> fromClass = before.map(Grade::faultClass);
        Optional<FaultClass> toClass = effective.map(Grade::faultClass);
        if (!fromClass.equals(toClass)) {
            events.add(new GradingEvent.ClassChanged(now, fromClass, toClass,
                    reason(previous.evidence(), current, trigger, override.isPresent()), current));
        }
        Optional<Scope> fromScope = before.map(Grade::scope);
        Optional<Scope> toScope = effective.map(Grade::scope);
        if (!fromScope.equals(toScope)) {
            events.add(new GradingEvent.ScopeChanged(now, fromScope, toScope,
                    reason(previous.evidence(), current, trigger, override.isPresent()), current));
        }
        if (fromClass.equals(toClass) && fromScope.equals(toScope) && toClass.isPresent() && override.isEmpty()
                && !shapes(previous.evidence()).equals(shapes(current))) {
            events.add(new GradingEvent.EvidenceChanged(now, reason(previous.evidence(), current, trigger, override.isPresent()), current));
        }
        return new Step(new GradingState(facts, health, computed, override, effective, now), events);
    }

    /**
     * What a finding says, leaving out which reports it lists and how many: its rule, class, scope, area and
     * cause, and whether a component's outage explains reports. A change of these is worth a timeline entry; a
     * tenth report added to nine is not.
     */
    private static Set<Shape> shapes(List<Evidence> evidence) {
        Set<Shape> out = new java.util.HashSet<>();
        for (Evidence e : evidence) {
            out.add(new Shape(e.rule(), e.faultClass(), e.scope(), e.area(), e.cause(),
                    e.rule() == ClassificationRule.COMPONENT_DOWN && e.explanation().en().contains("; explains ")));
        }
        return out;
    }

    private record Shape(ClassificationRule rule, FaultClass faultClass, Scope scope, Optional<org.hospital.continuity.playbooks.fault.Area> area,
                         Optional<org.hospital.continuity.playbooks.fault.Cause> cause, boolean explains) {
    }

    /** Why the grade changed: what the trigger was, which evidence is new, which no longer holds. */
    private static Bilingual reason(List<Evidence> before, List<Evidence> after, Bilingual trigger, boolean overridden) {
        Set<String> beforeKeys = before.stream().map(Evidence::key).collect(Collectors.toSet());
        Set<String> afterKeys = after.stream().map(Evidence::key).collect(Collectors.toSet());
        List<Evidence> added = after.stream().filter(e -> !beforeKeys.contains(e.key())).toList();
        List<Evidence> dropped = before.stream().filter(e -> !afterKeys.contains(e.key())).toList();
        StringBuilder zh = new StringBuilder(trigger.zh());
        StringBuilder en = new StringBuilder(trigger.en());
        if (!added.isEmpty()) {
            zh.append(";新证据: ").append(added.get(0).line().zh());
            en.append("; new evidence: ").append(added.get(0).line().en());
        }
        if (!dropped.isEmpty()) {
            zh.append(";不再成立: ").append(dropped.stream().map(e -> e.line().zh()).collect(Collectors.joining(";")));
            en.append("; no longer holds: ").append(dropped.stream().map(e -> e.line().en()).collect(Collectors.joining("; ")));
        }
        if (overridden) {
            zh.append(";人工调整生效");
            en.append("; manual override in force");
        }
        return Bilingual.of(zh.toString(), en.toString());
    }

    private static boolean supersedes(Override override, Optional<Classification> computed) {
        return computed.isPresent() && !freshEvidence(override, computed.get()).isEmpty();
    }

    /** Evidence IT had not seen when it set the override and that is more severe than the override. */
    private static List<Evidence> freshEvidence(Override override, Classification computed) {
        return computed.evidence().stream()
                .filter(e -> e.faultClass().isMoreSevereThan(override.faultClass()))
                .filter(e -> !override.acknowledged().contains(e.key()))
                .toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
