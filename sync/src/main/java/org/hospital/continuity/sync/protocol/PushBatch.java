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
 */
public record PushBatch(Integer protocol, String kioskId, UUID batchId, Backlog backlog, List<WireEntry> entries) {

    public static PushBatch of(String kioskId, UUID batchId, Backlog backlog, List<JournalEntry> entries) {
        return new PushBatch(SyncProtocol.VERSION, kioskId, batchId, backlog,
                entries.stream().map(WireEntry::of).toList());
    }

    /** Entries, never null (a missing list is an empty batch). */
    public List<WireEntry> entriesOrEmpty() {
        return entries == null ? List.of() : entries;
    }
}
