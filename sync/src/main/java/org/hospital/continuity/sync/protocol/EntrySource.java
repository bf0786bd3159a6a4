package org.hospital.continuity.sync.protocol;

import java.util.List;
import org.hospital.continuity.sync.envelope.JournalEntry;

/** The sender's view of the kiosk journal (the kiosk adapts its SQLite journal to this). */
public interface EntrySource {

    /** The kiosk's id, as in its credential and its entries. */
    String kioskId();

    /** Entries with kioskSeq greater than {@code afterSeq}, ascending, at most {@code limit}. */
    List<JournalEntry> readAfter(long afterSeq, int limit);

    /**
     * The next stretch of the journal after {@code afterSeq}, at most {@code limit} positions: the entries that read
     * back, and those the kiosk holds but cannot read (quarantined), reported in their place. The default has none.
     */
    default Read readBatch(long afterSeq, int limit) {
        return new Read(readAfter(afterSeq, limit), List.of());
    }

    /** What {@link #readBatch} found: readable entries and unreadable ones, together in sequence order of the journal. */
    record Read(List<JournalEntry> entries, List<UnreadableEntry> unreadable) {
        public boolean isEmpty() {
            return entries.isEmpty() && unreadable.isEmpty();
        }
    }

    /** Unsent count, oldest unsent capture time and newest sequence, as of now. */
    Backlog backlog();

    /**
     * The server confirmed holding 1..{@code cursor}: mark them sent. May fail (disk full): the
     * sender then keeps going, since the server's cursor, not this mark, decides what to re-send.
     */
    void confirmed(long cursor);
}
