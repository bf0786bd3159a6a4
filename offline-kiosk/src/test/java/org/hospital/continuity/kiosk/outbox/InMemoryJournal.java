package org.hospital.continuity.kiosk.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.kiosk.outbox.app.JournalSource;
import org.hospital.continuity.sync.envelope.JournalEntry;

/** A journal in memory for the agent's tests (enabled only by {@link SyncAgentTest}'s profile). */
@Alternative
@ApplicationScoped
public class InMemoryJournal implements JournalSource {

    private final List<JournalEntry> entries = new ArrayList<>();
    private long sent;

    public synchronized void append(JournalEntry e) {
        if (e.kioskSeq() != entries.size() + 1) {
            throw new IllegalArgumentException("kiosk order");
        }
        entries.add(e);
    }

    @Override
    public Optional<Credential> credential() {
        return Optional.of(new Credential("kiosk-sf-01", "sf-01-secret"));
    }

    @Override
    public synchronized List<JournalEntry> readAfter(long afterSeq, int limit) {
        return List.copyOf(entries.subList((int) Math.min(afterSeq, entries.size()), (int) Math.min(entries.size(), afterSeq + limit)));
    }

    @Override
    public synchronized long lastSeq() {
        return entries.size();
    }

    @Override
    public synchronized Unsent unsent() {
        long n = entries.size() - sent;
        return new Unsent(n, n == 0 ? null : entries.get((int) sent).recordedAt());
    }

    @Override
    public synchronized void markSent(long upToSeqInclusive) {
        sent = Math.max(sent, upToSeqInclusive);
    }
}
