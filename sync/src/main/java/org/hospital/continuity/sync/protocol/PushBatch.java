package org.hospital.continuity.sync.protocol;

import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * One push from a kiosk: its entries in kiosk order (contiguous from the server's last cursor + 1
 * in normal operation) and its backlog. An empty batch is a handshake: it reports the backlog and
 * returns the server's cursor, so the kiosk knows where to resume.
 *
 * @param protocol wire version, {@link SyncProtocol#VERSION}
 * @param kioskId  the pushing kiosk; must equal the credential's kiosk and every entry's kiosk
 * @param batchId  random per attempt, only for correlating logs on both ends
 * @param backlog  the kiosk's unsent count and oldest unsent capture time, before this push
 * @param entries  at most {@link SyncProtocol#MAX_BATCH_ENTRIES}
 * @param unreadable entries the kiosk holds but cannot read (quarantined there), reported in their place so that the
 *                   server settles their sequences; only in wire version {@link SyncProtocol#UNREADABLE_VERSION},
 *                   absent (null) otherwise, so a batch without them is byte for byte a version-1 batch
 */
public record PushBatch(Integer protocol, String kioskId, UUID batchId, Backlog backlog, List<WireEntry> entries,
                        List<UnreadableEntry> unreadable) {

    /** A batch without unreadable entries (every version-1 batch). */
    public PushBatch(Integer protocol, String kioskId, UUID batchId, Backlog backlog, List<WireEntry> entries) {
        this(protocol, kioskId, batchId, backlog, entries, null);
    }

    public static PushBatch of(String kioskId, UUID batchId, Backlog backlog, List<JournalEntry> entries) {
        return of(kioskId, batchId, backlog, entries, List.of());
    }

    /**
     * A batch of readable entries and unreadable ones; the lowest wire version that carries it (version 1 when
     * nothing is unreadable, so a kiosk keeps talking to a server that does not know version 2 yet).
     */
    public static PushBatch of(String kioskId, UUID batchId, Backlog backlog, List<JournalEntry> entries,
                               List<UnreadableEntry> unreadable) {
        boolean none = unreadable == null || unreadable.isEmpty();
        return new PushBatch(none ? SyncProtocol.VERSION : SyncProtocol.UNREADABLE_VERSION, kioskId, batchId, backlog,
                entries.stream().map(WireEntry::of).toList(), none ? null : List.copyOf(unreadable));
    }

    /** Unreadable entries, never null. */
    public List<UnreadableEntry> unreadableOrEmpty() {
        return unreadable == null ? List.of() : unreadable;
    }

    /** Entries, never null (a missing list is an empty batch). */
    public List<WireEntry> entriesOrEmpty() {
        return entries == null ? List.of() : entries;
    }
}
