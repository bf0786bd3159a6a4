package org.hospital.continuity.sync.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * Sorts the entries of a stored batch into newly stored, duplicates and conflicts, given which ones
 * the database inserted and what it already held for the others. Pure: the receiver inserts with
 * "on conflict do nothing", then asks this what the rows it did not insert mean.
 *
 * <ul>
 *   <li>same entry id, same hash → duplicate, a no-op (a re-send after a lost answer);</li>
 *   <li>same entry id, different hash → {@link Rejection#CONTENT_CONFLICT}: never overwritten (HR-9);</li>
 *   <li>a different entry already at this kiosk sequence → {@link Rejection#SEQUENCE_CONFLICT}.</li>
 * </ul>
 */
public final class IngestClassifier {

    private IngestClassifier() {
    }

    /** A row the server already holds. */
    public record Held(UUID entryId, String kioskId, long kioskSeq, String contentHash) {
    }

    public record Outcome(int accepted, int duplicates, List<Rejection> rejections) {
        public Outcome {
            rejections = List.copyOf(rejections);
        }
    }

    public static Outcome classify(List<JournalEntry> batch, Set<UUID> inserted, List<Held> held) {
        return classifyChecked(batch.stream().map(WireEntry::of).toList(), inserted, held);
    }

    /** {@link #classify} of the entries of a {@link BatchCheck.Valid} batch (every field present). */
    public static Outcome classifyChecked(List<WireEntry> batch, Set<UUID> inserted, List<Held> held) {
        Map<UUID, Held> byId = new HashMap<>();
        Map<String, Held> bySeq = new HashMap<>();
        for (Held h : held) {
            byId.put(h.entryId(), h);
            bySeq.put(h.kioskId() + "#" + h.kioskSeq(), h);
        }
        int accepted = 0;
        int duplicates = 0;
        List<Rejection> rejections = new ArrayList<>();
        for (WireEntry e : batch) {
            if (inserted.contains(e.entryId())) {
                accepted++;
                continue;
            }
            Held same = byId.get(e.entryId());
            if (same != null) {
                if (same.contentHash().equals(e.contentHash())) {
                    duplicates++;
                } else {
                    rejections.add(new Rejection(e.entryId(), e.kioskSeq(), Rejection.CONTENT_CONFLICT,
                            "The server already holds entry " + e.entryId() + " with different content; it keeps the first "
                                    + "version and recorded an integrity incident (HR-9)."));
                }
                continue;
            }
            Held atSeq = bySeq.get(e.kioskId() + "#" + e.kioskSeq());
            if (atSeq != null) {
                rejections.add(new Rejection(e.entryId(), e.kioskSeq(), Rejection.SEQUENCE_CONFLICT,
                        "The server already holds a different entry (" + atSeq.entryId() + ") at sequence " + e.kioskSeq()
                                + " of this kiosk; recorded as an integrity incident."));
                continue;
            }
            // Not inserted and nothing found: only possible if a concurrent writer vanished; treat as not stored
            // so the kiosk re-sends it (the cursor does not pass it).
            rejections.add(new Rejection(e.entryId(), e.kioskSeq(), "not-stored", "Not stored this time; it will be re-sent."));
        }
        return new Outcome(accepted, duplicates, rejections);
    }
}
