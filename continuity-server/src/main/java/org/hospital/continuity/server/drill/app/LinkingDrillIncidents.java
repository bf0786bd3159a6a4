package org.hospital.continuity.server.drill.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.drill.persistence.DrillRows;
import org.hospital.continuity.server.drill.persistence.DrillStore;
import org.hospital.continuity.server.incident.DrillLink;
import org.hospital.continuity.server.platform.persistence.Tx;

/** The drill feature's answer to the incident engine: which drill runs, and which incident is its (EP-9.4). */
@ApplicationScoped
public class LinkingDrillIncidents implements DrillLink {

    private final DrillRows rows;
    private final DrillStore drills;

    public LinkingDrillIncidents(DrillRows rows, DrillStore drills) {
        this.rows = rows;
        this.drills = drills;
    }

    @Override
    public Uni<Map<UUID, RealSpan>> realSpans(Collection<UUID> ids) {
        return drills.byIds(ids).map(found -> {
            Map<UUID, RealSpan> out = new HashMap<>();
            found.forEach(d -> out.put(d.id(), new RealSpan(d.realStartedAt(), d.realEndedAt())));
            return out;
        });
    }

    @Override
    public Uni<Optional<UUID>> running(Tx tx) {
        return rows.running(tx).map(d -> d == null ? Optional.<UUID>empty() : Optional.of(d.id()));
    }

    @Override
    public Uni<Void> incidentOpened(Tx tx, UUID drill, UUID incident) {
        return rows.linkIncident(tx, drill, incident);
    }
}
