package org.hospital.continuity.server.notification;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the board and the fault report show of the notices: who was told what, who confirmed, who is awaited. */
public interface NotificationDigest {

    /** One notice as the board shows it. */
    record Notice(UUID id, NoticeKind kind, String audience, Instant createdAt, int tier, int round, Instant nextEscalationAt,
                  Instant acknowledgedAt, String acknowledgedBy, boolean acknowledged, boolean awaitingAcknowledgement, int sent) {
    }

    /** The newest notices of an incident (all when {@code incident} is null). */
    Uni<List<Notice>> notices(UUID incident, int limit);

    /** Deliveries by status name ({@code SENT}, {@code FAILED} …). */
    Uni<Map<String, Long>> deliveryCounts();
}
