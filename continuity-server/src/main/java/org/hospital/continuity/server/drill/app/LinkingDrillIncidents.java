package org.hospital.continuity.server.drill.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.drill.persistence.DrillStore;
import org.hospital.continuity.server.incident.DrillLink;
import org.hospital.continuity.server.platform.persistence.Tx;

/** The drill feature's answer to the incident engine: which drill runs, and which incident is its (EP-9.4). */
@ApplicationScoped
public class LinkingDrillIncidents implements DrillLink {

    private final DrillStore store;

    public LinkingDrillIncidents(DrillStore store) {
        this.store = store;
    }

    @Override
    public Uni<Optional<UUID>> running(Tx tx) {
        return store.running(tx).map(d -> d == null ? Optional.<UUID>empty() : Optional.of(d.id()));
    }

    @Override
    public Uni<Void> incidentOpened(Tx tx, UUID drill, UUID incident) {
        return store.linkIncident(tx, drill, incident);
    }
}
