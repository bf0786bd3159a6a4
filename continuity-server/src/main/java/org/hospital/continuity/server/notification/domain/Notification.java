package org.hospital.continuity.server.notification.domain;

import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.Text;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One notice to one party (its audience), with its escalation progress and acknowledgement.
 *
 * @param incidentId the incident it belongs to, or null (a channel test)
 * @param audience   a playbooks Party code
 * @param subjectRef what it is about when that is acknowledged elsewhere too (an instruction), or null
 * @param params     the message parameters (codes, names, times; never patient data)
 */
public record Notification(
        UUID id,
        UUID incidentId,
        NoticeKind kind,
        String audience,
        String subjectRef,
        Map<String, Text> params,
        Instant createdAt,
        EscalationPolicy.Progress progress,
        Instant nextEscalationAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant closedAt) {

    public Notification {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(audience);
        params = Map.copyOf(params);
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    /** Waiting for somebody to acknowledge: an acknowledgement kind, neither acknowledged nor closed. */
    public boolean isAwaitingAcknowledgement() {
        return kind.requiresAcknowledgement() && !isAcknowledged() && !isClosed();
    }
}
