package org.hospital.continuity.server.incident;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.platform.persistence.Tx;

/**
 * HR-21, EP-9.4: after its report, a drill's incident data can be purged so that it never mixes with real incidents.
 * Every feature that keeps rows of an incident answers for its own tables, in the purge's one transaction (opened by
 * the drill feature, which lets the append-only guard allow the deletes and records the purge with a digest).
 */
public interface DrillIncidentPurge {

    /** What went from one table: how many rows and an MD5 digest of them. */
    record Removed(String table, long rows, String digest) {
    }

    /**
     * Where this feature's rows go in the purge: a feature whose rows others refer to goes after them (the incident's own
     * rows, which the instructions and signals refer to, last).
     */
    int order();

    /** Deletes the rows of {@code incident} (a drill's) from this feature's tables, in the purge's transaction. */
    Uni<List<Removed>> purge(Tx tx, UUID incident);
}
