package org.hospital.continuity.server.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.notification.domain.DeliveryRecord;
import org.hospital.continuity.server.notification.domain.Notification;
import org.hospital.continuity.server.notification.Text;

/** What the notification API returns. Acknowledgement tokens never leave the server except in the messages. */
public final class NotificationViews {

    private NotificationViews() {
    }

    public record DeliveryView(UUID id, int tier, int round, String channel, String address, String recipient, String language,
                               String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                               Instant sentAt, Instant acknowledgedAt, String subject, String body) {
        static DeliveryView of(DeliveryRecord r) {
            var d = r.delivery();
            return new DeliveryView(d.id(), r.tier(), r.round(), d.channel().name(), d.address(), r.recipientName(),
                    r.language().tag(), d.status().name(), d.attempts(), d.nextAttemptAt(), d.lastError(), r.createdAt(),
                    d.sentAt(), d.acknowledgedAt(), r.subject(), r.body());
        }
    }

    public record NotificationView(UUID id, UUID incidentId, String kind, String audience, boolean requiresAck,
                                   Map<String, Text> params, Instant createdAt, int tier, int round, Instant nextEscalationAt,
                                   Instant acknowledgedAt, String acknowledgedBy, Instant closedAt, List<DeliveryView> deliveries) {
        static NotificationView of(Notification n, List<DeliveryRecord> deliveries) {
            return new NotificationView(n.id(), n.incidentId(), n.kind().name(), n.audience(), n.kind().requiresAcknowledgement(),
                    n.params(), n.createdAt(), n.progress().tier(), n.progress().round(), n.nextEscalationAt(), n.acknowledgedAt(),
                    n.acknowledgedBy(), n.closedAt(), deliveries.stream().map(DeliveryView::of).toList());
        }
    }
}
