package org.hospital.continuity.server.notification.domain;

import org.hospital.continuity.server.platform.text.Language;
import java.time.Instant;

/** A stored delivery: its state, its recipient and the message that went (or goes) out. */
public record DeliveryRecord(Delivery delivery, int tier, int round, String personId, String recipientName,
                             Language language, String subject, String body, Instant createdAt) {
}
