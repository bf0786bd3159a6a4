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

    /**
     * One department area of an incident's workbench queue (EP-8.5): its parcel's owner when one was given, items
     * in all, done, important (blocking other than a price flag) and important done.
     */
    record Area(String area, String owner, int total, int done, int important, int importantDone) {
    }

    /** The areas of an incident's workbench queue, by area code. */
    Uni<java.util.List<Area>> areasOf(String incident);

    /** Visits written back for an incident and when its first workbench item was raised. */
    record Written(long visits, Instant firstRaisedAt) {
    }

    Uni<Written> writtenOf(String incident);

    /**
     * The incident's write-back is held because the HIS did not take its records (EP-8.4): since when, and the last
     * error in words (never the HIS client's English message).
     */
    record Hold(Instant since, String errorZh, String errorEn) {
    }

    /** The hold on the incident's write-back, empty while it runs (or has nothing to write). */
    Uni<java.util.Optional<Hold>> holdOf(String incident);

    /** An incident whose write-back is held, with its hold. */
    record HeldIncident(String incident, Instant since, String errorZh, String errorEn) {
    }

    /** Every incident whose write-back is held now, the longest held first. */
    Uni<java.util.List<HeldIncident>> holds();

    /** Changes whenever back-entry progresses (the board refreshes on a change). */
    Uni<String> fingerprint();
}
