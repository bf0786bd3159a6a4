package org.hospital.continuity.server.writeback.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.incident.DrillIncidentPurge;
import org.hospital.continuity.server.platform.persistence.PurgeSteps;
import org.hospital.continuity.server.platform.persistence.PurgeSteps.Step;
import org.hospital.continuity.server.platform.persistence.Tx;

/**
 * HR-21: a purged drill's write-back and workbench rows (the incident as text, as these tables keep it): decisions,
 * reads and parcels, actions, items, written visits and the pause. The reads of a drill's items go with the items they
 * refer to (they record reading the drill's fictitious patients).
 */
@ApplicationScoped
public class WriteBackPurge implements DrillIncidentPurge {

    private static final List<Step> STEPS = List.of(
            new Step("writeback_decision", "visit_id in (select visit_id from writeback_visit where incident = $1) or action_id in"
                    + " (select a.id from workbench_action a join workbench_item w on w.id = a.item_id where w.incident = $1)"),
            new Step("workbench_read", "item_id in (select id from workbench_item where incident = $1)"),
            new Step("workbench_trace_read", "incident = $1"),
            new Step("workbench_parcel", "incident = $1"),
            new Step("workbench_correction_request", "incident = $1"),
            new Step("workbench_action", "item_id in (select id from workbench_item where incident = $1)"),
            new Step("workbench_item", "incident = $1"),
            new Step("writeback_visit", "incident = $1"),
            new Step("writeback_pause", "incident = $1"));

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Uni<List<Removed>> purge(Tx tx, UUID incident) {
        return PurgeSteps.run(tx, STEPS, incident.toString())
                .map(done -> done.stream().map(r -> new Removed(r.table(), r.deleted().rows(), r.deleted().digest())).toList());
    }
}
