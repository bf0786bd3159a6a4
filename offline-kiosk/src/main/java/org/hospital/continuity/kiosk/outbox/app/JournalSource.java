package org.hospital.continuity.kiosk.outbox.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.EntrySource;

/**
 * What the sync agent needs of the kiosk journal: the pinned contract of the journal feature
 * ({@code kiosk.journal.app.Journal}: {@code readAfter}, {@code lastSeq}, {@code backlog},
 * {@code markSent}), narrowed to the sender, so that the agent can be built and tested on its own.
 */
public interface JournalSource {

    /** The enrolled kiosk's id and push secret, or empty before enrolment (nothing to push then). */
    Optional<Credential> credential();

    /** Decrypted entries with kioskSeq greater than {@code afterSeq}, in kiosk order, at most {@code limit}. */
    List<JournalEntry> readAfter(long afterSeq, int limit);

    /**
     * Up to {@code limit} positions after {@code afterSeq}: the entries that read back and those the kiosk holds but cannot
     * read (quarantined), reported to the server in their place. The default has none.
     */
    default EntrySource.Read readBatch(long afterSeq, int limit) {
        return new EntrySource.Read(readAfter(afterSeq, limit), List.of());
    }

    /** The newest kiosk sequence (0 when the journal is empty). */
    long lastSeq();

    /** Entries not yet confirmed by the server, and the capture time of the oldest (null when none). */
    Unsent unsent();

    /** The server confirmed 1..{@code upToSeqInclusive}: the sent-through watermark moves up to it. */
    void markSent(long upToSeqInclusive);

    record Credential(String kioskId, String secret) {
        @Override
        public String toString() {
            return "Credential[" + kioskId + ", secret hidden]";
        }
    }

    record Unsent(long count, Instant oldestAt) {
    }
}
