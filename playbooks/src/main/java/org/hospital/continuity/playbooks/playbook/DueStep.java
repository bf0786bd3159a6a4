package org.hospital.continuity.playbooks.playbook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.party.Department;

/**
 * A playbook step that has become due because its trigger fired.
 *
 * @param playbookId  the playbook
 * @param step        the step
 * @param occurrence  what fired it
 * @param department  the department it is for (when the step names one)
 * @param dueBy       its deadline, when the step has one
 */
public record DueStep(String playbookId, PlaybookStep step, Occurrence occurrence, Optional<Department> department,
                      Optional<Instant> dueBy) {

    public DueStep {
        Objects.requireNonNull(playbookId, "playbookId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(dueBy, "dueBy");
    }

    /** {@code playbook-id/step-id}. */
    public String reference() {
        return playbookId + "/" + step.id();
    }
}
