package org.hospital.continuity.server.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident: when it opened and closed, its grade now (EP-4 class and EP-5 scope, as stored names), the
 * highest class it reached, and its whole-network outage if it had one.
 */
public record Incident(UUID id, Instant openedAt, Instant closedAt, String faultClass, String scope, String highestClass,
                       Instant outageStart, Instant outageEndedAt) {
}
