package org.hospital.continuity.server.incident.app;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import org.hospital.continuity.server.incident.TimelineEvent;

/**
 * Carries a {@link TimelineEvent} over the event bus inside this JVM as the object itself (it is immutable).
 * Each instance relays from the table, so nothing needs to cross the wire between instances.
 */
final class TimelineEventCodec implements MessageCodec<TimelineEvent, TimelineEvent> {

    static final String NAME = "timeline-event-local";

    static void register(EventBus bus) {
        try {
            bus.registerCodec(new TimelineEventCodec());
        } catch (IllegalStateException alreadyRegistered) {
            // a second start in the same Vert.x (tests restarting the application): the codec is there
        }
    }

    @Override
    public void encodeToWire(Buffer buffer, TimelineEvent event) {
        throw new UnsupportedOperationException("timeline events are published locally by each instance's relay");
    }

    @Override
    public TimelineEvent decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException("timeline events are published locally by each instance's relay");
    }

    @Override
    public TimelineEvent transform(TimelineEvent event) {
        return event;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
