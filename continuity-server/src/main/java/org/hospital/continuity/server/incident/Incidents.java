package org.hospital.continuity.server.incident;

import org.hospital.continuity.server.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading incidents: the open one, the recent ones, one with its timeline, and whether it is a drill's. */
public interface Incidents {

    /** The open incident, or null when all is well. */
    Uni<Incident> current();

    /** One incident, or null when there is none. */
    Uni<Incident> incident(UUID id);

    /**
     * Takes the engine's lock in the caller's transaction (held until it ends: no incident opens meanwhile) and
     * answers the open incident, or null. A drill starts only when this is null (EP-9.4).
     */
    Uni<Incident> openIncidentLocked(Tx tx);

    /** The newest incidents first. */
    Uni<List<Incident>> incidents(int limit);

    /** One incident with its timeline; a {@code DomainRejection} 404 when there is none. */
    Uni<IncidentView> view(UUID id);

    /** The incident's timeline in order (empty for an unknown id). */
    Uni<List<TimelineEvent>> timeline(UUID incident);

    /** The drill the incident belongs to (EP-9.4); empty for a real incident (HR-21: its records go to the real HIS). */
    Uni<Optional<UUID>> drillOf(UUID incident);

    /** Every incident's capture window, the oldest incident first; an open one ends {@code now}. */
    Uni<List<CaptureWindow>> captureWindows(Instant now);

    /** One incident's capture window; empty for an unknown id. */
    Uni<Optional<CaptureWindow>> captureWindow(UUID incident, Instant now);
}
