package org.hospital.continuity.kiosk.journal;

import org.hospital.continuity.sync.envelope.JournalEntry;

/** A journal entry as stored on this kiosk: the envelope (clear payload) and its breakpoint phase. */
public record Recorded(JournalEntry entry, Phase phase) {
}
