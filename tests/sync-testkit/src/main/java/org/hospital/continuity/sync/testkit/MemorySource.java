package org.hospital.continuity.sync.testkit;

import java.util.List;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.Backlog;
import org.hospital.continuity.sync.protocol.EntrySource;

/** A kiosk journal held in memory (entries 1..n in order), for fault tests and the benchmark. */
public final class MemorySource implements EntrySource {

    private final String kioskId;
    private final List<JournalEntry> entries;
    private volatile long confirmed;

    public MemorySource(String kioskId, List<JournalEntry> entries) {
        this.kioskId = kioskId;
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            if (this.entries.get(i).kioskSeq() != i + 1) {
                throw new IllegalArgumentException("entries must be 1..n in order");
            }
        }
    }

    @Override
    public String kioskId() {
        return kioskId;
    }

    @Override
    public List<JournalEntry> readAfter(long afterSeq, int limit) {
        int from = (int) Math.min(Math.max(afterSeq, 0), entries.size());
        return entries.subList(from, Math.min(entries.size(), from + limit));
    }

    @Override
    public Backlog backlog() {
        long c = confirmed;
        return new Backlog(entries.size() - c, c < entries.size() ? entries.get((int) c).recordedAt() : null, entries.size());
    }

    @Override
    public void confirmed(long cursor) {
        confirmed = Math.max(confirmed, Math.min(cursor, entries.size()));
    }

    public long confirmed() {
        return confirmed;
    }

    public List<JournalEntry> entries() {
        return entries;
    }
}
