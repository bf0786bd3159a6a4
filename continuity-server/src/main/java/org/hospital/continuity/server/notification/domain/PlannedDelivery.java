package org.hospital.continuity.server.notification.domain;

/**
 * A delivery about to be queued, with whom it is for and the message in their language.
 *
 * @param personId null for group channels
 */
public record PlannedDelivery(Delivery delivery, int tier, int round, String personId, String recipientName,
                              RenderedMessage message, String ackToken) {
}
