package org.hospital.continuity.server.syncreceiver.api;

import org.hospital.continuity.server.syncreceiver.app.RelayingOrders;
import org.hospital.continuity.server.syncreceiver.app.RelayingRecords;
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
import org.hospital.continuity.server.syncreceiver.domain.CitedInstruction;
import org.hospital.continuity.server.syncreceiver.domain.IntegrityIncident;
import org.hospital.continuity.sync.protocol.UnreadableEntry;
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
    private final RelayingRecords relay;
    private final SyncStore store;
    private final InstantSource clock;

    public SyncPushResource(ReceivingPush receiving, RelayingOrders relaying, RelayingRecords relay, SyncStore store, InstantSource clock) {
        this.relay = relay;
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

    /**
     * HIS down, LAN up (EP-6.4–6.7): the records other stations pushed that this kiosk's department works on, after the
     * cursor it holds; answered as soon as there is something, else empty after {@code waitMillis} (at most 25 s).
     */
    @GET
    @PermitAll
    @Path("/relay")
    public Uni<Response> relay(@QueryParam("after") String after, @QueryParam("waitMillis") @DefaultValue("0") long waitMillis,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, UriInfo uri) {
        return relay.feed(authorization, after, waitMillis).map(a -> {
            if (a instanceof RelayingRecords.Fed f) {
                return Response.ok(f.feed(), MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (a instanceof RelayingRecords.NoDepartment) {
                return problem(Problem.of(403, "kiosk-without-department", "Not enrolled with a department",
                        "The relay serves enrolled kiosks of a department; this kiosk has none."), uri).build();
            }
            return problem(Problem.of(401, "kiosk-credential-required", "Not signed in", "Ask with the kiosk's credential."), uri)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kiosk-sync\"").build();
        });
    }

    /** One kiosk's sync state as the board shows it. */
    public record KioskView(String kioskId, long cursor, long highestHeld, long backlogPending, Instant oldestUnsentAt,
                            long oldestUnsentAgeSeconds, long kioskLastSeq, Instant lastPushAt, long pushes,
                            long entriesStored, long duplicatesSeen, long incidents, long unreadableOnKiosk, long confirmed) {
        static KioskView of(KioskSyncState s, Instant now) {
            return new KioskView(s.kioskId(), s.cursor(), s.highestHeld(), s.backlogPending(), s.oldestUnsentAt(),
                    s.oldestUnsentAge(now).toSeconds(), s.kioskLastSeq(), s.lastPushAt(), s.pushes(), s.entriesStored(),
                    s.duplicatesSeen(), s.incidents(), s.unreadableOnKiosk(), s.confirmed());
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

    /** An integrity incident; {@code reasonText} is what a person reads (Chinese, as every screen). */
    public record IncidentView(UUID id, String kioskId, long kioskSeq, UUID entryId, String reason, UUID heldEntryId,
                               String heldHash, String offeredHash, Instant detectedAt, String reasonText) {
        static IncidentView of(IntegrityIncident i) {
            return new IncidentView(i.id(), i.kioskId(), i.kioskSeq(), i.entryId(), i.reason(), i.heldEntryId(), i.heldHash(),
                    i.offeredHash(), i.detectedAt(), incidentText(i.reason()));
        }
    }

    /** The reason of an integrity incident in words. */
    public static String incidentText(String reason) {
        return switch (reason) {
            case "content-conflict" -> "同一条记录再次上传时内容不同（未覆盖，已保留原记录）";
            case "sequence-conflict" -> "自助机同一序号上传了另一条记录（未覆盖，已保留原记录）";
            case CitedInstruction.UNKNOWN_INSTRUCTION -> "停机记录引用的指令不是本系统发出的（指令编号或编码无法核实）";
            default -> "数据完整性问题";
        };
    }

    /** Integrity incidents are for IT and the leadership group (EP-7.4, HR-9). */
    @GET
    @RolesAllowed({Roles.IT, Roles.LEADERSHIP})
    @Path("/incidents")
    public Uni<List<IncidentView>> incidents(@QueryParam("limit") @DefaultValue("100") int limit) {
        return store.incidents(Math.max(1, Math.min(limit, 1000))).map(l -> l.stream().map(IncidentView::of).toList());
    }

    /** An entry a kiosk could not read and reported in its place; {@code reasonText} is what a person reads. */
    public record UnreadableView(String kioskId, long kioskSeq, UUID entryId, String eventType, String reason, String reasonText,
                                 Instant reportedAt) {
        static UnreadableView of(SyncStore.Unreadable u) {
            return new UnreadableView(u.kioskId(), u.kioskSeq(), u.entryId(), u.eventType(), u.reason(), SyncPushResource.reasonText(u.reason()),
                    u.reportedAt());
        }
    }

    /** The reason of an unreadable entry in the words of the workbench (Chinese, as every screen). */
    public static String reasonText(String reason) {
        return switch (reason) {
            case UnreadableEntry.CANNOT_DECRYPT -> "自助机上无法解密（存储内容已损坏）";
            case UnreadableEntry.HASH_MISMATCH -> "自助机上内容与登记时的校验值不符（已被改动或损坏）";
            case UnreadableEntry.MALFORMED_ROW -> "自助机上记录行无法读取";
            default -> "自助机上无法读取";
        };
    }

    /**
     * Entries kiosks hold but could not read (quarantined there), each with the kiosk, its sequence and the reason: for IT and
     * the leadership group, as integrity incidents (EP-7.4, HR-9). The paper copy of such a record is the one to re-enter.
     */
    @GET
    @RolesAllowed({Roles.IT, Roles.LEADERSHIP})
    @Path("/unreadable")
    public Uni<List<UnreadableView>> unreadable(@QueryParam("limit") @DefaultValue("100") int limit) {
        return store.unreadable(Math.max(1, Math.min(limit, 1000))).map(l -> l.stream().map(UnreadableView::of).toList());
    }

    private static Response.ResponseBuilder problem(Problem p, UriInfo uri) {
        String path = uri == null ? null : (uri.getPath().startsWith("/") ? uri.getPath() : "/" + uri.getPath());
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p.at(path, null));
    }
}
