package org.hospital.continuity.server.kiosk.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;
import org.hospital.continuity.server.kiosk.app.KioskCredentials;
import org.hospital.continuity.server.kiosk.app.KioskIdentityProvider;
import org.hospital.continuity.server.kiosk.app.KioskKeyWrapping;
import org.hospital.continuity.server.kiosk.app.RegisteringKiosks;
import org.hospital.continuity.server.kiosk.app.RelayingInstructions;
import org.hospital.continuity.server.kiosk.app.ServingKiosks;
import org.hospital.continuity.server.kiosk.KioskIdentity;
import org.hospital.continuity.server.kiosk.domain.KioskWire;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * What kiosks call while online: enrolment with a one-time code (no credential yet, open to
 * anyone holding a valid code), then — with HTTP Basic {@code kioskId:secret}, role
 * {@link Roles#KIOSK} — the reference snapshot and more number blocks.
 */
@Path("/api/kiosk")
@Produces(MediaType.APPLICATION_JSON)
public class KioskDeviceResource {

    private final RegisteringKiosks registering;
    private final ServingKiosks serving;
    private final KioskCredentials credentials;
    private final SecurityIdentity identity;
    private final RelayingInstructions instructions;
    private final KioskKeyWrapping wrapping;

    public KioskDeviceResource(RegisteringKiosks registering, ServingKiosks serving, KioskCredentials credentials,
                               SecurityIdentity identity, RelayingInstructions instructions, KioskKeyWrapping wrapping) {
        this.registering = registering;
        this.serving = serving;
        this.credentials = credentials;
        this.identity = identity;
        this.instructions = instructions;
        this.wrapping = wrapping;
    }

    /** The staff member signed in at the kiosk who acknowledges (their user name, which is their kiosk account id). */
    public record KioskAcknowledgement(@NotBlank @Size(max = 64) String accountId, java.time.Instant acknowledgedAt) {
    }

    public record EnrolRequest(@NotBlank @Size(max = 64) String code, @Size(max = 60) String kioskName) {
    }

    public record BlockRequest(@NotNull @Pattern(regexp = "PATIENT|INVOICE") String pool) {
    }

    @POST
    @Path("/enrolments")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<KioskWire.Enrolled>> enrol(@Valid @NotNull EnrolRequest request) {
        return registering.enrol(request.code()).map(e -> RestResponse.status(RestResponse.Status.CREATED, e));
    }

    @GET
    @Path("/snapshot")
    @RolesAllowed(Roles.KIOSK)
    public Uni<KioskWire.Snapshot> snapshot(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authenticated(authorization, serving::snapshot);
    }

    @POST
    @Path("/number-blocks")
    @RolesAllowed(Roles.KIOSK)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<KioskWire.Block> block(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Valid @NotNull BlockRequest request) {
        return authenticated(authorization, k -> registering.block(k.kioskId(), request.pool()));
    }

    /**
     * The key this kiosk's data key is wrapped with (docs/security.md "Kiosk at rest"): asked for with the kiosk's
     * credential at the kiosk's start and while it is online; a revoked or unknown kiosk gets 401/403. A POST, so every
     * release is in the audit log with the kiosk and the address that asked.
     */
    @POST
    @Path("/key-wrap")
    @RolesAllowed(Roles.KIOSK)
    public Uni<KioskWire.WrappingKey> wrappingKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authenticated(authorization, k -> Uni.createFrom().item(new KioskWire.WrappingKey(k.kioskId(),
                java.util.Base64.getEncoder().encodeToString(wrapping.keyOf(k.kioskId())))));
    }

    /** EP-6.1: the announced instructions of the kiosk's department, newest first (the kiosk polls this while online). */
    @GET
    @Path("/instructions")
    @RolesAllowed(Roles.KIOSK)
    public Uni<KioskWire.Instructions> instructions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                                   @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return authenticated(authorization, k -> instructions.forKiosk(k, limit));
    }

    /** EP-6.1: the named person signed in at the kiosk acknowledges an instruction of the kiosk's department. */
    @POST
    @Path("/instructions/{id}/acknowledgements")
    @RolesAllowed(Roles.KIOSK)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<KioskWire.Instruction> acknowledge(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
                                                  @Valid @NotNull KioskAcknowledgement request) {
        return authenticated(authorization, k -> instructions.acknowledge(k, id, request.accountId(), request.acknowledgedAt()));
    }

    private <T> Uni<T> authenticated(String authorization, Function<KioskIdentity, Uni<T>> then) {
        KioskIdentity kiosk = identity.getAttribute(KioskIdentityProvider.ATTRIBUTE);
        if (kiosk == null) {
            return Uni.createFrom().failure(new DomainRejection(401, "kiosk-unauthenticated", null,
                    "Unknown kiosk or wrong credential; enrol the kiosk again if it was revoked."));
        }
        return then.apply(kiosk);
    }
}
