package org.hospital.continuity.playbooks.incident;

import java.time.Instant;
import java.util.Objects;
import org.hospital.continuity.playbooks.playbook.DueStep;

/**
 * A step's deadline that has not yet passed.
 *
 * @param dueBy    when
 * @param step     the due step it belongs to
 * @param incident the incident the step is for
 */
public record PendingDeadline(Instant dueBy, DueStep step, IncidentRef incident) {

    public PendingDeadline {
        Objects.requireNonNull(dueBy, "dueBy");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(incident, "incident");
    }

    /** The same deadline, now of another incident (two incidents merged). */
    PendingDeadline of(IncidentRef other) {
        return new PendingDeadline(dueBy, step, other);
    }
}
