package org.hospital.continuity.server.reconciliation.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.incident.DrillIncidentPurge;
import org.hospital.continuity.server.platform.persistence.PurgeSteps;
import org.hospital.continuity.server.platform.persistence.PurgeSteps.Step;
import org.hospital.continuity.server.platform.persistence.Tx;

/** HR-21: a purged drill's closed traces (the incident as text, as the table keeps it; nothing refers to them). */
@ApplicationScoped
public class ReconciliationPurge implements DrillIncidentPurge {

    private static final List<Step> STEPS = List.of(new Step("workbench_trace_closure", "incident = $1"));

    @Override
    public int order() {
        return 15;
    }

    @Override
    public Uni<List<Removed>> purge(Tx tx, UUID incident) {
        return PurgeSteps.run(tx, STEPS, incident.toString())
                .map(done -> done.stream().map(r -> new Removed(r.table(), r.deleted().rows(), r.deleted().digest())).toList());
    }
}
