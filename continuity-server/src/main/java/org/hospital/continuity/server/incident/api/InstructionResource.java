package org.hospital.continuity.server.incident.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.hospital.continuity.server.incident.app.AnnouncingInstructions;
import org.hospital.continuity.server.incident.DepartmentState;
import org.hospital.continuity.server.incident.DepartmentMode;
import org.hospital.continuity.server.incident.Instruction;

/** EP-6.1: announced instructions, their acknowledgement by named people, and every department's mode. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class InstructionResource {

    private final AnnouncingInstructions announcing;
    private final SecurityIdentity identity;

    public InstructionResource(AnnouncingInstructions announcing, SecurityIdentity identity) {
        this.announcing = announcing;
        this.identity = identity;
    }

    public record AckView(UUID personId, String personName, Instant at) {
    }

    public record InstructionView(UUID id, UUID incidentId, String party, String partyKind, String kind, DepartmentMode modeAfter,
                                  String reference, String clause, String zh, String en, Instant issuedAt, String issuedBy,
                                  Instant deadline, boolean acknowledged, List<AckView> acknowledgements, long number) {
        public static InstructionView of(Instruction i) {
            return new InstructionView(i.id(), i.incidentId(), i.party(), i.partyKind(), i.kind(), i.modeAfter(), i.reference(), i.clause(),
                    i.zh(), i.en(), i.issuedAt(), i.issuedBy(), i.deadline(), i.acknowledged(),
                    i.acks().stream().map(a -> new AckView(a.personId(), a.personName(), a.at())).toList(), i.number());
        }
    }

    /** "Current instructions for my department": by party code; {@code open=true} for unacknowledged only. */
    @GET
    @Path("/instructions")
    @RolesAllowed({Roles.READER, Roles.KIOSK})
    public Uni<List<InstructionView>> forParty(@QueryParam("party") @NotBlank @Size(max = 40) String party,
                                               @QueryParam("open") @DefaultValue("false") boolean open,
                                               @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return announcing.forParty(party, open, limit).map(l -> l.stream().map(InstructionView::of).toList());
    }

    /** EP-6.1: unacknowledged instructions older than {@code minutes} (they escalate). */
    @GET
    @Path("/instructions/unacknowledged")
    @RolesAllowed(Roles.READER)
    public Uni<List<InstructionView>> unacknowledged(@QueryParam("minutes") @DefaultValue("0") @Min(0) @Max(10080) int minutes) {
        return announcing.unacknowledged(Duration.ofMinutes(minutes)).map(l -> l.stream().map(InstructionView::of).toList());
    }

    @GET
    @Path("/instructions/{id}")
    @RolesAllowed({Roles.READER, Roles.KIOSK})
    public Uni<InstructionView> get(@PathParam("id") UUID id) {
        return announcing.get(id).map(InstructionView::of);
    }

    /** A named person of the department acknowledges (EP-6.1). */
    @POST
    @Path("/instructions/{id}/acknowledgements")
    @RolesAllowed(Roles.STAFF)
    public Uni<InstructionView> acknowledge(@PathParam("id") UUID id) {
        Staff staff = Staff.of(identity);
        if (staff == null) {
            return Uni.createFrom().failure(new DomainRejection(403, "forbidden", "EP-6.1", "Acknowledgements are made by named staff."));
        }
        return announcing.acknowledge(id, staff).map(InstructionView::of);
    }

    @GET
    @Path("/modes")
    @RolesAllowed({Roles.READER, Roles.KIOSK})
    public Uni<List<DepartmentState>> modes() {
        return announcing.modes();
    }

    /** EP-8.4: the department finished back-entry; announce its return to normal. */
    @POST
    @Path("/modes/{department}/back-to-normal")
    @RolesAllowed({Roles.IT, Roles.DEPARTMENT_HEAD})
    public Uni<InstructionView> backToNormal(@PathParam("department") String department) {
        return announcing.announceBackToNormal(department, Staff.of(identity)).map(InstructionView::of);
    }
}
