package org.hospital.continuity.server.notification.app;

import java.util.UUID;
import org.hospital.continuity.server.notification.domain.Channel;

/** One message as a channel sends it. The body already carries the acknowledgement link. */
public record Outgoing(UUID deliveryId, UUID notificationId, Channel channel, String address, String recipientName,
                       String language, String subject, String body, String audience, String kind) {
}
