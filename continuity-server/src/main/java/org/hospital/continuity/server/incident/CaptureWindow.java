package org.hospital.continuity.server.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * When the records of an incident were captured at the kiosks (kiosk time), both ends included: from its opening to its
 * closing (or now while it is open). A drill's incident runs on compressed engine time, so its window is the drill's
 * real span instead (EP-9.4), and records captured during a drill never count for a real incident.
 */
public record CaptureWindow(UUID incident, Instant from, Instant to) {
}
