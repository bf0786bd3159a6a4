package org.hospital.continuity.server.incident.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.incident.DrillIncidentPurge;
import org.hospital.continuity.server.platform.persistence.PurgeSteps;
import org.hospital.continuity.server.platform.persistence.PurgeSteps.Step;
import org.hospital.continuity.server.platform.persistence.Tx;

/**
 * HR-21: a purged drill's incident: its instructions with their acknowledgements and the department modes they set, its
 * signals, its timeline and the incident itself (last in the purge: the others refer to it). The engine journal stays (the
 * engine's state is its fold).
 */
@ApplicationScoped
public class IncidentPurge implements DrillIncidentPurge {

    private static final List<Step> STEPS = List.of(
            new Step("department_mode", "instruction_id in (select id from instruction where incident_id = $1)"),
            new Step("department_mode_change", "instruction_id in (select id from instruction where incident_id = $1)"),
            new Step("instruction_ack", "instruction_id in (select id from instruction where incident_id = $1)"),
            new Step("instruction", "incident_id = $1"),
            new Step("incident_signal", "incident_id = $1"),
            new Step("incident_event", "incident_id = $1"),
            new Step("incident", "id = $1"));

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Uni<List<Removed>> purge(Tx tx, UUID incident) {
        return PurgeSteps.run(tx, STEPS, incident)
                .map(done -> done.stream().map(r -> new Removed(r.table(), r.deleted().rows(), r.deleted().digest())).toList());
    }
}
