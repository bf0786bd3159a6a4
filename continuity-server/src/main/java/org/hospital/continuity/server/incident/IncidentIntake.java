package org.hospital.continuity.server.incident;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.signal.Signal;

/**
 * What the incident engine is told: signals (probe results, fault reports, integrity alarms) and people's
 * decisions. Each is journalled and decided in one transaction; the outcome names what it produced.
 */
public interface IncidentIntake {

    /** What one change produced: its journal position, the incident, the timeline events and the instructions. */
    record Outcome(long journalSeq, UUID incidentId, List<Long> eventSeqs, List<UUID> instructions) {
    }

    Uni<Outcome> submit(Signal signal);

    Uni<Outcome> submit(Input input);

    /** This server instance's name (leases and journal rows say who did the work). */
    String instance();

    /**
     * After a drill (EP-9.4): starts the engine afresh at real time {@code at}; an incident still open is closed as
     * ended by the drill at {@code engineAt}. The new journal position.
     */
    Uni<Long> reset(Instant at, Instant engineAt, String reason);
}
