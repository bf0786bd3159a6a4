package org.hospital.continuity.server.readiness;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Map;

/**
 * What each kiosk last said about itself in its readiness report (its heartbeat, sent whether or not it has records to push):
 * how many records it still holds unsent and since when. The board shows it next to what the server has stored, so a kiosk
 * that cannot push is not shown as "all sent".
 */
public interface KioskReports {

    /** A kiosk's last report: when the server got it, its unsent records (null when the kiosk did not say) and the oldest one's time. */
    record Heartbeat(String kioskId, Instant reportedAt, Long backlogPending, Instant oldestUnsentAt) {
    }

    /** The last report of every kiosk that reported, by kiosk id. */
    Uni<Map<String, Heartbeat>> lastHeartbeats();
}
