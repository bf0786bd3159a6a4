package org.hospital.continuity.server.incident.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.eventbus.EventBus;
import io.vertx.mutiny.core.eventbus.MessageConsumer;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderMilestone;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.server.incident.app.HandlingIncidents;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.incident.TimelineEvent;
import org.hospital.continuity.server.incident.Incident;
import org.hospital.continuity.server.incident.IncidentSignal;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.hospital.continuity.server.incident.api.InstructionResource.InstructionView;
import org.hospital.continuity.server.incident.app.AnnouncingInstructions;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Incidents, their append-only timelines, IT's decisions, and the live stream of incident events. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final HandlingIncidents incidents;
    private final AnnouncingInstructions announcing;
    private final SecurityIdentity identity;
    private final EventBus bus;

    public IncidentResource(HandlingIncidents incidents, AnnouncingInstructions announcing, SecurityIdentity identity, EventBus bus) {
        this.incidents = incidents;
        this.announcing = announcing;
        this.identity = identity;
        this.bus = bus;
    }

    /** {@code number}: the engine's ("incident 2"); {@code areasDown}: the places it cut off now (EP-4.1 局部网络不通). */
    public record IncidentSummary(UUID id, Instant openedAt, Instant closedAt, String faultClass, String scope, String highestClass,
                                  Instant outageStart, Instant outageEndedAt, int number, List<String> areasDown) {
        static IncidentSummary of(Incident r) {
            return new IncidentSummary(r.id(), r.openedAt(), r.closedAt(), r.faultClass(), r.scope(), r.highestClass(), r.outageStart(),
                    r.outageEndedAt(), r.number(), r.areasDown());
        }
    }

    public record EventView(long seq, String kind, Instant at, String clause, String zh, String en, Map<String, Object> data) {
        static EventView of(TimelineEvent e) {
            return new EventView(e.seq(), IncidentEventJson.kind(e), e.event().at(), e.event().clause(), e.event().summary().zh(),
                    e.event().summary().en(), IncidentEventJson.data(e));
        }
    }

    public record SignalView(String id, String kind, Instant at, String zh, String en) {
        static SignalView of(IncidentSignal s) {
            return new SignalView(s.id(), s.kind(), s.at(), s.zh(), s.en());
        }
    }

    public record Milestone(String step, String clause, Instant dueAt, String threshold, List<String> departments) {
        static Milestone of(LadderMilestone m) {
            return new Milestone(m.step().name(), m.clause(), m.dueAt(), m.threshold().toString(),
                    m.departments().stream().sorted().map(Department::code).toList());
        }
    }

    public record IncidentDetail(IncidentSummary incident, List<EventView> timeline, List<SignalView> signals, List<Milestone> ladder,
                                 Set<String> manualDepartments) {
    }

    public record Decided(long journalSeq, UUID incidentId, List<Long> events, List<UUID> instructions) {
        static Decided of(org.hospital.continuity.server.incident.IncidentIntake.Outcome o) {
            return new Decided(o.journalSeq(), o.incidentId(), o.eventSeqs(), o.instructions());
        }
    }

    public record RecoveryRequest(@Size(max = 2000) String note) {
    }

    public record OverrideInput(@NotNull FaultClass faultClass, Scope scope, @NotBlank @Size(max = 2000) String reason) {
    }

    public record LiftInput(@NotBlank @Size(max = 2000) String reason) {
    }

    public record DiagnosisInput(@NotNull Cause cause, @Size(max = 200) List<@NotBlank @Size(max = 100) String> explains,
                                 @Size(max = 2000) String note) {
    }

    /** {@code area}: the place (building/floor/ward path) of an area cut off whose department switches; null for the whole hospital. */
    public record ManualRequest(@NotNull Department department, @NotBlank @Size(max = 2000) String reason, @Size(max = 100) String area) {
    }

    /** EP-5.1: the leadership group moves a department's switch earlier; who (the signed-in member) and why are recorded. */
    public record SwitchEarlierInput(@NotNull Department department, @Size(max = 2000) String reason, @Size(max = 100) String area) {
    }

    /** EP-4: IT merges two open incidents that are one fault, with a reason. */
    public record MergeInput(@NotNull UUID from, @NotNull UUID into, @Size(max = 2000) String reason) {
    }

    public record ContextInput(@NotNull @Size(max = 10) Set<@NotNull ContextModifier> modifiers) {
    }

    private Staff me() {
        return Staff.of(identity);
    }

    @GET
    @RolesAllowed(Roles.READER)
    public Uni<List<IncidentSummary>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return incidents.incidents(limit).map(l -> l.stream().map(IncidentSummary::of).toList());
    }

    /** The open incident, or 404 when all is well. */
    @GET
    @Path("/current")
    @RolesAllowed({Roles.READER, Roles.KIOSK})
    public Uni<IncidentSummary> current() {
        return incidents.current().onItem().ifNull().failWith(() -> new DomainRejection(404, "no-open-incident", null, "No incident is open."))
                .map(IncidentSummary::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    public Uni<IncidentDetail> get(@PathParam("id") UUID id) {
        return incidents.view(id).map(v -> new IncidentDetail(IncidentSummary.of(v.incident()),
                v.timeline().stream().map(EventView::of).toList(), v.signals().stream().map(SignalView::of).toList(),
                v.schedule().stream().map(Milestone::of).toList(), v.manualDepartments()));
    }

    /** Every instruction the incident issued, with its acknowledgements. */
    @GET
    @Path("/{id}/instructions")
    @RolesAllowed(Roles.READER)
    public Uni<List<InstructionView>> instructions(@PathParam("id") UUID id) {
        return incidents.view(id).chain(v -> announcing.forIncident(id)).map(l -> l.stream().map(InstructionView::of).toList());
    }

    /** EP-6.8: IT declares the system back; the engine issues the recovery steps. */
    @POST
    @Path("/{id}/recovery")
    @RolesAllowed(Roles.IT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Decided> recovery(@PathParam("id") UUID id, @Valid RecoveryRequest request) {
        return incidents.declareRecovery(id, me(), request == null ? null : request.note()).map(Decided::of);
    }

    @PUT
    @Path("/{id}/override")
    @RolesAllowed(Roles.IT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Decided> override(@PathParam("id") UUID id, @Valid @NotNull OverrideInput input) {
        return incidents.override(id, input.faultClass(), input.scope(), input.reason(), me()).map(Decided::of);
    }

    @POST
    @Path("/{id}/override/lift")
    @RolesAllowed(Roles.IT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Decided> lift(@PathParam("id") UUID id, @Valid @NotNull LiftInput input) {
        return incidents.liftOverride(id, input.reason(), me()).map(Decided::of);
    }

    /** EP-3.2: IT records a cause. */
    @POST
    @Path("/diagnoses")
    @RolesAllowed(Roles.IT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Decided> diagnose(@Valid @NotNull DiagnosisInput input) {
        return incidents.diagnose(input.cause(), input.explains() == null ? List.of() : input.explains(), input.note(), me())
                .map(Decided::of);
    }

    /** EP-5.2: early manual operation for critically ill patients. */
    @POST
    @Path("/manual-mode-requests")
    @RolesAllowed({Roles.IT, Roles.DEPARTMENT_HEAD})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Decided> requestManual(@Valid @NotNull ManualRequest input) {
        return incidents.requestManual(input.department(), input.reason(), input.area(), me()).map(Decided::of);
    }

    /**
     * EP-5.1: holidays, patient volume, staff away and major events change how long recovery takes; the plan's
     * times stay, and the leadership group decides to move a department's switch earlier. Refused (409 with the
     * clause) without a reason or when no outage of the incident reaches the place.
     */
    @POST
    @Path("/{id}/switch-earlier")
    @RolesAllowed(Roles.LEADERSHIP)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Decided> switchEarlier(@PathParam("id") UUID id, @Valid @NotNull SwitchEarlierInput input) {
        return incidents.switchEarlier(id, input.department(), input.reason(), input.area(), me()).map(Decided::of);
    }

    /** EP-4: two open incidents are one fault (one cause behind both): the first carries on inside the second. */
    @POST
    @Path("/merges")
    @RolesAllowed(Roles.IT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Decided> merge(@Valid @NotNull MergeInput input) {
        return incidents.merge(input.from(), input.into(), input.reason(), me()).map(Decided::of);
    }

    /** A circumstance in force, in words. */
    public record Circumstance(String code, String zh, String en) {
    }

    /** EP-5.1: the circumstances in force now (empty: none), also while no incident is open. */
    public record ContextView(List<Circumstance> modifiers) {
    }

    /** EP-5.1: what IT last set as the circumstances in force; read by the operations page and the board's idle view. */
    @GET
    @Path("/context")
    @RolesAllowed(Roles.READER)
    public Uni<ContextView> contextInForce() {
        return incidents.contextInForce().map(set -> new ContextView(set.stream().sorted()
                .map(c -> new Circumstance(c.name(), c.text().zh(), c.text().en())).toList()));
    }

    /** EP-5.1: the circumstances in force (holiday, high volume, staff away, major event). */
    @PUT
    @Path("/context")
    @RolesAllowed(Roles.IT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Decided> context(@Valid @NotNull ContextInput input) {
        return incidents.changeContext(input.modifiers()).map(Decided::of);
    }

    /**
     * Server-Sent Events: every new timeline event of every incident, as JSON
     * {@code {seq, incidentId, kind, at, clause, zh, en, data}}, from whichever instance wrote it. A client
     * that reconnects passes the last {@code seq} it saw as {@code after} and first gets what it missed
     * (at most 1000 events), then the live events, in order and without repeats.
     */
    @GET
    @Path("/events")
    @RolesAllowed({Roles.READER, Roles.KIOSK})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<JsonObject> events(@QueryParam("after") @Min(0) Long after) {
        if (after == null) {
            return bus.<TimelineEvent>consumer(TimelineEvent.ADDRESS).toMulti().map(m -> IncidentEventJson.of(m.body()));
        }
        // subscribe to the live events first (buffered), then read the missed ones: nothing falls in between
        UnicastProcessor<TimelineEvent> buffer = UnicastProcessor.create();
        MessageConsumer<TimelineEvent> consumer = bus.<TimelineEvent>consumer(TimelineEvent.ADDRESS).handler(m -> buffer.onNext(m.body()));
        AtomicLong last = new AtomicLong(after);
        Multi<TimelineEvent> missed = incidents.eventsAfter(after, 1000).onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows));
        return Multi.createBy().concatenating().streams(missed, buffer)
                .filter(e -> {
                    if (e.seq() <= last.get()) {
                        return false;
                    }
                    last.set(e.seq());
                    return true;
                })
                .map(IncidentEventJson::of)
                .onTermination().invoke(() -> consumer.unregisterAndForget());
    }
}
