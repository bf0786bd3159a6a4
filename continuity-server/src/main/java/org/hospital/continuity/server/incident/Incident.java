package org.hospital.continuity.server.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident: when it opened and closed, its grade now (EP-4 class and EP-5 scope, as stored names), the
 * highest class it reached, and its whole-network outage if it had one. Several may be open at once (EP-4: an
 * insurance-line fault beside a ward's terminal fault); {@code number} is the engine's ("incident 2", 0 when
 * unknown) and {@code areasDown} the places cut off now (EP-4.1 局部网络不通, building/floor/ward paths).
 */
public record Incident(UUID id, Instant openedAt, Instant closedAt, String faultClass, String scope, String highestClass,
                       Instant outageStart, Instant outageEndedAt, int number, java.util.List<String> areasDown) {

    public Incident {
        areasDown = areasDown == null ? java.util.List.of() : java.util.List.copyOf(areasDown);
    }
}
