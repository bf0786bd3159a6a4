package org.hospital.continuity.server.syncreceiver.api;

import org.hospital.continuity.server.syncreceiver.app.RelayingOrders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.syncreceiver.app.ReceivingPush;
import org.hospital.continuity.server.syncreceiver.domain.IntegrityIncident;
import org.hospital.continuity.server.syncreceiver.domain.KioskSyncState;
import org.hospital.continuity.server.syncreceiver.persistence.SyncStore;
import org.hospital.continuity.sync.wire.Problem;

/**
 * The kiosks' push endpoint (sync protocol v1, see {@code SyncProtocol}) and the per-kiosk sync
 * state for the board: backlog draining, oldest unsent, integrity incidents.
 */
@Path("/api/sync/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SyncPushResource {

    private final ReceivingPush receiving;
    private final RelayingOrders relaying;
    private final SyncStore store;
    private final InstantSource clock;

    public SyncPushResource(ReceivingPush receiving, RelayingOrders relaying, SyncStore store, InstantSource clock) {
        this.receiving = receiving;
        this.relaying = relaying;
        this.store = store;
        this.clock = clock;
    }

    /** Open to anonymous callers at the HTTP layer: the receiver authenticates the kiosk itself (HTTP Basic, kiosk credential). */
    @POST
    @PermitAll
    @Path("/push")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> push(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, UriInfo uri) {
        return receiving.receive(authorization, body).map(result -> {
            if (result instanceof ReceivingPush.Stored stored) {
                return Response.ok(stored.receipt(), MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (result instanceof ReceivingPush.Busy busy) {
                return problem(busy.problem(), uri).header("Retry-After", Integer.toString(busy.retryAfterSeconds())).build();
            }
            ReceivingPush.Refused refused = (ReceivingPush.Refused) result;
            Response.ResponseBuilder b = problem(refused.problem(), uri);
            return refused.challenge() ? b.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kiosk-sync\"").build() : b.build();
        });
    }

    /**
     * EP-6.7: a pharmacy kiosk asks for a prescription or requisition captured on another kiosk (by the id on its voucher),
     * signed in with its credential: the record as captured, its latest correction, or VOIDED; 404 when the server holds
     * none (not synced yet).
     */
    @GET
    @PermitAll
    @Path("/orders/{recordId}")
    public Uni<Response> order(@PathParam("recordId") UUID recordId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               UriInfo uri) {
        return relaying.find(authorization, recordId).map(a -> {
            if (a instanceof RelayingOrders.Found f) {
                return Response.ok(f.order(), MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (a instanceof RelayingOrders.NotFound) {
                return problem(Problem.of(404, "record-not-synced", "Not found",
                        "The server holds no prescription or requisition with this id (not synced yet?)."), uri).build();
            }
            return problem(Problem.of(401, "kiosk-credential-required", "Not signed in", "Ask with the kiosk's credential."), uri)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kiosk-sync\"").build();
        });
    }

    /** One kiosk's sync state as the board shows it. */
    public record KioskView(String kioskId, long cursor, long highestHeld, long backlogPending, Instant oldestUnsentAt,
                            long oldestUnsentAgeSeconds, long kioskLastSeq, Instant lastPushAt, long pushes,
                            long entriesStored, long duplicatesSeen, long incidents) {
        static KioskView of(KioskSyncState s, Instant now) {
            return new KioskView(s.kioskId(), s.cursor(), s.highestHeld(), s.backlogPending(), s.oldestUnsentAt(),
                    s.oldestUnsentAge(now).toSeconds(), s.kioskLastSeq(), s.lastPushAt(), s.pushes(), s.entriesStored(),
                    s.duplicatesSeen(), s.incidents());
        }
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Path("/kiosks")
    public Uni<List<KioskView>> kiosks() {
        Instant now = clock.instant();
        return store.kiosks().map(list -> list.stream().map(s -> KioskView.of(s, now)).toList());
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Path("/kiosks/{kioskId}")
    public Uni<KioskView> kiosk(@PathParam("kioskId") String kioskId) {
        Instant now = clock.instant();
        return store.kiosk(kioskId).onItem().ifNull().failWith(() -> DomainRejection.notFound("Kiosk " + kioskId))
                .map(s -> KioskView.of(s, now));
    }

    public record IncidentView(UUID id, String kioskId, long kioskSeq, UUID entryId, String reason, UUID heldEntryId,
                               String heldHash, String offeredHash, Instant detectedAt) {
        static IncidentView of(IntegrityIncident i) {
            return new IncidentView(i.id(), i.kioskId(), i.kioskSeq(), i.entryId(), i.reason(), i.heldEntryId(), i.heldHash(),
                    i.offeredHash(), i.detectedAt());
        }
    }

    /** Integrity incidents are for IT and the leadership group (EP-7.4, HR-9). */
    @GET
    @RolesAllowed({Roles.IT, Roles.LEADERSHIP})
    @Path("/incidents")
    public Uni<List<IncidentView>> incidents(@QueryParam("limit") @DefaultValue("100") int limit) {
        return store.incidents(Math.max(1, Math.min(limit, 1000))).map(l -> l.stream().map(IncidentView::of).toList());
    }

    private static Response.ResponseBuilder problem(Problem p, UriInfo uri) {
        String path = uri == null ? null : (uri.getPath().startsWith("/") ? uri.getPath() : "/" + uri.getPath());
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p.at(path, null));
    }
}
