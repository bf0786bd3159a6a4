package org.hospital.continuity.server.notification.app;

import org.hospital.continuity.server.notification.NotificationEvents;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import org.hospital.continuity.server.notification.domain.Delivery;
import org.hospital.continuity.server.notification.domain.DeliveryRecord;
import org.hospital.continuity.server.notification.domain.Notification;
import org.hospital.continuity.server.notification.persistence.NotificationStore;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * Somebody confirms a notification reached them: through the link in their message (the delivery is
 * marked acknowledged) or on the board when signed in. The first acknowledgement stops the escalation.
 */
@ApplicationScoped
public class AcknowledgingNotification {

    /** What the acknowledgement page shows. */
    public record Acknowledged(UUID notificationId, String kind, String audience, String subject, String recipientName,
                               Instant acknowledgedAt, String acknowledgedBy, boolean firstAcknowledgement) {
    }

    private final NotificationStore store;
    private final InstantSource clock;
    private final EventBus bus;

    public AcknowledgingNotification(NotificationStore store, InstantSource clock, EventBus bus) {
        this.store = store;
        this.clock = clock;
        this.bus = bus;
    }

    public Uni<Acknowledged> byToken(String token) {
        Instant now = clock.instant();
        return store.pool().withTransaction(conn -> store.lockDeliveryByToken(conn, token).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(DomainRejection.notFound("Acknowledgement link"));
            }
            DeliveryRecord rec = found.get();
            Delivery after = ((Delivery.Transition.Moved) rec.delivery().acknowledge(now)).delivery();
            String by = acknowledger(rec.recipientName(), rec.delivery().channel());
            return store.markDeliveryAcknowledged(conn, after, now)
                    .chain(() -> store.acknowledgeNotification(conn, rec.delivery().notificationId(), now, by, rec.delivery().id()))
                    .chain(first -> store.notificationOf(conn, rec.delivery().notificationId())
                            .map(n -> result(n.orElseThrow(), rec.subject(), rec.recipientName(), first)));
        })).invoke(this::announce);
    }

    /** On the board, by a signed-in person. */
    public Uni<Acknowledged> byPerson(UUID notificationId, String who) {
        Instant now = clock.instant();
        return store.pool().withTransaction(conn -> store.notificationOf(conn, notificationId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(DomainRejection.notFound("Notification " + notificationId));
            }
            return store.acknowledgeNotification(conn, notificationId, now, who, null)
                    .chain(first -> store.notificationOf(conn, notificationId)
                            .map(n -> result(n.orElseThrow(), null, who, first)));
        })).invoke(this::announce);
    }

    /**
     * Who acknowledged, in words as the board and the acknowledgement page show it: a group's name (a party code
     * such as {@code OUTPATIENT_REGISTRATION} becomes 门诊挂号) and the channel it came through (企业微信).
     */
    static String acknowledger(String recipientName, org.hospital.continuity.server.notification.domain.Channel channel) {
        String who = recipientName == null ? "" : org.hospital.continuity.playbooks.party.Party.fromCode(recipientName)
                .map(org.hospital.continuity.playbooks.party.Party::zh).orElse(recipientName);
        String via = switch (channel) {
            case EMAIL -> "邮件";
            case WECOM -> "企业微信";
            case DINGTALK -> "钉钉";
            case SMS -> "短信";
            case IN_APP -> "看板";
        };
        return who + "（" + via + "）";
    }

    private static Acknowledged result(Notification n, String subject, String recipient, boolean first) {
        return new Acknowledged(n.id(), n.kind().name(), n.audience(), subject, recipient, n.acknowledgedAt(), n.acknowledgedBy(), first);
    }

    private void announce(Acknowledged a) {
        if (a.firstAcknowledgement()) {
            Log.infof("notification=%s acknowledged", a.notificationId());
        }
        bus.publish(NotificationEvents.CHANGED, new JsonObject().put("notificationId", a.notificationId().toString())
                .put("change", "ACKNOWLEDGED"));
    }
}
