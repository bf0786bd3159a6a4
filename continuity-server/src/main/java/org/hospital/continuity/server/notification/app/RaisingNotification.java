package org.hospital.continuity.server.notification.app;

import org.hospital.continuity.server.notification.Notices;
import org.hospital.continuity.server.notification.NotificationEvents;
import org.hospital.continuity.server.notification.NotificationSettings;
import org.hospital.continuity.server.notification.NoticeRequest;
import org.hospital.continuity.server.notification.Text;
import org.hospital.continuity.server.incident.Incidents;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.notification.domain.DeliveryPlan;
import org.hospital.continuity.server.notification.domain.EscalationChain;
import org.hospital.continuity.server.notification.domain.EscalationPolicy;
import org.hospital.continuity.server.notification.domain.Notification;
import org.hospital.continuity.server.notification.domain.NoticeTexts;
import org.hospital.continuity.server.notification.PatientDataGuard;
import org.hospital.continuity.server.notification.domain.PlannedDelivery;
import org.hospital.continuity.server.notification.persistence.NotificationStore;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * Raises a notification: resolves the party's chain, renders the message for every recipient in their
 * language, and queues the first round of deliveries in the same transaction as the notification (the
 * outbox); the dispatcher sends them. Nothing is sent from here, so a slow channel never slows the caller.
 */
@ApplicationScoped
public class RaisingNotification implements Notices {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final NotificationStore store;
    private final ResolvingRecipients recipients;
    private final NotificationSettings settings;
    private final InstantSource clock;
    private final EventBus bus;
    private final Incidents incidents;

    public RaisingNotification(NotificationStore store, ResolvingRecipients recipients, NotificationSettings settings,
                               InstantSource clock, EventBus bus, Incidents incidents) {
        this.incidents = incidents;
        this.store = store;
        this.recipients = recipients;
        this.settings = settings;
        this.clock = clock;
        this.bus = bus;
    }

    /** @return the notification's id (the existing one when the dedupe key was used before) */
    @Override
    public Uni<UUID> raise(NoticeRequest request) {
        List<String> violations = request.params().values().stream()
                .flatMap(t -> java.util.stream.Stream.of(t.zh(), t.en()))
                .flatMap(s -> PatientDataGuard.violations(s).stream()).distinct().toList();
        if (!violations.isEmpty()) {
            // HR-12: never queue a message that may carry patient data
            return Uni.createFrom().failure(new DomainRejection(422, "patient-data-in-notification", "HR-12",
                    "A notification may not carry patient data: " + String.join("; ", violations)));
        }
        return drillMarked(request).chain(marked -> raiseMarked(marked));
    }

    /** A notice about a drill incident carries the drill marker in its params (kept for every round). */
    private Uni<NoticeRequest> drillMarked(NoticeRequest request) {
        if (request.incidentId() == null || request.params().containsKey(NoticeTexts.DRILL_PARAM)) {
            return Uni.createFrom().item(request);
        }
        return incidents.drillOf(request.incidentId()).map(drill -> {
                    if (drill.isEmpty()) {
                        return request;
                    }
                    java.util.Map<String, org.hospital.continuity.server.notification.Text> params = new java.util.HashMap<>(request.params());
                    params.put(NoticeTexts.DRILL_PARAM, new org.hospital.continuity.server.notification.Text("演练", "DRILL"));
                    return new NoticeRequest(request.incidentId(), request.kind(), request.audience(), params, request.dedupeKey(),
                            request.subjectRef());
                });
    }

    private Uni<UUID> raiseMarked(NoticeRequest request) {
        return recipients.chainFor(request.audience()).chain(chain -> store.pool().withTransaction(conn -> {
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            EscalationPolicy policy = settings.escalation().policy();
            EscalationPolicy.Progress progress = new EscalationPolicy.Progress(0, 1, now);
            Notification n = new Notification(id, request.incidentId(), request.kind(), request.audience(), request.subjectRef(), request.params(), now,
                    progress, request.kind().requiresAcknowledgement() ? policy.nextDue(progress) : null, null, null, null);
            List<PlannedDelivery> planned = plan(n, chain, 0, 1, now);
            return store.insertNotification(conn, n, request.dedupeKey()).chain(inserted -> {
                if (!inserted) {
                    return store.notificationIdByDedupeKey(conn, request.dedupeKey()).map(existing -> existing.orElse(id));
                }
                return store.insertFirstDeliveries(conn, planned).invoke(queued -> {
                    Log.infof("notification raised id=%s kind=%s audience=%s deliveries=%d", id, n.kind(), n.audience(), queued.size());
                    if (chain.tierCount() == 0) {
                        Log.warnf("notification id=%s: the directory knows nobody for %s; only group channels get it", id, n.audience());
                    }
                }).replaceWith(id);
            });
        })).invoke(id -> bus.publish(NotificationEvents.CHANGED, new JsonObject().put("notificationId", id.toString())
                .put("incidentId", request.incidentId() == null ? null : request.incidentId().toString())
                .put("kind", request.kind().name()).put("audience", request.audience()).put("change", "RAISED")));
    }

    List<PlannedDelivery> plan(Notification n, EscalationChain chain, int tier, int round, Instant now) {
        return DeliveryPlan.plan(n.id(), n.kind(), n.params(), chain, tier, round, now, UUID::randomUUID,
                RaisingNotification::newToken, token -> ackLink(settings, token));
    }

    static String ackLink(NotificationSettings settings, String token) {
        String base = settings.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/ack/" + token;
    }

    /** 144 random bits, URL-safe: an acknowledgement link cannot be guessed. */
    static String newToken() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
