package org.hospital.continuity.server.incident;

import io.smallrye.mutiny.Uni;
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
}
