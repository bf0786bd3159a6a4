package org.hospital.continuity.server.notification.app;

import io.smallrye.mutiny.Uni;
import org.hospital.continuity.server.notification.domain.Channel;

/** Port: sends one message over one channel. A failure is a failed Uni whose message becomes the delivery's error. */
public interface ChannelSender {

    Channel channel();

    Uni<Void> send(Outgoing message);
}
