package org.hospital.continuity.server.incident.api;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.hospital.continuity.server.incident.TimelineEvent;

/**
 * The one mapping from a typed timeline event to the JSON the browser reads (SSE stream, incident detail):
 * {@code {seq, incidentId, kind, at, clause, zh, en, data}}, where {@code kind} is the event's type tag and
 * {@code data} its fields as stored.
 */
public final class IncidentEventJson {

    private IncidentEventJson() {
    }

    public static JsonObject of(TimelineEvent e) {
        return new JsonObject().put("seq", e.seq()).put("incidentId", e.incidentId() == null ? null : e.incidentId().toString())
                .put("kind", kind(e)).put("at", e.event().at().toString()).put("clause", e.event().clause())
                .put("zh", e.event().summary().zh()).put("en", e.event().summary().en()).put("data", new JsonObject(data(e)));
    }

    public static String kind(TimelineEvent e) {
        return e.kind();
    }

    public static Map<String, Object> data(TimelineEvent e) {
        return e.data();
    }
}
