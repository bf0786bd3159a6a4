package org.hospital.continuity.server.board.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.incident.DrillIncidentPurge;
import org.hospital.continuity.server.platform.persistence.PurgeSteps;
import org.hospital.continuity.server.platform.persistence.PurgeSteps.Step;
import org.hospital.continuity.server.platform.persistence.Tx;

/**
 * HR-21: a purged drill's board notes: status reports, team assignments and IT's part of the fault report. On the
 * purge's SQL-client transaction (a Hibernate Reactive session cannot join it), like every feature's part of the purge.
 */
@ApplicationScoped
public class BoardPurge implements DrillIncidentPurge {

    private static final List<Step> STEPS = List.of(
            new Step("board_status_report", "incident_id = $1"),
            new Step("board_team_assignment", "incident_id = $1"),
            new Step("board_fault_report", "incident_id = $1"));

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Uni<List<Removed>> purge(Tx tx, UUID incident) {
        return PurgeSteps.run(tx, STEPS, incident)
                .map(done -> done.stream().map(r -> new Removed(r.table(), r.deleted().rows(), r.deleted().digest())).toList());
    }
}
