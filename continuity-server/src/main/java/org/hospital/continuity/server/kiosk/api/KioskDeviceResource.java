package org.hospital.continuity.server.kiosk.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;
import org.hospital.continuity.server.kiosk.app.KioskCredentials;
import org.hospital.continuity.server.kiosk.app.RegisteringKiosks;
import org.hospital.continuity.server.kiosk.app.ServingKiosks;
import org.hospital.continuity.server.kiosk.domain.KioskIdentity;
import org.hospital.continuity.server.kiosk.domain.KioskWire;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * What kiosks call while online: enrolment with a one-time code (no credential yet), then — with
 * HTTP Basic {@code kioskId:secret} — the reference snapshot and more number blocks.
 */
@Path("/api/kiosk")
@Produces(MediaType.APPLICATION_JSON)
public class KioskDeviceResource {

    private final RegisteringKiosks registering;
    private final ServingKiosks serving;
    private final KioskCredentials credentials;

    public KioskDeviceResource(RegisteringKiosks registering, ServingKiosks serving, KioskCredentials credentials) {
        this.registering = registering;
        this.serving = serving;
        this.credentials = credentials;
    }

    public record EnrolRequest(@NotBlank @Size(max = 64) String code, @Size(max = 60) String kioskName) {
    }

    public record BlockRequest(@NotNull @Pattern(regexp = "PATIENT|INVOICE") String pool) {
    }

    @POST
    @Path("/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<KioskWire.Enrolled>> enrol(@Valid @NotNull EnrolRequest request) {
        return registering.enrol(request.code()).map(e -> RestResponse.status(RestResponse.Status.CREATED, e));
    }

    @GET
    @Path("/snapshot")
    public Uni<KioskWire.Snapshot> snapshot(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authenticated(authorization, serving::snapshot);
    }

    @POST
    @Path("/number-blocks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<KioskWire.Block> block(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Valid @NotNull BlockRequest request) {
        return authenticated(authorization, k -> registering.block(k.kioskId(), request.pool()));
    }

    private <T> Uni<T> authenticated(String authorization, Function<KioskIdentity, Uni<T>> then) {
        return credentials.verifyBasic(authorization).chain(k -> k.isEmpty()
                ? Uni.createFrom().failure(new DomainRejection(401, "kiosk-unauthenticated", null,
                "Unknown kiosk or wrong credential; enrol the kiosk again if it was revoked."))
                : then.apply(k.get()));
    }
}
