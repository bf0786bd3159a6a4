package org.hospital.continuity.server.incident.app;

import org.hospital.continuity.server.platform.persistence.Tx;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.playbooks.classify.OverrideRequest;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import java.util.Map;
import org.hospital.continuity.playbooks.classify.Facts;
import org.hospital.continuity.playbooks.classify.Series;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.incident.EngineState;
import org.hospital.continuity.playbooks.incident.IncidentState;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderMilestone;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.server.incident.persistence.IncidentStore;
import org.hospital.continuity.server.incident.Incident;
import org.hospital.continuity.server.incident.IncidentEvent;
import org.hospital.continuity.server.incident.IncidentIntake;
import org.hospital.continuity.server.incident.IncidentSignal;
import org.hospital.continuity.server.incident.IncidentView;
import org.hospital.continuity.server.incident.CaptureWindow;
import org.hospital.continuity.server.incident.Incidents;
import org.hospital.continuity.server.incident.TimelineEvent;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Staff;

/**
 * What people do with incidents: read them, and tell the engine IT's findings and decisions (EP-3.2
 * diagnosis, EP-4 manual grade with a reason, EP-5.1 circumstances, EP-5.2 early manual mode, EP-6.8 the
 * declaration that the system is back). The engine decides; a refusal comes back as 409 with its clause.
 */
@ApplicationScoped
public class HandlingIncidents implements Incidents {

    private final RunningTheIncidentEngine engine;
    private final IncidentStore store;
    private final InstantSource clock; // the engine's clock (compressed during a drill)

    private final org.hospital.continuity.server.incident.DrillLink drills;

    public HandlingIncidents(RunningTheIncidentEngine engine, IncidentStore store,
                             org.hospital.continuity.server.incident.EngineClock clock, org.hospital.continuity.server.incident.DrillLink drills) {
        this.engine = engine;
        this.store = store;
        this.clock = clock;
        this.drills = drills;
    }

    @Override
    public Uni<List<CaptureWindow>> captureWindows(Instant now) {
        return store.spans(store.pool(), null).chain(spans -> windows(spans, now));
    }

    @Override
    public Uni<java.util.Optional<CaptureWindow>> captureWindow(UUID incident, Instant now) {
        return store.spans(store.pool(), incident).chain(spans -> windows(spans, now)).map(w -> w.stream().findFirst());
    }

    /** A drill's incident is captured over the drill's real span (EP-9.4); a real one from its opening to its closing or now. */
    private Uni<List<CaptureWindow>> windows(List<IncidentStore.Span> spans, Instant now) {
        List<UUID> drillIds = spans.stream().map(IncidentStore.Span::drill).filter(java.util.Objects::nonNull).distinct().toList();
        Uni<java.util.Map<UUID, org.hospital.continuity.server.incident.DrillLink.RealSpan>> real = drillIds.isEmpty()
                ? Uni.createFrom().item(java.util.Map.of()) : drills.realSpans(drillIds);
        return real.map(byDrill -> spans.stream().map(s -> {
            var d = s.drill() == null ? null : byDrill.get(s.drill());
            if (d != null) {
                return new CaptureWindow(s.id(), d.startedAt(), d.endedAt() != null ? d.endedAt() : now);
            }
            return new CaptureWindow(s.id(), s.openedAt(), s.closedAt() != null ? s.closedAt() : now);
        }).toList());
    }

    @Override
    public Uni<List<Incident>> incidents(int limit) {
        return store.incidents(store.pool(), limit);
    }

    /** Timeline events of all incidents after {@code seq}, in order (an SSE client catching up). */
    public Uni<List<TimelineEvent>> eventsAfter(long seq, int limit) {
        return store.eventsAfter(store.pool(), seq, limit);
    }

    @Override
    public Uni<List<TimelineEvent>> timeline(UUID incident) {
        return store.timeline(store.pool(), incident);
    }

    @Override
    public Uni<java.util.Optional<UUID>> drillOf(UUID incident) {
        return store.drillOf(store.pool(), incident);
    }

