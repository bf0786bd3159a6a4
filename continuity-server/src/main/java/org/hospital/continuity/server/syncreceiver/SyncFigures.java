package org.hospital.continuity.server.syncreceiver;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/** What the kiosks synced in a time window, for drill reports (EP-9.4) and the board. */
public interface SyncFigures {

    /** One kiosk's entries recorded in the window: how many, how many visits, and how late they arrived. */
    record KioskSync(String kioskId, long entries, long visits, Instant firstRecorded, Instant lastRecorded, Instant lastReceived,
                     double medianLagSeconds, double maxLagSeconds) {
    }

    Uni<List<KioskSync>> kiosksBetween(Instant from, Instant to);

    /** What each kiosk reported with its last push: its unsent backlog and when it last pushed. */
    record KioskState(String kioskId, long backlogPending, Instant oldestUnsentAt, Instant lastPushAt, long entriesStored, long pushes) {
    }

    /** Every kiosk that ever pushed. */
    Uni<List<KioskState>> kioskStates();

    /** Integrity incidents of the sync (a changed or forged entry) detected in the window. */
    Uni<Long> integrityIncidentsBetween(Instant from, Instant to);
}
