package org.hospital.continuity.sync.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;

/** The receiver's rules over maps, to exercise the sender without a database. */
final class InMemoryReceiver {

    final Map<UUID, JournalEntry> byId = new LinkedHashMap<>();
    final Map<String, TreeMap<Long, UUID>> bySeq = new LinkedHashMap<>();
    final Map<String, Long> cursors = new LinkedHashMap<>();
    final Map<String, Backlog> backlogs = new LinkedHashMap<>();
    final List<Rejection> incidents = new ArrayList<>();
    /** Sequences reported unreadable on the kiosk, per kiosk (settled, never stored as entries). */
    final Map<String, TreeMap<Long, UnreadableEntry>> unreadable = new LinkedHashMap<>();

    PushReceipt receive(PushBatch batch) {
        BatchCheck.Verdict v = BatchCheck.check(batch, batch.kioskId(), BatchCheck.Limits.defaults(2));
        if (!(v instanceof BatchCheck.Valid valid)) {
            throw new IllegalStateException("invalid batch " + v);
        }
        String kiosk = batch.kioskId();
        TreeMap<Long, UUID> seqs = bySeq.computeIfAbsent(kiosk, k -> new TreeMap<>());
        Set<UUID> inserted = new HashSet<>();
        List<IngestClassifier.Held> held = new ArrayList<>();
        for (JournalEntry e : valid.entries()) {
            JournalEntry same = byId.get(e.entryId());
            UUID atSeq = seqs.get(e.kioskSeq());
            if (same == null && atSeq == null) {
                byId.put(e.entryId(), e);
                seqs.put(e.kioskSeq(), e.entryId());
                inserted.add(e.entryId());
            } else {
                JournalEntry h = same != null ? same : byId.get(atSeq);
                held.add(new IngestClassifier.Held(h.entryId(), h.kioskId(), h.kioskSeq(), h.contentHash()));
            }
        }
        IngestClassifier.Outcome o = IngestClassifier.classify(valid.entries(), inserted, held);
        incidents.addAll(o.rejections());
        TreeMap<Long, UnreadableEntry> lost = unreadable.computeIfAbsent(kiosk, k -> new TreeMap<>());
        batch.unreadableOrEmpty().forEach(u -> {
            if (!seqs.containsKey(u.kioskSeq())) {
                lost.putIfAbsent(u.kioskSeq(), u);
            }
        });
        long before = cursors.getOrDefault(kiosk, 0L);
        KioskCursor c = KioskCursor.advance(before, java.util.stream.LongStream.concat(
                seqs.tailMap(before, false).keySet().stream().mapToLong(Long::longValue),
                lost.tailMap(before, false).keySet().stream().mapToLong(Long::longValue)).toArray());
        cursors.put(kiosk, c.cursor());
        backlogs.put(kiosk, batch.backlog());
        return new PushReceipt(SyncProtocol.VERSION, kiosk, c.cursor(), c.highestHeld(), c.gaps(), o.accepted(), o.duplicates(),
                o.rejections().size(), o.rejections(), Instant.EPOCH);
    }
}
