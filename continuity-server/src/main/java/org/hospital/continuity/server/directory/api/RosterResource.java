package org.hospital.continuity.server.directory.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.directory.app.RunningTheRoster;
import org.hospital.continuity.server.directory.ContactKind;
import org.hospital.continuity.server.directory.domain.DutyPost;
import org.hospital.continuity.server.directory.domain.Handover;
import org.hospital.continuity.server.directory.domain.Shift;
import org.hospital.continuity.server.directory.domain.ShiftKind;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.jboss.resteasy.reactive.RestResponse;

/** HR-15..17: the IT duty roster, handovers, and who is on duty now. */
@Path("/api/roster")
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    private final RunningTheRoster roster;
    private final SecurityIdentity identity;

    public RosterResource(RunningTheRoster roster, SecurityIdentity identity) {
        this.roster = roster;
        this.identity = identity;
    }

    public record NewShift(@NotNull DutyPost post, @NotNull UUID personId, @NotNull ShiftKind kind,
                           @NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    public record NewHandover(@NotBlank @Size(max = 4000) String workDone, @NotNull @Size(max = 4000) String openProblems) {
    }

    public record ReachBy(ContactKind kind, String address) {
    }

    public record OnDutyView(UUID shiftId, DutyPost post, ShiftKind kind, Instant startsAt, Instant endsAt,
                             UUID personId, String name, List<ReachBy> reachBy) {
    }

    @POST
    @Path("/shifts")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Shift>> addShift(@Valid @NotNull NewShift s) {
        return roster.addShift(s.post(), s.personId(), s.kind(), s.startsAt(), s.endsAt())
                .map(x -> RestResponse.ResponseBuilder.<Shift>created(URI.create("/api/roster/shifts/" + x.id())).entity(x).build());
    }

    @GET
    @Path("/shifts")
    @RolesAllowed(Roles.READER)
    public Uni<List<Shift>> shifts(@QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        if (from == null || to == null) {
            return Uni.createFrom().failure(new DomainRejection(400, "bad-request", null, "Give from and to as ISO instants."));
        }
        return roster.shifts(from, to);
    }

    /** Who is on duty now, with the channels to reach them (HR-17). */
    @GET
    @Path("/on-duty")
    @RolesAllowed(Roles.READER)
    public Uni<List<OnDutyView>> onDuty() {
        return roster.onDutyNow().map(l -> l.stream().map(d -> new OnDutyView(d.shift().id(), d.shift().post(), d.shift().kind(),
                d.shift().startsAt(), d.shift().endsAt(), d.person().id(), d.person().name(),
                d.person().contacts().stream().map(c -> new ReachBy(c.kind(), c.address())).toList())).toList());
    }

    /** HR-16: the holder of the shift records its handover. */
    @POST
    @Path("/shifts/{id}/handovers")
    @RolesAllowed(Roles.IT)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Handover>> handover(@PathParam("id") UUID shiftId, @Valid @NotNull NewHandover h) {
        Staff me = Staff.of(identity);
        return roster.recordHandover(shiftId, me.personId(), me.has(Roles.ADMIN), h.workDone(), h.openProblems())
                .map(x -> RestResponse.ResponseBuilder.<Handover>created(URI.create("/api/roster/shifts/" + shiftId + "/handovers")).entity(x).build());
    }

    @GET
    @Path("/shifts/{id}/handovers")
    @RolesAllowed(Roles.READER)
    public Uni<List<Handover>> handovers(@PathParam("id") UUID shiftId) {
        return roster.handovers(shiftId);
    }
}
