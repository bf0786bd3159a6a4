package org.hospital.continuity.playbooks.incident;

import java.time.Instant;
import java.util.Objects;
import org.hospital.continuity.playbooks.playbook.DueStep;

/**
 * A step's deadline that has not yet passed.
 *
 * @param dueBy when
 * @param step  the due step it belongs to
 */
public record PendingDeadline(Instant dueBy, DueStep step) {

    public PendingDeadline {
        Objects.requireNonNull(dueBy, "dueBy");
        Objects.requireNonNull(step, "step");
    }
}
