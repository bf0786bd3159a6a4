package org.hospital.continuity.playbooks.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hospital.continuity.playbooks.classify.Classifier;
import org.hospital.continuity.playbooks.classify.Decision;
import org.hospital.continuity.playbooks.classify.Facts;
import org.hospital.continuity.playbooks.classify.Grade;
import org.hospital.continuity.playbooks.classify.GradingState;
import org.hospital.continuity.playbooks.classify.Health;
import org.hospital.continuity.playbooks.classify.Regrading;
import org.hospital.continuity.playbooks.classify.Series;
import org.hospital.continuity.playbooks.collect.PMap;
import org.hospital.continuity.playbooks.collect.PQueue;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.DowntimeLadder;
import org.hospital.continuity.playbooks.ladder.LadderContext;
import org.hospital.continuity.playbooks.ladder.LadderMilestone;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.playbook.DueStep;
import org.hospital.continuity.playbooks.playbook.Occurrence;
import org.hospital.continuity.playbooks.playbook.PlaybookSet;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * The plan at work on the hospital's incidents: several at once, each with its re-grading (EP-4), its outages
 * and their ladders (EP-5, one per area they reach), the playbooks that fall due (EP-3 … EP-9) and their
 * deadlines. Pure: every method takes a state and returns a new state with the timeline entries it produced;
 * the time always comes from the caller (an input's instant, or {@code now} for {@link #advanceTo}), never
 * from a clock read inside.
 *
 * <p>Each signal goes to the incident it belongs to (docs/playbooks.md, "Several incidents"): the one holding
 * the same component, terminal or signal; the one whose component in outage explains it; the one of the same
 * place (area, subnet); while the HIS is not seen up, the one collecting lost access; otherwise a new incident.
 * A diagnosis that explains signals of two incidents, a component whose outage explains another incident's
 * reports, or IT's decision merges them into one, with a reason.
 *
 * <p>The server keeps the {@link EngineState}, calls {@link #accept} for each input and {@link #advanceTo}
 * when {@link #nextWakeUp} comes. The simulator does the same with a fake clock. Within one instant: wake-ups
 * strictly before an input are processed first; an input at the same instant as a ladder row comes before it
 * ("not recovered within 30 minutes": recovering at 30:00 is in time).
 *
 * <p>Each signal costs O(log n) in the number of signals held: the state shares its structure between steps
 * ({@link PMap}), and grading reads tallies, not every report.
 */
public final class IncidentEngine {

    /** A safety net against a wake-up that does not move time on; far above any real day. */
    static final int MAX_WAKE_UPS_PER_CALL = 1_000_000;

    /** Who merges incidents when the evidence does. */
    public static final String CLASSIFIER = "classifier";

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
    public record Step(EngineState state, List<TimelineEntry> entries) {
        public Step {
            Objects.requireNonNull(state, "state");
            entries = List.copyOf(entries);
        }
    }

    /** The settings this engine applies. */
    public EngineSettings settings() {
        return settings;
    }

    /** The playbooks this engine fires. */
    public PlaybookSet playbooks() {
        return playbooks;
    }

    /** The state before anything happened, at {@code at}, with the circumstances in force. */
    public EngineState start(Instant at, Set<ContextModifier> modifiers) {
        return EngineState.initial(at, modifiers);
    }

    /** The state as a tree of plain values, to store ({@link EngineSnapshot}). */
    public java.util.Map<String, Object> snapshot(EngineState state) {
        return EngineSnapshot.encode(state);
    }

    /**
     * The state a stored snapshot describes; it continues exactly as the state it was taken from.
     *
     * @throws IllegalArgumentException when the tree is not a snapshot this engine reads
     */
    public EngineState restore(java.util.Map<String, Object> snapshot) {
        return EngineSnapshot.decode(snapshot, settings.classifier());
    }

    /** Processes the wake-ups before the input's instant, then the input. */
    public Step accept(EngineState state, Input input) {
        Work w = new Work(state);
        w.advance(input.at(), false);
        Instant at = later(w.clock, input.at());
        w.clock = at;
        w.apply(input, at);
        w.flush();
        return w.done();
    }

    /** Processes everything due up to and including {@code now}. */
    public Step advanceTo(EngineState state, Instant now) {
        Work w = new Work(state);
        w.advance(now, true);
        w.clock = later(w.clock, now);
        return w.done();
    }

    /** {@link #advanceTo(EngineState, Instant)} at the clock's current instant. */
    public Step advance(EngineState state, InstantSource clock) {
        return advanceTo(state, clock.instant());
    }

    /** When {@link #advanceTo} next has something to do without a new input; empty when nothing is pending. */
    public Optional<Instant> nextWakeUp(EngineState state) {
        return state.wakes().first().map(PQueue.Entry::at);
    }

    /** The ladder of each ongoing outage of an incident in the current circumstances, by area. */
    public Map<Area, List<LadderMilestone>> schedules(EngineState state, IncidentState incident) {
        Map<Area, List<LadderMilestone>> out = new LinkedHashMap<>();
        incident.outages().forEach((area, o) -> out.put(area, schedule(o.start(), state.modifiers())));
        return out;
    }

    /** The ladder of the whole-network outage of any open incident (empty when there is none). */
    public List<LadderMilestone> schedule(EngineState state) {
        return state.incidents().stream().filter(IncidentState::outageOngoing).findFirst()
                .map(i -> schedule(i.outageStart().orElseThrow(), state.modifiers())).orElse(List.of());
    }

    private List<LadderMilestone> schedule(Instant start, Set<ContextModifier> modifiers) {
        return ladder.schedule(start, LadderContext.none().withModifiers(modifiers));
    }

    /** One incident being changed within a call. */
    private static final class Inc {
        final IncidentRef ref;
        final Instant openedAt;
        GradingState grading;
        Optional<FaultClass> highest;
        final Set<FaultClass> classesFired;
        final Map<Area, IncidentState.Outage> outages;
        final List<IncidentState.Manual> manual;
        Optional<Instant> quietSince;
        final List<PendingDeadline> deadlines;
        PMap<String, Boolean> keys;
        boolean fresh;
        boolean closed;
        boolean mergedAway;

        Inc(IncidentState s) {
            ref = s.ref();
            openedAt = s.openedAt();
            grading = s.grading();
            highest = s.highestClass();
            classesFired = s.classesFired().isEmpty() ? EnumSet.noneOf(FaultClass.class) : EnumSet.copyOf(s.classesFired());
            outages = new LinkedHashMap<>(s.outages());
            manual = new ArrayList<>(s.manual());
            quietSince = s.quietSince();
            deadlines = new ArrayList<>(s.deadlines());
            keys = s.keys();
        }

        IncidentState state() {
            List<PendingDeadline> sorted = new ArrayList<>(deadlines);
            sorted.sort(Comparator.comparing(PendingDeadline::dueBy));
            return new IncidentState(ref, openedAt, grading, highest, classesFired, outages, manual, quietSince, sorted, keys);
        }

        boolean isManual(Department d, Area area) {
            return manual.stream().anyMatch(m -> m.department() == d && m.area().covers(area));
        }
    }

    /** The mutable scratch space of one call; never escapes. */
    private final class Work {
        final Instant epoch;
        Instant clock;
        Set<ContextModifier> modifiers;
        Health health;
        PMap<String, IncidentState> open;
        PMap<String, String> index;
        PMap<String, List<PendingDeadline>> closed;
        PQueue wakes;
        PMap<String, Instant> wakeAt;
        PMap<String, String> down;
        PMap<String, Instant> placeAt;
        int opened;
        final Map<String, Inc> touched = new LinkedHashMap<>();
        final List<TimelineEntry> entries = new ArrayList<>();

        Work(EngineState s) {
            epoch = s.epoch();
            clock = s.clock();
            modifiers = s.modifiers().isEmpty() ? EnumSet.noneOf(ContextModifier.class) : EnumSet.copyOf(s.modifiers());
            health = s.health();
            open = s.open();
            index = s.index();
            closed = s.closed();
            wakes = s.wakes();
            wakeAt = s.wakeAt();
            down = s.down();
            placeAt = s.placeAt();
            opened = s.opened();
        }

        Step done() {
            flush();
            return new Step(new EngineState(epoch, clock, modifiers, health, open, index, closed, wakes, wakeAt, down, placeAt, opened),
                    entries);
        }

        // ---- bookkeeping ---------------------------------------------------------------------------------------

        Inc inc(String id) {
            Inc i = touched.get(id);
            if (i == null) {
                i = new Inc(open.get(id));
                touched.put(id, i);
            }
            return i;
        }

        Optional<Inc> find(String reference) {
            for (Inc i : touched.values()) {
                if (!i.closed && !i.mergedAway && i.ref.matches(reference)) {
                    return Optional.of(i);
                }
            }
            if (open.containsKey(reference)) {
                return Optional.of(inc(reference));
            }
            return open.values().stream().filter(i -> i.ref().matches(reference)).findFirst().map(i -> inc(i.ref().id()));
        }

        /** The open incidents, by number (touched ones as they are now). */
        List<Inc> openIncs() {
            List<Inc> out = new ArrayList<>();
            for (IncidentState s : open.values()) {
                Inc i = touched.containsKey(s.ref().id()) ? touched.get(s.ref().id()) : inc(s.ref().id());
                if (!i.closed && !i.mergedAway) {
                    out.add(i);
                }
            }
            touched.values().stream().filter(i -> !open.containsKey(i.ref.id()) && !i.closed && !i.mergedAway).forEach(out::add);
            out.sort(Comparator.comparingInt(i -> i.ref.number()));
            return out;
        }

        String holder(String key) {
            String id = index.get(key);
            if (id == null) {
                return null;
            }
            Inc t = touched.get(id);
            return t != null && (t.closed || t.mergedAway) ? null : id;
        }

        void file(Inc inc, String key) {
            index = index.put(key, inc.ref.id());
            inc.keys = inc.keys.put(key, Boolean.TRUE);
        }

        /** Writes the touched incidents back: open ones with their wake-up, closed ones with what still runs out. */
        void flush() {
            for (Inc inc : touched.values()) {
                String id = inc.ref.id();
                Instant oldWake = wakeAt.get(id);
                if (oldWake != null) {
                    wakes = wakes.remove(oldWake, id);
                    wakeAt = wakeAt.remove(id);
                }
                for (Series s : inc.grading.facts().series()) {
                    if (s.inOutage() && !inc.closed && !inc.mergedAway) {
                        down = down.put(s.key(), id);
                    } else if (id.equals(down.get(s.key()))) {
                        down = down.remove(s.key());
                    }
                }
                if (inc.closed || inc.mergedAway) {
                    open = open.remove(id);
                    for (String k : inc.keys.keys()) {
                        if (id.equals(index.get(k))) {
                            index = index.remove(k);
                            placeAt = placeAt.remove(k);
                        }
                    }
                    if (inc.closed && !inc.deadlines.isEmpty()) {
                        List<PendingDeadline> rest = inc.deadlines.stream().sorted(Comparator.comparing(PendingDeadline::dueBy)).toList();
                        closed = closed.put(id, rest);
                        enqueue(id, rest.get(0).dueBy());
                    }
                    continue;
                }
                open = open.put(id, inc.state());
                nextWake(inc).ifPresent(t -> enqueue(id, t));
            }
            touched.clear();
        }

        void enqueue(String id, Instant t) {
            wakes = wakes.add(t, id);
            wakeAt = wakeAt.put(id, t);
        }

        Optional<Instant> nextWake(Inc inc) {
            Instant best = null;
            Optional<Instant> review = Classifier.nextReviewAt(inc.grading.facts(), clock, settings.classifier());
            if (review.isPresent()) {
                best = review.get();
            }
            for (IncidentState.Outage o : inc.outages.values()) {
                Optional<Instant> row = nextRow(o);
                if (row.isPresent()) {
                    best = earlier(best, row.get());
                }
            }
            if (inc.quietSince.isPresent()) {
                best = earlier(best, inc.quietSince.get().plus(settings.closeAfterQuiet()));
            }
            for (PendingDeadline d : inc.deadlines) {
                best = earlier(best, d.dueBy());
            }
            return Optional.ofNullable(best);
        }

        // ---- time ----------------------------------------------------------------------------------------------

        void advance(Instant limit, boolean inclusive) {
            for (int i = 0; i < MAX_WAKE_UPS_PER_CALL; i++) {
                flush();
                Optional<PQueue.Entry> next = wakes.first();
                if (next.isEmpty() || next.get().at().isAfter(limit) || (!inclusive && !next.get().at().isBefore(limit))) {
                    return;
                }
                Instant t = later(clock, next.get().at());
                clock = t;
                String id = next.get().key();
                wakes = wakes.remove(next.get().at(), id);
                wakeAt = wakeAt.remove(id);
                if (open.containsKey(id)) {
                    wakeUp(inc(id), t);
                } else if (closed.containsKey(id)) {
                    afterlife(id, t);
                }
            }
            throw new IllegalStateException("the incident engine did not settle within " + MAX_WAKE_UPS_PER_CALL + " wake-ups");
        }

        void wakeUp(Inc inc, Instant t) {
            handleGrading(inc, Regrading.review(inc.grading, t, settings.classifier()), t);
            checkLadder(inc, t);
            if (inc.quietSince.isPresent() && !inc.quietSince.get().plus(settings.closeAfterQuiet()).isAfter(t)) {
                closeIncident(inc, t);
            }
            List<PendingDeadline> reached = inc.deadlines.stream().filter(d -> !d.dueBy().isAfter(t)).toList();
            inc.deadlines.removeAll(reached);
            reached.forEach(d -> entries.add(new TimelineEntry.DeadlineReached(t, d.incident(), d)));
        }

        void afterlife(String id, Instant t) {
            List<PendingDeadline> pending = closed.get(id);
            List<PendingDeadline> reached = pending.stream().filter(d -> !d.dueBy().isAfter(t)).toList();
            List<PendingDeadline> rest = pending.stream().filter(d -> d.dueBy().isAfter(t)).toList();
            reached.forEach(d -> entries.add(new TimelineEntry.DeadlineReached(t, d.incident(), d)));
            if (rest.isEmpty()) {
                closed = closed.remove(id);
            } else {
                closed = closed.put(id, rest);
                enqueue(id, rest.get(0).dueBy());
            }
        }

        // ---- inputs --------------------------------------------------------------------------------------------

        void apply(Input input, Instant at) {
            if (input instanceof Input.Observe o) {
                route(o, at);
            } else if (input instanceof Input.RequestOverride r) {
                override(r, at);
            } else if (input instanceof Input.LiftOverride l) {
                Optional<Inc> target = target(l, l.incident(), at);
                target.ifPresent(inc -> decided(inc, l, Regrading.lift(withHealth(inc.grading), l.by(), l.reason(), at,
                        settings.classifier()), at));
            } else if (input instanceof Input.RequestManualMode m) {
                requestManual(m, at);
            } else if (input instanceof Input.SwitchEarlier e) {
                switchEarlier(e, at);
            } else if (input instanceof Input.MergeIncidents m) {
                mergeByHand(m, at);
            } else if (input instanceof Input.ChangeContext c) {
                modifiers = c.modifiers().isEmpty() ? EnumSet.noneOf(ContextModifier.class) : EnumSet.copyOf(c.modifiers());
                List<Inc> incs = openIncs();
                if (incs.isEmpty()) {
                    entries.add(new TimelineEntry.ContextChanged(at, IncidentRef.NONE, modifiers, Map.of()));
                }
                for (Inc inc : incs) {
                    Map<Area, List<LadderMilestone>> schedules = new LinkedHashMap<>();
                    inc.outages.forEach((area, o) -> schedules.put(area, schedule(o.start(), modifiers)));
                    entries.add(new TimelineEntry.ContextChanged(at, inc.ref, modifiers, schedules));
                    checkLadder(inc, at);
                }
            }
        }

        /** The incident a person's decision is about; a refusal when it cannot be told. */
        Optional<Inc> target(Input input, Optional<String> reference, Instant at) {
            if (reference.isPresent()) {
                Optional<Inc> inc = find(reference.get());
                if (inc.isEmpty()) {
                    reject(IncidentRef.NONE, input, "EP-3.2", Bilingual.of("没有编号为 " + reference.get() + " 的未关闭故障",
                            "no open incident " + reference.get()), at);
                }
                return inc;
            }
            List<Inc> incs = openIncs();
            if (incs.size() == 1) {
                return Optional.of(incs.get(0));
            }
            reject(IncidentRef.NONE, input, "EP-3.2", incs.isEmpty()
                    ? Bilingual.of("当前没有故障", "there is no open incident")
                    : Bilingual.of("当前有" + incs.size() + "个故障,请指明是哪一个", incs.size() + " incidents are open: say which one"), at);
            return Optional.empty();
        }

        void reject(IncidentRef ref, Input input, String clause, Bilingual reason, Instant at) {
            entries.add(new TimelineEntry.InputRejected(at, ref, input, clause, reason));
        }

        void override(Input.RequestOverride r, Instant at) {
            if (r.incident().isEmpty() && openIncs().isEmpty()) {
                // IT confirms a fault before any signal (EP-5.1): the override opens the incident
                Inc inc = newInc(at);
                Decision d = Regrading.override(withHealth(inc.grading), r.request(), settings.classifier());
                if (d instanceof Decision.Rejected rej) {
                    reject(IncidentRef.NONE, r, rej.clause(), rej.reason(), at);
                    return;
                }
                adopt(inc, at);
                decided(inc, r, d, at);
                return;
            }
            target(r, r.incident(), at).ifPresent(inc ->
                    decided(inc, r, Regrading.override(withHealth(inc.grading), r.request(), settings.classifier()), at));
        }

        void decided(Inc inc, Input input, Decision decision, Instant at) {
            if (decision instanceof Decision.Rejected r) {
                reject(inc.ref, input, r.clause(), r.reason(), at);
            } else if (decision instanceof Decision.Accepted a) {
                handleGrading(inc, new Regrading.Step(a.state(), a.events()), at);
            }
        }

        void requestManual(Input.RequestManualMode m, Instant at) {
            // EP-5.2 危重病人可随时转入手工: any time during an incident, by a named person, for a stated reason.
            Area area = m.area().orElse(Area.HOSPITAL);
            if (m.by().isBlank()) {
                reject(IncidentRef.NONE, m, Regrading.OVERRIDE_NEEDS_AUTHOR, Bilingual.of("申请转入手工必须记录申请人", "a request for manual mode must say who asks"), at);
                return;
            }
            if (m.reason().isBlank()) {
                reject(IncidentRef.NONE, m, "EP-5.2", Bilingual.of("申请转入手工必须说明理由(危重病人)", "a request for manual mode needs a reason (critically ill patients)"), at);
                return;
            }
            Optional<Inc> target = m.incident().isPresent() ? target(m, m.incident(), at) : outageFor(area).or(() -> {
                List<Inc> incs = openIncs();
                if (incs.isEmpty()) {
                    reject(IncidentRef.NONE, m, "EP-5.2", Bilingual.of("当前没有故障,无需转入手工", "there is no incident; nothing to switch from"), at);
                    return Optional.empty();
                }
                return Optional.of(incs.stream().min(Comparator.comparing((Inc i) -> i.grading.effective().map(g -> -g.faultClass().severity()).orElse(0))
                        .thenComparingInt(i -> i.ref.number())).orElseThrow());
            });
            if (target.isEmpty()) {
                return;
            }
            Inc inc = target.get();
            if (inc.isManual(m.department(), area)) {
                reject(inc.ref, m, "EP-5.2", Bilingual.of(m.department().zh() + "已在手工操作", m.department().en() + " is already in manual operation"), at);
                return;
            }
            grant(inc, m.department(), area, m.by(), m.reason(), ManualBasis.CRITICAL_PATIENTS, at);
        }

        void switchEarlier(Input.SwitchEarlier e, Instant at) {
            // EP-5.1: holidays, patient volume, staff away and major events change how long recovery takes; the
            // leadership group weighs them and may move a department's switch earlier (who and why recorded).
            if (e.by().isBlank()) {
                reject(IncidentRef.NONE, e, Regrading.OVERRIDE_NEEDS_AUTHOR, Bilingual.of("提前转入手工的决定必须记录决定人", "moving a switch earlier must say who decides"), at);
                return;
            }
            if (e.reason().isBlank()) {
                reject(IncidentRef.NONE, e, "EP-5.1", Bilingual.of("提前转入手工的决定必须说明理由(节假日、病人多、人员外出或重大活动)",
                        "moving a switch earlier needs a reason (holiday, patient volume, staff away or a major event)"), at);
                return;
            }
            Optional<Inc> target = e.incident().isPresent() ? target(e, e.incident(), at) : outageFor(e.area().orElse(Area.HOSPITAL));
            if (target.isEmpty()) {
                if (e.incident().isEmpty()) {
                    reject(IncidentRef.NONE, e, "EP-5.1", Bilingual.of("该区域没有停机,无需提前转入手工", "no outage reaches that area; there is nothing to switch earlier"), at);
                }
                return;
            }
            Inc inc = target.get();
            Area area = e.area().orElseGet(() -> inc.outages.size() == 1 ? inc.outages.keySet().iterator().next() : Area.HOSPITAL);
            if (inc.outages.keySet().stream().noneMatch(a -> a.covers(area))) {
                reject(inc.ref, e, "EP-5.1", Bilingual.of("该故障的停机不涉及" + area.name().zh(), "this incident's outage does not reach " + area.name().en()), at);
                return;
            }
            if (inc.isManual(e.department(), area)) {
                reject(inc.ref, e, "EP-5.1", Bilingual.of(e.department().zh() + "已在手工操作", e.department().en() + " is already in manual operation"), at);
                return;
            }
            grant(inc, e.department(), area, e.by(), e.reason(), ManualBasis.LEADERSHIP_DECISION, at);
        }

        /** The incident whose outage reaches the area: the most severe, then the oldest. */
        Optional<Inc> outageFor(Area area) {
            return openIncs().stream().filter(i -> i.outages.keySet().stream().anyMatch(a -> a.covers(area)))
                    .min(Comparator.comparingInt((Inc i) -> i.outages.containsKey(Area.HOSPITAL) ? 0 : 1).thenComparingInt(i -> i.ref.number()));
        }

        void grant(Inc inc, Department department, Area area, String by, String reason, ManualBasis basis, Instant at) {
            inc.manual.add(new IncidentState.Manual(department, area, at, basis));
            entries.add(new TimelineEntry.ManualModeGranted(at, inc.ref, department, area, by, reason, basis));
            fire(inc, new Occurrence.ManualModeStarted(at, EnumSet.of(department), area));
        }

        void mergeByHand(Input.MergeIncidents m, Instant at) {
            if (m.by().isBlank()) {
                reject(IncidentRef.NONE, m, Regrading.OVERRIDE_NEEDS_AUTHOR, Bilingual.of("合并故障必须记录操作人", "merging incidents must say who merges them"), at);
                return;
            }
            if (m.reason().isBlank()) {
                reject(IncidentRef.NONE, m, Regrading.OVERRIDE_NEEDS_REASON, Bilingual.of("合并故障必须说明理由", "merging incidents needs a reason"), at);
                return;
            }
            Optional<Inc> from = target(m, Optional.of(m.from()), at);
            if (from.isEmpty()) {
                return;
            }
            Optional<Inc> into = target(m, Optional.of(m.into()), at);
            if (into.isEmpty()) {
                return;
            }
            if (from.get() == into.get()) {
                reject(from.get().ref, m, "EP-4", Bilingual.of("不能把故障合并到它自己", "an incident cannot be merged into itself"), at);
                return;
            }
            merge(from.get(), into.get(), m.by(), Bilingual.of(m.reason(), m.reason()), at);
        }

        // ---- signals: which incident ---------------------------------------------------------------------------

        void route(Input.Observe o, Instant at) {
            Signal signal = o.signal();
            if (signal instanceof ProbeResult p) {
                boolean wasUp = health.hisUp();
                health = health.observe(p);
                routeProbe(o, p, at);
                if (wasUp != health.hisUp()) {
                    String access = holder(ACCESS_KEY);
                    if (access != null) {
                        Inc inc = inc(access);
                        handleGrading(inc, Regrading.reweigh(inc.grading, health, at, settings.classifier()), at);
                    }
                }
            } else if (signal instanceof FaultReport r) {
                routeReport(o, r, at);
            } else if (signal instanceof IntegrityAlarm a) {
                String id = holder("alarm:" + a.kind().cause().name());
                if (id != null) {
                    observeIn(inc(id), o, at);
                } else {
                    openWith(o, at);
                }
            } else if (signal instanceof Diagnosis d) {
                routeDiagnosis(o, d, at);
            } else if (signal instanceof Clearance c) {
                List<Inc> holders = new ArrayList<>();
                for (String id : c.clears()) {
                    String h = holder("s:" + id);
                    if (h != null && holders.stream().noneMatch(x -> x.ref.id().equals(h))) {
                        holders.add(inc(h));
                    }
                }
                if (holders.isEmpty()) {
                    entries.add(new TimelineEntry.SignalReceived(at, IncidentRef.NONE, o));
                }
                holders.sort(Comparator.comparingInt(i -> i.ref.number()));
                holders.forEach(inc -> observeIn(inc, o, at));
            }
        }

        void routeProbe(Input.Observe o, ProbeResult p, Instant at) {
            String id = holder("series:" + p.seriesKey());
            if (id == null && p.status() == ProbeStatus.DOWN) {
                id = downProbeHolder(p);
            }
            if (id != null) {
                Inc inc = inc(id);
                Series before = inc.grading.facts().series(p.seriesKey());
                boolean wasDown = before != null && before.inOutage();
                observeIn(inc, o, at);
                if (p.status() == ProbeStatus.DOWN && !wasDown) {
                    absorbExplained(inc, p, at);
                }
            } else if (p.status() == ProbeStatus.DOWN) {
                openWith(o, at).ifPresent(inc -> absorbExplained(inc, p, at));
            } else {
                entries.add(new TimelineEntry.SignalReceived(at, IncidentRef.NONE, o)); // a healthy component: health only
            }
        }

        String downProbeHolder(ProbeResult p) {
            List<String> keys = new ArrayList<>();
            if (p.area().isPresent()) {
                String byArea = holder("area:" + p.area().get().path());
                if (byArea != null) {
                    return byArea;
                }
                String byPlace = recentPlace("place:" + p.area().get().path(), p.at());
                if (byPlace != null) {
                    return byPlace;
                }
            }
            switch (p.component()) {
                case NETWORK_SEGMENT -> {
                    String bySubnet = recentPlace("place:subnet:" + p.target(), p.at());
                    if (bySubnet != null) {
                        return bySubnet;
                    }
                }
                case DATABASE_SERVER, APPLICATION_SERVER, CORE_NETWORK -> keys.add(ACCESS_KEY);
                case INSURANCE_LINK -> keys.add("insurance");
                case KEY_TERMINAL -> keys.add("term:" + p.target());
                default -> {
                }
            }
            for (String k : keys) {
                String id = holder(k);
                if (id != null) {
                    return id;
                }
            }
            return null;
        }

        /**
         * A component went down: other open incidents made only of unverified reports that its failure explains
         * are the same fault; they are merged into this one (the evidence says why).
         */
        void absorbExplained(Inc into, ProbeResult p, Instant at) {
            Series s = into.grading.facts().series(p.seriesKey());
            if (s == null || !s.inOutage()) {
                return;
            }
            Instant from = s.outage().orElseThrow().start().minus(settings.classifier().wholeNetworkWindow());
            for (Inc other : openIncs()) {
                if (other == into) {
                    continue;
                }
                Facts f = other.grading.facts();
                if (f.reportCount() == 0 || !f.series().isEmpty() || !f.alarms().isEmpty() || !f.diagnoses().isEmpty()) {
                    continue;
                }
                boolean all = f.allReports(r -> r.status() == Facts.ReportStatus.UNVERIFIED
                        && !r.report().at().isBefore(from)
                        && s.component().explains(r.report(), s.target(), s.area()));
                if (all) {
                    merge(other, into, IncidentEngine.CLASSIFIER, Bilingual.of(
                            s.component().zh() + " " + s.target() + " 中断,可解释故障 #" + other.ref.number() + " 的全部报告,合并为同一故障",
                            s.component().en() + " " + s.target() + " down explains every report of incident #" + other.ref.number()
                                    + ": one fault"), at);
                }
            }
        }

        void routeReport(Input.Observe o, FaultReport r, Instant at) {
            String id = holder("term:" + r.terminal().id());
            if (id == null) {
                id = explainerOf(r);
            }
            if (id == null) {
                // an area cut off (by a probe or IT's diagnosis) holds its place for as long as it lasts
                Area a = r.terminal().area();
                while (id == null && !a.isHospital()) {
                    id = holder("area:" + a.path());
                    a = a.parent().orElseThrow();
                }
            }
            if (id == null) {
                // the incident of the same place, while that place reported within the confirm window
                for (String k : placeKeys(r)) {
                    id = recentPlace(k, r.at());
                    if (id != null) {
                        break;
                    }
                }
            }
            if (id == null && r.symptom() == Symptom.INSURANCE_SETTLEMENT_FAILS) {
                id = holder("insurance");
            }
            if (id == null && r.symptom().lossOfAccess()) {
                // lost access reported in several places at once is weighed together (EP-5): one incident whose
                // evidence says whether the HIS answers
                String access = holder(ACCESS_KEY);
                if (access != null && collectsAccess(inc(access), r.at())) {
                    id = access;
                }
            }
            if (id != null) {
                observeIn(inc(id), o, at);
            } else {
                openWith(o, at);
            }
        }

        /** The incident filed under a report's place key, if a report was filed there within the confirm window. */
        String recentPlace(String key, Instant at) {
            String h = holder(key);
            Instant last = placeAt.get(key);
            return h != null && last != null && !last.isBefore(at.minus(settings.classifier().confirmWindow())) ? h : null;
        }

        String explainerOf(FaultReport r) {
            for (String seriesKey : down.keys().stream().sorted().toList()) {
                String id = holder("series:" + seriesKey);
                if (id == null) {
                    continue;
                }
                Series s = inc(id).grading.facts().series(seriesKey);
                if (s != null && s.inOutage() && s.component().explains(r, s.target(), s.area())) {
                    return id;
                }
            }
            return null;
        }

        boolean collectsAccess(Inc inc, Instant at) {
            Instant from = at.minus(settings.classifier().wholeNetworkWindow());
            return inc.grading.facts().latestLostAccess().map(t -> !t.isBefore(from)).orElse(false);
        }

        void routeDiagnosis(Input.Observe o, Diagnosis d, Instant at) {
            List<String> ids = new ArrayList<>();
            for (String x : d.explains()) {
                String h = holder("s:" + x);
                if (h != null && !ids.contains(h)) {
                    ids.add(h);
                }
            }
            d.subjectSeries().map(k -> holder("series:" + k)).filter(h -> !ids.contains(h)).ifPresent(ids::add);
            d.area().map(a -> Optional.ofNullable(holder("area:" + a.path())).orElse(recentPlace("place:" + a.path(), d.at())))
                    .filter(h -> !ids.contains(h)).ifPresent(ids::add);
            if (ids.isEmpty() && d.explains().isEmpty() && d.subjectSeries().isEmpty()) {
                for (String seriesKey : down.keys().stream().sorted().toList()) {
                    String h = holder("series:" + seriesKey);
                    Series s = h == null ? null : inc(h).grading.facts().series(seriesKey);
                    if (s != null && (s.component().downCause() == d.cause() || s.component().unstableCause() == d.cause())) {
                        ids.add(h);
                        break;
                    }
                }
            }
            if (ids.isEmpty()) {
                openWith(o, at);
                return;
            }
            List<Inc> incs = ids.stream().map(this::inc).sorted(Comparator.comparingInt(i -> i.ref.number())).toList();
            Inc into = incs.get(0);
            for (Inc other : incs.subList(1, incs.size())) {
                merge(other, into, d.by(), Bilingual.of(
                        "信息科诊断 " + d.id() + "(" + d.cause().text().zh() + ")同时涉及故障 #" + into.ref.number() + " 和 #"
                                + other.ref.number() + ",为同一故障",
                        "IT's diagnosis " + d.id() + " (" + d.cause().text().en() + ") covers incidents #" + into.ref.number()
                                + " and #" + other.ref.number() + ": one fault"), at);
            }
            observeIn(into, o, at);
        }

        /** Where a report is filed: its place from the narrowest (ward) to the widest (building), and its subnet. */
        List<String> placeKeys(FaultReport r) {
            List<String> keys = new ArrayList<>();
            Area a = r.terminal().area();
            while (!a.isHospital()) {
                keys.add("place:" + a.path());
                a = a.parent().orElseThrow();
            }
            if (r.terminal().building() == null && r.terminal().ward() != null) {
                keys.add("place:ward:" + r.terminal().ward());
            }
            if (r.terminal().subnet() != null) {
                keys.add("place:subnet:" + r.terminal().subnet());
            }
            return keys;
        }

        /** Files the incident under what the signal names, so later signals find it. */
        void fileSignal(Inc inc, Signal signal) {
            file(inc, "s:" + signal.id());
            if (signal instanceof ProbeResult p) {
                file(inc, "series:" + p.seriesKey());
                p.area().ifPresent(a -> file(inc, "area:" + a.path()));
                if (p.component() == org.hospital.continuity.playbooks.signal.Component.INSURANCE_LINK) {
                    file(inc, "insurance");
                }
            } else if (signal instanceof FaultReport r) {
                file(inc, "term:" + r.terminal().id());
                if (inc.grading.facts().statusOf(r.id()).orElse(null) != Facts.ReportStatus.UNVERIFIED) {
                    return; // explained by a component in outage, or verified: it claims no place
                }
                for (String k : placeKeys(r)) {
                    file(inc, k);
                    Instant last = placeAt.get(k);
                    if (last == null || r.at().isAfter(last)) {
                        placeAt = placeAt.put(k, r.at());
                    }
                }
                if (r.symptom() == Symptom.INSURANCE_SETTLEMENT_FAILS) {
                    file(inc, "insurance");
                }
                if (r.symptom().lossOfAccess() && holder(ACCESS_KEY) == null) {
                    file(inc, ACCESS_KEY);
                }
            } else if (signal instanceof IntegrityAlarm a) {
                file(inc, "alarm:" + a.kind().cause().name());
            } else if (signal instanceof Diagnosis d) {
                d.subjectSeries().ifPresent(k -> file(inc, "series:" + k));
                d.area().ifPresent(a -> file(inc, "area:" + a.path()));
            }
        }

        GradingState withHealth(GradingState g) {
            return g.health().equals(health) ? g
                    : new GradingState(g.facts(), health, g.computed(), g.override(), g.effective(), g.asOf());
        }

        void observeIn(Inc inc, Input.Observe o, Instant at) {
            entries.add(new TimelineEntry.SignalReceived(at, inc.ref, o));
            Regrading.Step step = Regrading.observe(withHealth(inc.grading), o.signal(), settings.classifier());
            inc.grading = step.state();
            fileSignal(inc, o.signal());
            handleGrading(inc, step, at);
        }

        Inc newInc(Instant at) {
            IncidentRef ref = IncidentRef.of(epoch, opened + 1);
            IncidentState s = new IncidentState(ref, at, GradingState.empty(at), Optional.empty(), Set.of(), Map.of(), List.of(),
                    Optional.empty(), List.of(), PMap.empty());
            Inc inc = new Inc(s);
            inc.fresh = true;
            return inc;
        }

        void adopt(Inc inc, Instant at) {
            opened++;
            touched.put(inc.ref.id(), inc);
            entries.add(new TimelineEntry.IncidentOpened(at, inc.ref));
        }

        /** A signal no open incident holds: a new incident, if it makes a finding. */
        Optional<Inc> openWith(Input.Observe o, Instant at) {
            Inc inc = newInc(at);
            Regrading.Step step = Regrading.observe(withHealth(inc.grading), o.signal(), settings.classifier());
            if (step.state().effective().isEmpty()) {
                entries.add(new TimelineEntry.SignalReceived(at, IncidentRef.NONE, o));
                return Optional.empty();
            }
            adopt(inc, at);
            entries.add(new TimelineEntry.SignalReceived(at, inc.ref, o));
            inc.grading = step.state();
            fileSignal(inc, o.signal());
            handleGrading(inc, step, at);
            return Optional.of(inc);
        }

        // ---- merging -------------------------------------------------------------------------------------------

        void merge(Inc from, Inc into, String by, Bilingual reason, Instant at) {
            entries.add(new TimelineEntry.IncidentMerged(at, from.ref, into.ref, by, reason));
            from.mergedAway = true;
            Bilingual trigger = Bilingual.of("合并故障 #" + from.ref.number() + ": " + reason.zh(),
                    "incident #" + from.ref.number() + " merged: " + reason.en());
            Regrading.Step step = Regrading.absorb(withHealth(into.grading), from.grading, at, trigger, settings.classifier());
            from.outages.forEach((area, o) -> {
                IncidentState.Outage mine = into.outages.get(area);
                if (mine == null || o.start().isBefore(mine.start())) {
                    into.outages.put(area, o);
                }
            });
            for (IncidentState.Manual m : from.manual) {
                if (!into.isManual(m.department(), m.area())) {
                    into.manual.add(m);
                }
            }
            from.deadlines.forEach(d -> into.deadlines.add(d.of(into.ref)));
            into.classesFired.addAll(from.classesFired);
            from.highest.ifPresent(h -> into.highest = Optional.of(into.highest.map(x -> FaultClass.mostSevere(x, h)).orElse(h)));
            for (String k : from.keys.keys()) {
                if (from.ref.id().equals(index.get(k))) {
                    file(into, k);
                }
            }
            from.keys = PMap.empty();
            handleGrading(into, step, at);
        }

        // ---- consequences of grading ---------------------------------------------------------------------------

        /** What a new grade means: the incident's playbooks, its outages and ladders, its quiet period. */
        void handleGrading(Inc inc, Regrading.Step step, Instant at) {
            inc.grading = step.state();
            step.events().forEach(e -> entries.add(new TimelineEntry.Regraded(inc.ref, e)));
            Optional<Grade> after = inc.grading.effective();
            if (after.isPresent()) {
                if (inc.fresh) {
                    inc.fresh = false;
                    fire(inc, new Occurrence.IncidentOpened(at));
                }
                inc.quietSince = Optional.empty();
                FaultClass c = after.get().faultClass();
                inc.highest = Optional.of(inc.highest.map(h -> FaultClass.mostSevere(h, c)).orElse(c));
                if (inc.classesFired.add(c)) {
                    fire(inc, new Occurrence.ClassReached(at, c));
                }
            }
            syncOutages(inc, at);
            if (after.isEmpty() && inc.quietSince.isEmpty() && !inc.fresh) {
                inc.quietSince = Optional.of(at);
                releaseAll(inc, at);
            }
        }

        void syncOutages(Inc inc, Instant at) {
            Map<Area, Instant> desired = inc.grading.outages();
            for (Area area : List.copyOf(inc.outages.keySet())) {
                if (!desired.containsKey(area)) {
                    endOutage(inc, area, at);
                }
            }
            desired.forEach((area, since) -> {
                if (!inc.outages.containsKey(area)) {
                    Instant start = since.isAfter(at) ? at : since;
                    inc.outages.put(area, new IncidentState.Outage(area, start, Set.of()));
                    entries.add(new TimelineEntry.OutageStarted(at, inc.ref, area, start, schedule(start, modifiers)));
                    fire(inc, area.isHospital() ? new Occurrence.WholeNetworkFailure(at) : new Occurrence.AreaOutage(at, area));
                }
            });
            checkLadder(inc, at);
        }

        void endOutage(Inc inc, Area area, Instant at) {
            IncidentState.Outage o = inc.outages.remove(area);
            entries.add(new TimelineEntry.OutageEnded(at, inc.ref, area, o.start(), Duration.between(o.start(), at)));
            inc.deadlines.removeIf(d -> {
                Occurrence occ = d.step().occurrence();
                return occ.area().equals(area) && (occ instanceof Occurrence.WholeNetworkFailure || occ instanceof Occurrence.AreaOutage
                        || occ instanceof Occurrence.LadderStepReached || occ instanceof Occurrence.ManualModeStarted);
            });
            List<IncidentState.Manual> released = inc.manual.stream()
                    .filter(m -> area.covers(m.area()))
                    .filter(m -> inc.outages.keySet().stream().noneMatch(other -> other.covers(m.area())))
                    .toList();
            release(inc, released, at);
        }

        void releaseAll(Inc inc, Instant at) {
            release(inc, List.copyOf(inc.manual), at);
        }

        void release(Inc inc, List<IncidentState.Manual> released, Instant at) {
            if (released.isEmpty()) {
                return;
            }
            inc.manual.removeAll(released);
            Map<String, List<IncidentState.Manual>> byArea = new TreeMap<>();
            released.forEach(m -> byArea.computeIfAbsent(m.area().path(), k -> new ArrayList<>()).add(m));
            for (List<IncidentState.Manual> group : byArea.values()) {
                Area area = group.get(0).area();
                EnumSet<Department> departments = EnumSet.noneOf(Department.class);
                group.forEach(m -> departments.add(m.department()));
                entries.add(new TimelineEntry.ManualModeEnded(at, inc.ref, area, departments));
                fire(inc, new Occurrence.Recovered(at, departments, area));
            }
        }

        /** When the first row the outage has not reached falls due (cheap: no schedule is built). */
        Optional<Instant> nextRow(IncidentState.Outage o) {
            LadderContext context = LadderContext.none().withModifiers(modifiers);
            for (org.hospital.continuity.playbooks.ladder.LadderStep step : org.hospital.continuity.playbooks.ladder.LadderStep.values()) {
                if (!o.reached().contains(step)) {
                    return Optional.of(o.start().plus(ladder.thresholdFor(step, context)));
                }
            }
            return Optional.empty();
        }

        void checkLadder(Inc inc, Instant t) {
            for (Area area : List.copyOf(inc.outages.keySet())) {
                IncidentState.Outage o = inc.outages.get(area);
                if (nextRow(o).map(due -> due.isAfter(t)).orElse(true)) {
                    continue; // nothing due yet
                }
                Set<org.hospital.continuity.playbooks.ladder.LadderStep> reached = EnumSet.noneOf(org.hospital.continuity.playbooks.ladder.LadderStep.class);
                reached.addAll(o.reached());
                boolean changed = false;
                for (LadderMilestone m : schedule(o.start(), modifiers)) {
                    if (m.dueAt().isAfter(t) || !reached.add(m.step())) {
                        continue;
                    }
                    changed = true;
                    EnumSet<Department> switching = EnumSet.noneOf(Department.class);
                    m.departments().stream().filter(d -> !inc.isManual(d, area)).forEach(switching::add);
                    switching.forEach(d -> inc.manual.add(new IncidentState.Manual(d, area, t, ManualBasis.LADDER)));
                    entries.add(new TimelineEntry.LadderStepReached(t, inc.ref, area, m, switching));
                    fire(inc, new Occurrence.LadderStepReached(t, m.step(), switching, area));
                    if (!switching.isEmpty()) {
                        fire(inc, new Occurrence.ManualModeStarted(t, switching, area));
                    }
                }
                if (changed) {
                    inc.outages.put(area, new IncidentState.Outage(area, o.start(), reached));
                }
            }
        }

        void closeIncident(Inc inc, Instant t) {
            FaultClass top = inc.highest.orElseThrow();
            entries.add(new TimelineEntry.IncidentClosed(t, inc.ref, inc.openedAt, top));
            inc.deadlines.removeIf(d -> d.step().occurrence() instanceof Occurrence.IncidentOpened
                    || d.step().occurrence() instanceof Occurrence.ClassReached
                    || d.step().occurrence() instanceof Occurrence.ManualModeStarted);
            fire(inc, new Occurrence.IncidentClosed(t, top));
            inc.closed = true;
        }

        void fire(Inc inc, Occurrence occurrence) {
            Set<String> seen = new HashSet<>();
            for (DueStep due : playbooks.stepsFor(occurrence, settings.zone())) {
                entries.add(new TimelineEntry.StepDue(occurrence.at(), inc.ref, due));
                due.dueBy().filter(by -> by.isAfter(occurrence.at()))
                        .filter(by -> seen.add(due.reference() + due.department() + occurrence.area().path()))
                        .ifPresent(by -> inc.deadlines.add(new PendingDeadline(by, due, inc.ref)));
            }
        }
    }

    static final String ACCESS_KEY = "access";

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
