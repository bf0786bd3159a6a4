package org.hospital.continuity.server.writeback;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;

/** How far an incident's write-back got (EP-8.4, EP-8.5): for drill reports and the board. */
public interface WriteBackFigures {

    /** Visits written to the HIS, workbench items (and those still open), and when the last of each happened. */
    record Progress(long visitsWritten, long workbenchItems, long workbenchOpen, Instant lastWritten, Instant lastResolved) {
    }

    Uni<Progress> progressOf(UUID incident);
}
