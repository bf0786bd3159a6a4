package org.hospital.continuity.kiosk.outbox.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.journal.Backlog;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Recorded;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.EntrySource;
import org.hospital.continuity.sync.protocol.UnreadableEntry;

/** The sync agent's view of the real kiosk journal and the kiosk's enrolment credential. */
@ApplicationScoped
public class JournalAdapter implements JournalSource {

    private final Journal journal;
    private final EnrolledKiosk enrolled;

    public JournalAdapter(Journal journal, EnrolledKiosk enrolled) {
        this.journal = journal;
        this.enrolled = enrolled;
    }

    @Override
    public Optional<Credential> credential() {
        return enrolled.kioskId().map(id -> new Credential(id, enrolled.credential()));
    }

    @Override
    public List<JournalEntry> readAfter(long afterSeq, int limit) {
        return journal.readAfter(afterSeq, limit);
    }

    @Override
    public EntrySource.Read readBatch(long afterSeq, int limit) {
        Journal.Stretch s = journal.readStretch(afterSeq, limit);
        return new EntrySource.Read(s.recorded().stream().map(Recorded::entry).toList(), s.unreadable().stream()
                .map(u -> new UnreadableEntry(u.kioskSeq(), u.entryId(), u.eventType(), u.contentHash(), u.reason())).toList());
    }

    @Override
    public long lastSeq() {
        return journal.lastSeq();
    }

    @Override
    public Unsent unsent() {
        Backlog b = journal.backlog();
        return new Unsent(b.unsent(), b.oldestUnsentAt());
    }

    @Override
    public void markSent(long upToSeqInclusive) {
        journal.markSent(upToSeqInclusive);
    }
}
