package org.hospital.continuity.server.notification.integration;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.server.notification.app.ChannelSender;
import org.hospital.continuity.server.notification.NotificationEvents;
import org.hospital.continuity.server.notification.app.Outgoing;
import org.hospital.continuity.server.notification.domain.Channel;

/**
 * In-app: the message is published for the board and the kiosk banners of its party; the stored delivery
 * is what they read when they (re)connect (GET /api/notifications/in-app).
 */
@ApplicationScoped
public class InAppChannel implements ChannelSender {

    private final EventBus bus;

    public InAppChannel(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        bus.publish(NotificationEvents.IN_APP, new JsonObject()
                .put("notificationId", m.notificationId().toString()).put("deliveryId", m.deliveryId().toString())
                .put("audience", m.address()).put("kind", m.kind()).put("subject", m.subject()).put("body", m.body()));
        return Uni.createFrom().voidItem();
    }
}
