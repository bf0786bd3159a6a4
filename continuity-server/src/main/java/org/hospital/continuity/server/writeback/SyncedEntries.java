package org.hospital.continuity.server.writeback;

import org.hospital.continuity.sync.envelope.JournalEntry;

import java.util.List;

/**
 * The query port write-back reads downtime records through: the journal entries the sync receiver
 * stored, grouped by the incident during which they were captured. Blocking; call on a worker.
 */
public interface SyncedEntries {

    /** Incidents for which synced entries exist (ids as text). */
    List<String> incidents();

    /** The entries captured during the incident, any order (write-back orders them by hybrid clock). */
    List<JournalEntry> entries(String incident);
}
