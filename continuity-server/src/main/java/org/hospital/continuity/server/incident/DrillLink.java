package org.hospital.continuity.server.incident;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.platform.persistence.Tx;

/**
 * EP-9.4: an incident opened while a drill runs is that drill's incident, flagged end to end. The drill feature
 * answers; both calls join the engine's transaction, so the incident and the link commit together.
 */
public interface DrillLink {

    /** The drill running now, read in this transaction. */
    Uni<Optional<UUID>> running(Tx tx);

    /** The drill's incident is this one (the first incident opened while it runs). */
    Uni<Void> incidentOpened(Tx tx, UUID drill, UUID incident);

    /** When a drill ran in real time: its start and, once it ended, its end. */
    record RealSpan(Instant startedAt, Instant endedAt) {
    }

    /** The real spans of these drills (those that exist), by drill id; read in a session of the drill feature's own. */
    Uni<Map<UUID, RealSpan>> realSpans(Collection<UUID> drills);
}
