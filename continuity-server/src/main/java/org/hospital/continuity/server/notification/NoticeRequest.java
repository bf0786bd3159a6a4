package org.hospital.continuity.server.notification;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.Text;

/**
 * A notification to raise.
 *
 * @param dedupeKey  the same key never raises a second notification (an event delivered twice)
 * @param subjectRef what it is about when that can be acknowledged elsewhere too ({@code instruction:<uuid>}), or null
 */
public record NoticeRequest(UUID incidentId, NoticeKind kind, String audience, Map<String, Text> params, String dedupeKey,
                            String subjectRef) {

    public NoticeRequest(UUID incidentId, NoticeKind kind, String audience, Map<String, Text> params, String dedupeKey) {
        this(incidentId, kind, audience, params, dedupeKey, null);
    }

    public NoticeRequest {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(audience);
        params = Map.copyOf(params);
    }
}
