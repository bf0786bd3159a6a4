package org.hospital.continuity.server.notification;

/** Vert.x event-bus addresses the notifications publish on (JsonObject payloads; the board streams them). */
public final class NotificationEvents {

    /** A notification was raised, escalated or acknowledged: {notificationId, incidentId, kind, audience, change}. */
    public static final String CHANGED = "notification.changed";

    /** An in-app message for a party's banner: {notificationId, deliveryId, audience, kind, subject, body}. */
    public static final String IN_APP = "notification.in-app";

    private NotificationEvents() {
    }
}
