package org.hospital.continuity.server.syncreceiver.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry a kiosk offered that contradicts what the server holds (HR-9: the first version is
 * kept, never overwritten); IT investigates it.
 */
public record IntegrityIncident(UUID id, String kioskId, long kioskSeq, UUID entryId, String reason, UUID heldEntryId,
                                String heldHash, String offeredHash, Instant detectedAt) {
}
