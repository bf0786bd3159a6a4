package org.hospital.continuity.server.syncreceiver.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What the server knows of one kiosk's sync: how far it holds the kiosk's journal and what the
 * kiosk last said it still had unsent. The board shows these draining after an outage.
 */
public record KioskSyncState(
        String kioskId,
        long cursor,
        long highestHeld,
        long backlogPending,
        Instant oldestUnsentAt,
        long kioskLastSeq,
        Instant lastPushAt,
        long pushes,
        long entriesStored,
        long duplicatesSeen,
        long incidents,
        long unreadableOnKiosk) {

    /** Entries the kiosk confirmed to the server: received and stored, or reported unreadable on the kiosk (quarantined there). */
    public long confirmed() {
        return entriesStored + unreadableOnKiosk;
    }

    /** Age of the oldest entry the kiosk has not yet delivered, as of {@code now}; zero when none. */
    public Duration oldestUnsentAge(Instant now) {
        return oldestUnsentAt == null || backlogPending == 0 ? Duration.ZERO : Duration.between(oldestUnsentAt, now);
    }
}
