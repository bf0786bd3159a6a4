package org.hospital.continuity.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IngestClassifierTest {

    private static IngestClassifier.Held held(JournalEntry e) {
        return new IngestClassifier.Held(e.entryId(), e.kioskId(), e.kioskSeq(), e.contentHash());
    }

    @Test
    void insertedEntriesAreAccepted() {
        JournalEntry a = Entries.entry("k", 1, "{}");
        IngestClassifier.Outcome o = IngestClassifier.classify(List.of(a), Set.of(a.entryId()), List.of());
        assertThat(o).isEqualTo(new IngestClassifier.Outcome(1, 0, List.of()));
    }

    @Test
    @DisplayName("the same entry id with the same hash is a harmless duplicate")
    void sameIdSameHashIsADuplicate() {
        JournalEntry a = Entries.entry("k", 1, "{}");
        IngestClassifier.Outcome o = IngestClassifier.classify(List.of(a), Set.of(), List.of(held(a)));
        assertThat(o.duplicates()).isEqualTo(1);
        assertThat(o.rejections()).isEmpty();
    }

    @Test
    @DisplayName("HR-9 the same entry id with a different hash is refused as a content conflict, never overwritten")
    void sameIdDifferentHashIsAConflict() {
        JournalEntry original = Entries.entry("k", 1, "{\"fee\":1000}");
        JournalEntry forged = Entries.altered(original, "{\"fee\":10}");
        IngestClassifier.Outcome o = IngestClassifier.classify(List.of(forged), Set.of(), List.of(held(original)));
        assertThat(o.accepted()).isZero();
        assertThat(o.rejections()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Rejection.CONTENT_CONFLICT);
            assertThat(r.entryId()).isEqualTo(forged.entryId());
        });
    }

    @Test
    void aDifferentEntryAtAHeldSequenceIsASequenceConflict() {
        JournalEntry first = Entries.entry("k", 5, "{}");
        JournalEntry other = JournalEntry.seal(UUID.randomUUID(), "k", 5, "registration", UUID.randomUUID(), 1, "X", 1, "{}",
                Entries.T0, 1, "a");
        IngestClassifier.Outcome o = IngestClassifier.classify(List.of(other), Set.of(), List.of(held(first)));
        assertThat(o.rejections()).extracting(Rejection::reason).containsExactly(Rejection.SEQUENCE_CONFLICT);
    }
}
