package org.hospital.continuity.server.directory.domain;

import java.time.Instant;
import java.util.UUID;

/** HR-16: a shift's handover: the work done and the open problems and how they were handled. */
public record Handover(UUID id, UUID shiftId, UUID recordedBy, String recordedByName, String workDone, String openProblems, Instant recordedAt) {
}