    @Override
    public Uni<Incident> incident(UUID id) {
        return store.incident(store.pool(), id);
    }

    @Override
    public Uni<Incident> openIncidentLocked(Tx tx) {
        return store.lock(tx).chain(() -> store.openIncident(tx));
    }

    @Override
    public Uni<List<Incident>> open() {
        return store.openIncidents(store.pool());
    }

    @Override
    public Uni<Incident> current() {
        return store.openIncident(store.pool());
    }

    @Override
    public Uni<IncidentView> view(UUID id) {
        return store.incident(store.pool(), id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Incident " + id))
                .chain(row -> store.timeline(store.pool(), id).chain(events -> store.signals(store.pool(), id).chain(signals ->
                        engine.state().map(state -> {
                            Optional<IncidentState> live = row.closedAt() == null ? engineIncident(state, row) : Optional.empty();
                            return new IncidentView(row, events, signals, live.map(i -> schedule(state, i)).orElse(List.of()),
                                    live.map(i -> codes(i.manualDepartments())).orElse(Set.of()));
                        }))));
    }

    /** The engine's incident of a stored open one (by its number: numbers are unique while the engine runs). */
    private static Optional<IncidentState> engineIncident(EngineState state, Incident row) {
        return row.number() <= 0 ? Optional.empty() : state.incident(Integer.toString(row.number()));
    }

    /** The ladder of the incident: its whole-network outage's, else that of the first area cut off. */
    private List<LadderMilestone> schedule(EngineState state, IncidentState incident) {
        Map<Area, List<LadderMilestone>> all = engine.engine().schedules(state, incident);
        return all.getOrDefault(Area.HOSPITAL, all.values().stream().findFirst().orElse(List.of()));
    }

    /** The engine's reference of a stored incident, for a decision about it. */
    private static Optional<String> reference(Incident row) {
        return row.number() <= 0 ? Optional.empty() : Optional.of(Integer.toString(row.number()));
    }

    private static Set<String> codes(Set<Department> set) {
        Set<String> out = new LinkedHashSet<>();
        set.forEach(d -> out.add(d.code()));
        return out;
    }

    private Uni<Incident> requireOpen(UUID id) {
        return store.incident(store.pool(), id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Incident " + id))
                .invoke(row -> {
                    if (row.closedAt() != null) {
                        throw DomainRejection.conflict("incident-closed", "EP-8.1", "The incident is closed.");
                    }
                });
    }

    /** Submits and turns an engine refusal into a 409 naming the clause. */
    private Uni<IncidentIntake.Outcome> decide(Input input) {
        return engine.submit(input).chain(o -> store.events(store.pool(), o.eventSeqs())
                .map(events -> {
                    for (TimelineEvent e : events) {
                        if (e.event() instanceof IncidentEvent.InputRejected rejected) {
                            throw DomainRejection.conflict("refused", rejected.clause(), rejected.summary().en());
                        }
                    }
                    return o;
                }));
    }

    /**
     * EP-6.8: IT declares the system back: every finding of the incident still holding is cleared by a named
     * person; the engine then ends the outage, releases manual operation and makes the recovery playbooks due
     * (restart and back-entry with EP-8.4 deadlines, the EP-8.6 review after closing).
     */
    public Uni<IncidentIntake.Outcome> declareRecovery(UUID id, Staff staff, String note) {
        return requireOpen(id).chain(row -> engine.state().map(state -> engineIncident(state, row))).chain(incident -> {
            List<String> holding = incident.map(HandlingIncidents::holdingSignals).orElse(List.of());
            if (holding.isEmpty()) {
                return Uni.createFrom().failure(DomainRejection.conflict("nothing-to-clear", "EP-6.8",
                        "No finding of this incident still holds; the system is already considered back."));
            }
            Clearance clearance = new Clearance(UUID.randomUUID().toString(), clock.instant(), staff.personName(), holding,
                    note == null || note.isBlank() ? "信息科宣布系统恢复" : note);
            Log.infof("recovery declared incident=%s by=%s signals=%d", id, staff.accountId(), holding.size());
            return decide(new Input.Observe(clearance));
        });
    }

    /** Ids of what still holds in the incident: open reports, alarms, diagnoses, and the probes of outages. */
    static List<String> holdingSignals(IncidentState state) {
        Facts facts = state.grading().facts();
        Set<String> out = new LinkedHashSet<>();
        facts.reports().forEach(r -> out.add(r.report().id()));
        facts.alarms().forEach(a -> out.add(a.id()));
        facts.diagnoses().forEach(d -> out.add(d.diagnosis().id()));
        facts.series().stream().filter(Series::inOutage).forEach(s -> out.add(s.outage().orElseThrow().firstDownId()));
        return List.copyOf(out);
    }

    /** EP-3.2: IT records a cause, explaining signals (reports, alarms) or as a finding of its own. */
    public Uni<IncidentIntake.Outcome> diagnose(Cause cause, List<String> explains, String note, Staff staff) {
        return decide(new Input.Observe(new Diagnosis(UUID.randomUUID().toString(), clock.instant(), staff.personName(), cause,
                explains, note)));
    }

    /** EP-4: IT sets the grade by hand, with a reason. */
    public Uni<IncidentIntake.Outcome> override(UUID id, FaultClass faultClass, Scope scope, String reason, Staff staff) {
        return requireOpen(id).chain(r -> decide(new Input.RequestOverride(new OverrideRequest(clock.instant(), staff.personName(),
                faultClass, Optional.ofNullable(scope), reason), reference(r))));
    }

    public Uni<IncidentIntake.Outcome> liftOverride(UUID id, String reason, Staff staff) {
        return requireOpen(id).chain(r -> decide(new Input.LiftOverride(clock.instant(), staff.personName(), reason, reference(r))));
    }

    /** EP-5.2: a department switches early for critically ill patients (a named person, a reason), in an area cut off or everywhere. */
    public Uni<IncidentIntake.Outcome> requestManual(Department department, String reason, String area, Staff staff) {
        Optional<Area> place = Area.parse(area);
        if (area != null && !area.isBlank() && place.isEmpty()) {
            return Uni.createFrom().failure(new DomainRejection(422, "unknown-place", "EP-4.1",
                    "An area is a building/floor/ward path such as B or B/5."));
        }
        return decide(new Input.RequestManualMode(clock.instant(), staff.personName(), department, reason, place, Optional.empty()));
    }

    /** EP-5.1: the leadership group's decision to move a department's switch earlier (who and why recorded). */
    public Uni<IncidentIntake.Outcome> switchEarlier(UUID id, Department department, String reason, String area, Staff staff) {
        Optional<Area> place = Area.parse(area);
        if (area != null && !area.isBlank() && place.isEmpty()) {
            return Uni.createFrom().failure(new DomainRejection(422, "unknown-place", "EP-4.1",
                    "An area is a building/floor/ward path such as B or B/5."));
        }
        return requireOpen(id).chain(r -> decide(new Input.SwitchEarlier(clock.instant(), staff.personName(), department, reason, place,
                reference(r))));
    }

    /** EP-4: IT merges incident {@code from} into {@code into} (both open), with a reason. */
    public Uni<IncidentIntake.Outcome> merge(UUID from, UUID into, String reason, Staff staff) {
        return requireOpen(from).chain(f -> requireOpen(into).chain(i -> decide(new Input.MergeIncidents(clock.instant(),
                staff.personName(), reference(f).orElse(""), reference(i).orElse(""), reason))));
    }

    /** EP-5.1: holidays, patient volume, staff away, major events change how fast the ladder runs. */
    /** EP-5.1: the circumstances in force now, as the engine holds them (with or without an open incident). */
    public Uni<Set<ContextModifier>> contextInForce() {
        return engine.state().map(s -> s.modifiers());
    }

    public Uni<IncidentIntake.Outcome> changeContext(Set<ContextModifier> modifiers) {
        return decide(new Input.ChangeContext(clock.instant(), modifiers));
    }
}
