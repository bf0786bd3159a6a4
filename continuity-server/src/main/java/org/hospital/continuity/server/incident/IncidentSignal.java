package org.hospital.continuity.server.incident;

import java.time.Instant;
import java.util.UUID;

/** A signal as the incident received it (probe result, fault report, alarm, diagnosis, clearance), in both languages. */
public record IncidentSignal(String id, UUID incidentId, String kind, Instant at, String zh, String en) {
}
