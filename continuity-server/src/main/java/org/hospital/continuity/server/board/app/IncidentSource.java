package org.hospital.continuity.server.board.app;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port to the incident engine: the incident the board shows. */
public interface IncidentSource {

    /** The open incident, or the most recent one when none is open; empty when there never was one. */
    Uni<Optional<IncidentPicture>> current();

    Uni<Optional<IncidentPicture>> byId(UUID id);

    /** Every open incident, the oldest first (several may be open at once, EP-4). */
    Uni<List<IncidentPicture>> open();

    /** The newest incidents (for the report list), newest first. */
    Uni<List<IncidentPicture>> recent(int limit);

    /**
     * The incident engine's time now (a drill's compressed time while one runs, EP-9.4): the ladder's countdown
     * and the elapsed outage are measured on it, as the timeline is. Real time by default.
     */
    default java.time.Instant engineNow(java.time.Instant realNow) {
        return realNow;
    }

    /**
     * A real instant (a status report written, a notice sent) on the engine's clock: itself in real time, the drill time
     * it happened at during a drill, so the board's timeline runs on one clock (EP-9.4).
     */
    default java.time.Instant onEngineClock(java.time.Instant real) {
        return real;
    }

    /** Engine seconds per real second (a drill's factor; 1 in real time): the page counts down at this rate. */
    default int engineRate() {
        return 1;
    }

    /** The bus addresses whose messages mean "the incident changed" (the board refreshes on them). */
    List<String> changeAddresses();
}
