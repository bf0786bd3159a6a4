package org.hospital.continuity.server.board.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.board.app.BoardEvents;
import org.hospital.continuity.server.board.app.BoardSnapshot;
import org.hospital.continuity.server.board.app.IncidentSource;
import org.hospital.continuity.server.board.app.KeepingTheBoard;
import org.hospital.continuity.server.board.app.PicturingTheBoard;
import org.hospital.continuity.server.board.domain.FaultReportRecord;
import org.hospital.continuity.server.notification.NotificationEvents;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The incident board's data: a snapshot, a live stream of snapshots (SSE), and what IT writes on it. Every
 * signed-in reader (the leadership group among them) reads; only IT writes (the group's board is read-only).
 * Who wrote what is the signed-in person (HR-2), never a name typed into the request.
 */
@Path("/api/board")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {

    /** Bursts of changes are gathered for this long and sent as one snapshot. */
    static final Duration GATHER = Duration.ofMillis(300);
    /** A snapshot at least this often, so that a quiet stream stays alive through proxies. */
    static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private final PicturingTheBoard picturing;
    private final KeepingTheBoard keeping;
    private final IncidentSource incidents;
    private final EventBus bus;
    private final SecurityIdentity identity;

    public BoardResource(PicturingTheBoard picturing, KeepingTheBoard keeping, IncidentSource incidents, EventBus bus,
                         SecurityIdentity identity) {
        this.identity = identity;
        this.picturing = picturing;
        this.keeping = keeping;
        this.incidents = incidents;
        this.bus = bus;
    }

    /** The signed-in person's name, for the record. */
    private String me() {
        Staff staff = Staff.of(identity);
        return staff == null ? identity.getPrincipal().getName() : staff.personName();
    }

    @GET
    @RolesAllowed(Roles.READER)
    public Uni<BoardSnapshot> snapshot() {
        return picturing.snapshot();
    }

    /** A snapshot now, then a new one whenever the incident, the notifications or the board change. */
    @GET
    @RolesAllowed(Roles.READER)
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<BoardSnapshot> stream() {
        List<Multi<?>> triggers = new ArrayList<>();
        List<String> addresses = new ArrayList<>(incidents.changeAddresses());
        addresses.add(NotificationEvents.CHANGED);
        addresses.add(BoardEvents.CHANGED);
        for (String address : addresses) {
            triggers.add(bus.consumer(address).toMulti());
        }
        triggers.add(Multi.createFrom().ticks().every(HEARTBEAT));
        Multi<Object> changes = Multi.createBy().merging().streams(triggers.stream().map(m -> (Multi<Object>) m.map(x -> (Object) x)).toList())
                .group().intoLists().every(GATHER)
                .filter(list -> !list.isEmpty())
                .map(list -> (Object) list);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item((Object) "now"), changes)
                .onItem().transformToUniAndConcatenate(x -> picturing.snapshot());
    }

    public record StatusReportRequest(@NotBlank @Size(max = 2000) String conditions, @NotBlank @Size(max = 2000) String actions,
                                      @Size(max = 2000) String needs, @Size(max = 200) String author) {
    }

    @POST
    @RolesAllowed(Roles.IT)
    @Path("/incidents/{id}/status-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<BoardSnapshot.StatusReportItem> writeStatusReport(@PathParam("id") UUID id, @Valid @NotNull StatusReportRequest r) {
        return keeping.writeStatusReport(id, r.conditions(), r.actions(), r.needs(), me())
                .map(s -> new BoardSnapshot.StatusReportItem(s.id(), s.conditions(), s.actions(), s.needs(), s.author(), s.writtenAt()));
    }

    /**
     * EP-8.2: who joins a team is a person of the directory (so the team's notices reach them); {@code personName} is
     * accepted from older clients and ignored: the name shown is the directory's.
     */
    public record TeamRequest(@NotBlank @Size(max = 40) String team, @NotNull UUID personId, @Size(max = 200) String personName,
                              @Size(max = 500) String note, @Size(max = 200) String by) {
    }

    public record Assigned(UUID id) {
    }

    /** EP-8.2: somebody joins a team. */
    @POST
    @RolesAllowed(Roles.IT)
    @Path("/incidents/{id}/teams")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Assigned> assign(@PathParam("id") UUID id, @Valid @NotNull TeamRequest r) {
        return keeping.assign(id, r.team(), r.personId(), r.note(), me()).map(a -> new Assigned(a.id()));
    }

    @POST
    @RolesAllowed(Roles.IT)
    @Path("/incidents/{id}/teams/{assignment}/release")
    public Uni<Void> release(@PathParam("id") UUID id, @PathParam("assignment") UUID assignment) {
        return keeping.release(id, assignment, me());
    }

    public record FaultReportView(UUID incidentId, String rootCause, String preventiveMeasures, String followUps, Instant reviewedAt,
                                  String writtenBy, Instant updatedAt, Instant submittedAt) {
        static FaultReportView of(FaultReportRecord f) {
            return new FaultReportView(f.incidentId(), f.rootCause(), f.preventiveMeasures(), f.followUps(), f.reviewedAt(),
                    f.writtenBy(), f.updatedAt(), f.submittedAt());
        }
    }

    public record FaultReportRequest(@Size(max = 10000) String rootCause, @Size(max = 10000) String preventiveMeasures,
                                     @Size(max = 10000) String followUps, Instant reviewedAt, @Size(max = 200) String by) {
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Path("/incidents/{id}/fault-report")
    public Uni<FaultReportView> faultReport(@PathParam("id") UUID id) {
        return keeping.faultReport(id).map(FaultReportView::of);
    }

    /** EP-8.6: IT writes the root cause, preventive measures and follow-ups. */
    @PUT
    @RolesAllowed(Roles.IT)
    @Path("/incidents/{id}/fault-report")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<FaultReportView> saveFaultReport(@PathParam("id") UUID id, @Valid @NotNull FaultReportRequest r) {
        return keeping.saveFaultReport(id, r.rootCause(), r.preventiveMeasures(), r.followUps(), r.reviewedAt(), me())
                .map(FaultReportView::of);
    }

    @POST
    @RolesAllowed(Roles.IT)
    @Path("/incidents/{id}/fault-report/submit")
    public Uni<FaultReportView> submitFaultReport(@PathParam("id") UUID id) {
        return keeping.submitFaultReport(id, me()).map(FaultReportView::of);
    }
}
