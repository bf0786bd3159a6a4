package org.hospital.continuity.server.kiosk.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.hospital.continuity.server.kiosk.app.RegisteringKiosks;
import org.hospital.continuity.server.kiosk.app.ServingKiosks;
import org.hospital.continuity.server.kiosk.domain.KioskWire;
import org.hospital.continuity.server.platform.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Kiosk administration (IT administrator): create a kiosk and its one-time enrolment code, list,
 * revoke, see its number blocks. IT administrators only (HR-1). Who signs in at a kiosk is not set here:
 * kiosk sign-ins are the hospital's accounts (a person of the kiosk's department in the directory with a
 * kiosk role and a password, {@code /api/people} and {@code /api/accounts}); their offline verifiers follow.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class KioskAdminResource {

    private final RegisteringKiosks registering;
    private final ServingKiosks serving;

    private final SecurityIdentity identity;

    public KioskAdminResource(RegisteringKiosks registering, ServingKiosks serving, SecurityIdentity identity) {
        this.registering = registering;
        this.serving = serving;
        this.identity = identity;
    }

    public record CreateKiosk(@NotBlank @Size(max = 60) String name,
                              @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+") String departmentCode) {
    }

    public record KioskView(String id, String name, String departmentCode, String status, Instant createdAt, Instant enrolledAt) {
    }

    @POST
    @Path("/kiosks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<RegisteringKiosks.Created>> create(@Valid @NotNull CreateKiosk request) {
        return registering.create(request.name().trim(), request.departmentCode(), identity.getPrincipal().getName())
                .map(c -> RestResponse.ResponseBuilder.<RegisteringKiosks.Created>created(URI.create("/api/admin/kiosks/" + c.kioskId()))
                        .entity(c).build());
    }

    @GET
    @Path("/kiosks")
    public Uni<List<KioskView>> list() {
        return registering.list().map(rows -> rows.stream()
                .map(k -> new KioskView(k.id(), k.name(), k.departmentCode(), k.status(), k.createdAt(), k.enrolledAt())).toList());
    }

    @POST
    @Path("/kiosks/{id}/revoke")
    public Uni<RestResponse<Void>> revoke(@PathParam("id") @Size(max = 40) String id) {
        return registering.revoke(id).map(v -> RestResponse.noContent());
    }

    @GET
    @Path("/kiosks/{id}/number-blocks")
    public Uni<List<KioskWire.Block>> blocks(@PathParam("id") @Size(max = 40) String id) {
        return registering.blocks(id);
    }
}
