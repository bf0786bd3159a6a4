package org.hospital.continuity.server.syncreceiver;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * The kiosks' journal entries the receiver stored, by when they were captured (kiosk time): what write-back reads
 * to enter an incident's downtime records into the HIS (EP-8.4).
 */
public interface SyncedJournal {

    /** A capture window, both ends included. */
    record Window(Instant from, Instant to) {
    }

    /** For each window, in the same order, whether an entry captured within it was stored (one query for all). */
    Uni<List<Boolean>> anyCapturedWithin(List<Window> windows);

    /** The entries captured within the window, in hybrid-logical-clock order (then kiosk and kiosk sequence). */
    Uni<List<JournalEntry>> capturedWithin(Window window);

    /**
     * An entry a kiosk confirmed but could not read any more (quarantined there, reported in its place): the kiosk, its
     * sequence, the kind of record when still known, and the reason ({@code cannot-decrypt}, {@code hash-mismatch},
     * {@code malformed-row}). Its capture time is not known; the paper copy is the one to enter.
     */
    record UnreadableOnKiosk(String kioskId, long kioskSeq, String eventType, String reason) {
    }

    /** The entries these kiosks reported unreadable, by kiosk and sequence. */
    Uni<List<UnreadableOnKiosk>> unreadableOnKiosks(java.util.Collection<String> kioskIds);
}
