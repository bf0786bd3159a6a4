package org.hospital.continuity.server.notification.domain;

/**
 * A delivery about to be queued, with whom it is for and the message in their language.
 *
 * @param personId        null for group channels
 * @param groupPostDigest for a group robot (WeCom, DingTalk): a digest of the robot and of what the post says without its
 *                        acknowledgement link, so that one notice fanned out to several parties is posted to a robot
 *                        that serves them all only once; null for every other channel
 */
public record PlannedDelivery(Delivery delivery, int tier, int round, String personId, String recipientName,
                              RenderedMessage message, String ackToken, String groupPostDigest) {
}
