package org.hospital.continuity.server.incident;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hospital.continuity.server.incident.domain.IncidentEventFormat;

/**
 * An {@link IncidentEvent} as stored on the incident timeline and published after its transaction committed:
 * {@code seq} orders all events of all incidents (readers resume after the last one they saw).
 * {@code incidentId} is null for an event that belongs to no incident (a signal while all is well).
 */
public record TimelineEvent(long seq, UUID incidentId, IncidentEvent event) {

    /** The event-bus address where every committed timeline event is published, in order, as this type. */
    public static final String ADDRESS = "continuity.incident-events";

    public TimelineEvent {
        Objects.requireNonNull(event, "event");
    }

    /** The event's type tag as stored and shown to browsers ({@code CLASS_CHANGED} …); never for deciding. */
    public String kind() {
        return IncidentEventFormat.tag(event);
    }

    /** The event's fields as plain values, for JSON. */
    public Map<String, Object> data() {
        return IncidentEventFormat.data(event);
    }
}
