package org.hospital.continuity.kiosk.journal;

import java.time.Instant;

/**
 * What the kiosk has not yet handed to the server: the number of journal entries above the server's
 * cursor (the sent-through watermark) and the recorded-at of the oldest of them ({@code null} when
 * nothing is pending). Shown on the banner.
 */
public record Backlog(long unsent, Instant oldestUnsentAt) {
}
