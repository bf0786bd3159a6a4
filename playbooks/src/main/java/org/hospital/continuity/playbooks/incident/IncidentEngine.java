package org.hospital.continuity.playbooks.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hospital.continuity.playbooks.classify.Classification;
import org.hospital.continuity.playbooks.classify.Classifier;
import org.hospital.continuity.playbooks.classify.Decision;
import org.hospital.continuity.playbooks.classify.Grade;
import org.hospital.continuity.playbooks.classify.GradingEvent;
import org.hospital.continuity.playbooks.classify.GradingState;
import org.hospital.continuity.playbooks.classify.Regrading;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.DowntimeLadder;
import org.hospital.continuity.playbooks.ladder.LadderContext;
import org.hospital.continuity.playbooks.ladder.LadderMilestone;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.playbook.DueStep;
import org.hospital.continuity.playbooks.playbook.Occurrence;
import org.hospital.continuity.playbooks.playbook.PlaybookSet;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * The plan at work on one incident: re-grading (EP-4), the whole-network outage and its ladder (EP-5), the
 * playbooks that fall due (EP-3 … EP-9) and their deadlines. Pure: every method takes a state and returns a new
 * state with the timeline entries it produced; the time always comes from the caller (an input's instant, or
 * {@code now} for {@link #advanceTo}), never from a clock read inside.
 *
 * <p>The server keeps the {@link IncidentState}, calls {@link #accept} for each input and {@link #advanceTo}
 * when {@link #nextWakeUp} comes (ladder rows, deadlines, quiet-period close, unstable-window expiry). The
 * simulator does the same with a fake clock.
 *
 * <p>Within one instant: wake-ups strictly before an input are processed first; an input at the same instant as
 * a ladder row comes before it ("not recovered within 30 minutes": recovering at 30:00 is in time).
 *
 * <p>Deadlines of the response phase become moot when that phase is over: those fired by the outage (whole
 * network, ladder rows, manual mode) when the outage ends, those fired by the incident (opening, classes) when
 * it closes. Deadlines of recovery and post-incident steps (EP-8.4 back-entry, EP-8.6 review) always run out.
 */
public final class IncidentEngine {

    /** A safety net against a wake-up that does not move time on; far above any real incident. */
    static final int MAX_WAKE_UPS_PER_CALL = 100_000;

    private final EngineSettings settings;
    private final PlaybookSet playbooks;
    private final DowntimeLadder ladder;

    /** An engine for the hospital's settings and playbooks in force. */
    public IncidentEngine(EngineSettings settings, PlaybookSet playbooks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.playbooks = Objects.requireNonNull(playbooks, "playbooks");
        this.ladder = new DowntimeLadder(settings.ladder());
    }

    /**
     * A state and the entries produced on the way to it.
     *
     * @param state   the new state
     * @param entries what happened, in order
     */
    public record Step(IncidentState state, List<TimelineEntry> entries) {
        public Step {
            Objects.requireNonNull(state, "state");
            entries = List.copyOf(entries);
        }
    }

    /** The settings this engine applies. */
    public EngineSettings settings() {
        return settings;
    }

    /** The state before anything happened, at {@code at}, with the circumstances in force. */
    public IncidentState start(Instant at, Set<ContextModifier> modifiers) {
        return IncidentState.initial(at, modifiers);
    }

    /** Processes the wake-ups before the input's instant, then the input. */
    public Step accept(IncidentState state, Input input) {
        Work w = new Work(state);
        w.advance(input.at(), false);
        Instant at = later(w.clock, input.at());
        w.clock = at;
        w.apply(input, at);
        return w.done();
    }

    /** Processes everything due up to and including {@code now}. */
    public Step advanceTo(IncidentState state, Instant now) {
        Work w = new Work(state);
        w.advance(now, true);
        w.clock = later(w.clock, now);
        return w.done();
    }

    /** {@link #advanceTo(IncidentState, Instant)} at the clock's current instant. */
    public Step advance(IncidentState state, InstantSource clock) {
        return advanceTo(state, clock.instant());
    }

    /** When {@link #advanceTo} next has something to do without a new input; empty when nothing is pending. */
    public Optional<Instant> nextWakeUp(IncidentState state) {
        return new Work(state).nextWakeUp();
    }

    /** The ladder schedule of the ongoing outage in the current circumstances (empty when there is none). */
    public List<LadderMilestone> schedule(IncidentState state) {
        return state.outageStart().map(s -> ladder.schedule(s, LadderContext.none().withModifiers(state.modifiers())))
                .orElse(List.of());
    }

    /** The mutable scratch space of one call; never escapes. */
    private final class Work {
        Instant clock;
        GradingState grading;
        Set<ContextModifier> modifiers;
        Optional<Instant> openedAt;
        Optional<FaultClass> highest;
        Set<FaultClass> classesFired;
        Optional<Instant> outageStart;
        Set<LadderStep> stepsReached;
        Map<Department, Instant> manualSince;
        Optional<Instant> quietSince;
        List<PendingDeadline> deadlines;
        final List<TimelineEntry> entries = new ArrayList<>();

        Work(IncidentState s) {
            clock = s.clock();
            grading = s.grading();
            modifiers = s.modifiers().isEmpty() ? EnumSet.noneOf(ContextModifier.class) : EnumSet.copyOf(s.modifiers());
            openedAt = s.openedAt();
            highest = s.highestClass();
            classesFired = s.classesFired().isEmpty() ? EnumSet.noneOf(FaultClass.class) : EnumSet.copyOf(s.classesFired());
            outageStart = s.outageStart();
            stepsReached = s.stepsReached().isEmpty() ? EnumSet.noneOf(LadderStep.class) : EnumSet.copyOf(s.stepsReached());
            manualSince = new EnumMap<>(Department.class);
            manualSince.putAll(s.manualSince());
            quietSince = s.quietSince();
            deadlines = new ArrayList<>(s.deadlines());
        }

        Step done() {
            deadlines.sort(Comparator.comparing(PendingDeadline::dueBy));
            return new Step(new IncidentState(clock, grading, modifiers, openedAt, highest, classesFired, outageStart,
                    stepsReached, manualSince, quietSince, deadlines), entries);
        }

        // ---- time --------------------------------------------------------------------------------------------

        void advance(Instant limit, boolean inclusive) {
            for (int i = 0; i < MAX_WAKE_UPS_PER_CALL; i++) {
                Optional<Instant> next = nextWakeUp();
                if (next.isEmpty() || next.get().isAfter(limit) || (!inclusive && !next.get().isBefore(limit))) {
                    return;
                }
                wakeUp(later(clock, next.get()));
            }
            throw new IllegalStateException("the incident engine did not settle within " + MAX_WAKE_UPS_PER_CALL + " wake-ups");
        }

        Optional<Instant> nextWakeUp() {
            Stream<Instant> review = Classifier.nextReviewAt(grading.signals(), clock, settings.classifier()).stream();
            Stream<Instant> rows = outageStart.stream().flatMap(s -> currentSchedule(s).stream()
                    .filter(m -> !stepsReached.contains(m.step())).map(LadderMilestone::dueAt));
            Stream<Instant> close = quietSince.stream().map(q -> q.plus(settings.closeAfterQuiet()));
            Stream<Instant> due = deadlines.stream().map(PendingDeadline::dueBy);
            return Stream.of(review, rows, close, due).flatMap(s -> s).min(Instant::compareTo);
        }

        void wakeUp(Instant t) {
            clock = t;
            Regrading.Step reviewed = Regrading.review(grading, t, settings.classifier());
            handleGrading(reviewed, t);
            checkLadder(t);
            if (quietSince.isPresent() && !quietSince.get().plus(settings.closeAfterQuiet()).isAfter(t)) {
                closeIncident(t);
            }
            List<PendingDeadline> reached = deadlines.stream().filter(d -> !d.dueBy().isAfter(t)).toList();
            deadlines.removeAll(reached);
            reached.forEach(d -> entries.add(new TimelineEntry.DeadlineReached(t, d)));
        }

        // ---- inputs ------------------------------------------------------------------------------------------

        void apply(Input input, Instant at) {
            if (input instanceof Input.Observe o) {
                entries.add(new TimelineEntry.SignalReceived(at, o));
                handleGrading(Regrading.observe(grading, o.signal(), settings.classifier()), at);
            } else if (input instanceof Input.RequestOverride r) {
                decided(input, Regrading.override(grading, r.request(), settings.classifier()), at);
            } else if (input instanceof Input.LiftOverride l) {
                decided(input, Regrading.lift(grading, l.by(), l.reason(), l.at(), settings.classifier()), at);
            } else if (input instanceof Input.RequestManualMode m) {
                requestManual(m, at);
            } else if (input instanceof Input.ChangeContext c) {
                modifiers = c.modifiers().isEmpty() ? EnumSet.noneOf(ContextModifier.class) : EnumSet.copyOf(c.modifiers());
                entries.add(new TimelineEntry.ContextChanged(at, modifiers,
                        outageStart.map(this::currentSchedule).orElse(List.of())));
                checkLadder(at);
            }
        }

        void decided(Input input, Decision decision, Instant at) {
            if (decision instanceof Decision.Rejected r) {
                entries.add(new TimelineEntry.InputRejected(at, input, r.clause(), r.reason()));
            } else if (decision instanceof Decision.Accepted a) {
                handleGrading(new Regrading.Step(a.state(), a.events()), at);
            }
        }

        void requestManual(Input.RequestManualMode m, Instant at) {
            // EP-5.2 危重病人可随时转入手工: any time during an incident, by a named person, for a stated reason.
            Optional<Bilingual> refusal = Optional.empty();
            String clause = "EP-5.2";
            if (m.by().isBlank()) {
                clause = Regrading.OVERRIDE_NEEDS_AUTHOR;
                refusal = Optional.of(Bilingual.of("申请转入手工必须记录申请人", "a request for manual mode must say who asks"));
            } else if (m.reason().isBlank()) {
                refusal = Optional.of(Bilingual.of("申请转入手工必须说明理由(危重病人)", "a request for manual mode needs a reason (critically ill patients)"));
            } else if (openedAt.isEmpty()) {
                refusal = Optional.of(Bilingual.of("当前没有故障,无需转入手工", "there is no incident; nothing to switch from"));
            } else if (manualSince.containsKey(m.department())) {
                refusal = Optional.of(Bilingual.of(m.department().zh() + "已在手工操作", m.department().en() + " is already in manual operation"));
            }
            if (refusal.isPresent()) {
                entries.add(new TimelineEntry.InputRejected(at, m, clause, refusal.get()));
                return;
            }
            manualSince.put(m.department(), at);
            entries.add(new TimelineEntry.ManualModeGranted(at, m.department(), m.by(), m.reason()));
            fire(new Occurrence.ManualModeStarted(at, EnumSet.of(m.department())));
        }

        // ---- consequences of grading -------------------------------------------------------------------------

        void handleGrading(Regrading.Step step, Instant at) {
            Optional<Grade> before = grading.effective();
            grading = step.state();
            step.events().forEach(e -> entries.add(new TimelineEntry.Regraded(e)));
            Optional<Grade> after = grading.effective();
            if (after.isPresent()) {
                if (openedAt.isEmpty()) {
                    openedAt = Optional.of(at);
                    highest = Optional.empty();
                    classesFired.clear();
                    fire(new Occurrence.IncidentOpened(at));
                }
                quietSince = Optional.empty();
                FaultClass c = after.get().faultClass();
                highest = Optional.of(highest.map(h -> FaultClass.mostSevere(h, c)).orElse(c));
                if (classesFired.add(c)) {
                    fire(new Occurrence.ClassReached(at, c));
                }
            }
            boolean whole = after.map(g -> g.scope() == Scope.WHOLE_NETWORK).orElse(false);
            if (whole && outageStart.isEmpty()) {
                startOutage(at);
            } else if (!whole && outageStart.isPresent()) {
                endOutage(at);
            }
            if (after.isEmpty() && before.isPresent() && openedAt.isPresent()) {
                quietSince = Optional.of(at);
                releaseManual(at);
            }
        }

        void startOutage(Instant at) {
            Instant start = grading.computed().flatMap(Classification::wholeNetworkSince)
                    .filter(s -> !s.isAfter(at))
                    .orElse(at);
            outageStart = Optional.of(start);
            stepsReached.clear();
            entries.add(new TimelineEntry.OutageStarted(at, start, currentSchedule(start)));
            fire(new Occurrence.WholeNetworkFailure(at));
            checkLadder(at);
        }

        void endOutage(Instant at) {
            Instant start = outageStart.orElseThrow();
            entries.add(new TimelineEntry.OutageEnded(at, start, Duration.between(start, at)));
            deadlines.removeIf(d -> d.step().occurrence() instanceof Occurrence.WholeNetworkFailure
                    || d.step().occurrence() instanceof Occurrence.LadderStepReached
                    || d.step().occurrence() instanceof Occurrence.ManualModeStarted);
            outageStart = Optional.empty();
            stepsReached.clear();
            releaseManual(at);
        }

        void releaseManual(Instant at) {
            if (manualSince.isEmpty()) {
                return;
            }
            Set<Department> released = EnumSet.copyOf(manualSince.keySet());
            manualSince.clear();
            entries.add(new TimelineEntry.ManualModeEnded(at, released));
            fire(new Occurrence.Recovered(at, released));
        }

        void checkLadder(Instant t) {
            if (outageStart.isEmpty()) {
                return;
            }
            for (LadderMilestone m : currentSchedule(outageStart.get())) {
                if (m.dueAt().isAfter(t) || !stepsReached.add(m.step())) {
                    continue;
                }
                Set<Department> switching = EnumSet.noneOf(Department.class);
                m.departments().stream().filter(d -> !manualSince.containsKey(d)).forEach(switching::add);
                switching.forEach(d -> manualSince.put(d, t));
                entries.add(new TimelineEntry.LadderStepReached(t, m, switching));
                fire(new Occurrence.LadderStepReached(t, m.step(), switching));
                if (!switching.isEmpty()) {
                    fire(new Occurrence.ManualModeStarted(t, switching));
                }
            }
        }

        void closeIncident(Instant t) {
            Instant opened = openedAt.orElse(t);
            FaultClass top = highest.orElseThrow();
            entries.add(new TimelineEntry.IncidentClosed(t, opened, top));
            deadlines.removeIf(d -> d.step().occurrence() instanceof Occurrence.IncidentOpened
                    || d.step().occurrence() instanceof Occurrence.ClassReached
                    || d.step().occurrence() instanceof Occurrence.ManualModeStarted);
            fire(new Occurrence.IncidentClosed(t, top));
            openedAt = Optional.empty();
            highest = Optional.empty();
            classesFired.clear();
            quietSince = Optional.empty();
        }

        void fire(Occurrence occurrence) {
            Set<String> seen = new HashSet<>();
            for (DueStep due : playbooks.stepsFor(occurrence, settings.zone())) {
                entries.add(new TimelineEntry.StepDue(occurrence.at(), due));
                due.dueBy().filter(by -> by.isAfter(occurrence.at()))
                        .filter(by -> seen.add(due.reference() + due.department()))
                        .ifPresent(by -> deadlines.add(new PendingDeadline(by, due)));
            }
        }

        List<LadderMilestone> currentSchedule(Instant start) {
            return ladder.schedule(start, LadderContext.none().withModifiers(modifiers));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
