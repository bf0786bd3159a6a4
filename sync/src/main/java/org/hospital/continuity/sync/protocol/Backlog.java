package org.hospital.continuity.sync.protocol;

import java.time.Instant;

/**
 * What a kiosk still holds unsent when it pushes, reported on every push so that the server (and
 * the board) see each kiosk's backlog draining.
 *
 * @param pending        entries not yet confirmed by the server
 * @param oldestUnsentAt capture time of the oldest of them, or null when nothing is pending
 * @param lastSeq        the kiosk's newest sequence number (0 when its journal is empty)
 */
public record Backlog(long pending, Instant oldestUnsentAt, long lastSeq) {

    public static final Backlog EMPTY = new Backlog(0, null, 0);

    public Backlog {
        if (pending < 0 || lastSeq < 0) {
            throw new IllegalArgumentException("backlog counts are never negative");
        }
    }
}
