package org.hospital.continuity.server.notification.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.notification.app.AcknowledgingNotification;
import org.hospital.continuity.server.notification.NoticeRequest;
import org.hospital.continuity.server.notification.app.RaisingNotification;
import org.hospital.continuity.server.notification.app.ReadingNotifications;
import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.Text;
import org.hospital.continuity.server.notification.persistence.DeliveryHistoryStore;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;

/** Notifications and their delivery records (queued, sent, failed with the error, acknowledged). */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final ReadingNotifications reading;
    private final RaisingNotification raising;
    private final AcknowledgingNotification acknowledging;
    private final java.time.InstantSource clock;
    private final SecurityIdentity identity;

    public NotificationResource(ReadingNotifications reading, RaisingNotification raising, AcknowledgingNotification acknowledging,
                                java.time.InstantSource clock, SecurityIdentity identity) {
        this.clock = clock;
        this.identity = identity;
        this.reading = reading;
        this.raising = raising;
        this.acknowledging = acknowledging;
    }

    @GET
    @RolesAllowed(Roles.READER)
    public Uni<List<NotificationViews.NotificationView>> newest(@QueryParam("incidentId") UUID incidentId,
                                                                @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return reading.newest(incidentId, limit)
                .map(list -> list.stream().map(w -> NotificationViews.NotificationView.of(w.notification(), w.deliveries())).toList());
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Path("/{id}")
    public Uni<NotificationViews.NotificationView> one(@PathParam("id") UUID id) {
        return reading.one(id).map(w -> NotificationViews.NotificationView.of(w.notification(), w.deliveries()));
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Path("/deliveries/{id}/history")
    public Uni<List<DeliveryHistoryStore.DeliveryEvent>> history(@PathParam("id") UUID id) {
        return reading.history(id);
    }

    /** The kiosk banner and the board: in-app messages for one party. */
    @GET
    @RolesAllowed(Roles.READER)
    @Path("/in-app")
    public Uni<List<NotificationViews.DeliveryView>> inApp(@QueryParam("audience") @NotBlank @Size(max = 60) String audience,
                                                          @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        return reading.inApp(audience, limit).map(list -> list.stream().map(NotificationViews.DeliveryView::of).toList());
    }

    public record TestRequest(@NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z_]+") String audience) {
    }

    public record Raised(UUID id) {
    }

    /** Sends a test message to a party over every channel it has (to check robots, gateway and mail). */
    @POST
    @RolesAllowed(Roles.IT)
    @Path("/test")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Raised> test(@Valid @NotNull TestRequest request) {
        return raising.raise(new NoticeRequest(null, NoticeKind.CHANNEL_TEST, request.audience(),
                Map.of("channel", Text.plain(request.audience())), null)).map(Raised::new);
    }

    public record LanguageRequest(@NotBlank @Pattern(regexp = "zh-CN|en") String language) {
    }

    /** A person chooses the language of their notifications (Chinese by default). */
    @jakarta.ws.rs.PUT
    @RolesAllowed(Roles.READER)
    @Path("/preferences/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Map<String, String>> chooseLanguage(@PathParam("personId") @Size(max = 100) String personId,
                                                   @Valid @NotNull LanguageRequest request) {
        Staff me = Staff.of(identity);
        if (me == null || !(personId.equals(String.valueOf(me.personId())) || me.has(Roles.ADMIN))) {
            // HR-1: a person chooses their own language; IT administrators may set anyone's
            return Uni.createFrom().failure(new DomainRejection(403, "not-your-preference", "HR-1",
                    "Only the person themselves or an IT administrator chooses their language."));
        }
        var language = org.hospital.continuity.server.platform.text.Language.fromTag(request.language());
        return reading.chooseLanguage(personId, language, clock.instant())
                .replaceWith(Map.of("personId", personId, "language", language.tag()));
    }


    public record AckView(UUID notificationId, Instant acknowledgedAt, String acknowledgedBy, boolean firstAcknowledgement) {
        static AckView of(AcknowledgingNotification.Acknowledged a) {
            return new AckView(a.notificationId(), a.acknowledgedAt(), a.acknowledgedBy(), a.firstAcknowledgement());
        }
    }

    /** Acknowledges on behalf of a signed-in person (the board). */
    @POST
    @RolesAllowed(Roles.READER)
    @Path("/{id}/acknowledge")
    public Uni<AckView> acknowledge(@PathParam("id") UUID id) {
        Staff me = Staff.of(identity);
        return acknowledging.byPerson(id, me == null ? identity.getPrincipal().getName() : me.personName() + " (board)").map(AckView::of);
    }

    /** Acknowledges through the token of a message's link (JSON; the page is /ack/{token}). */
    @POST
    @PermitAll
    @Path("/ack/{token}")
    public Uni<AckView> acknowledgeByToken(@PathParam("token") @Size(max = 64) String token) {
        return acknowledging.byToken(token).map(AckView::of);
    }
}
