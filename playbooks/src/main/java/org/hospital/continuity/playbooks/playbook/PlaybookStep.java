package org.hospital.continuity.playbooks.playbook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * One thing to do when a playbook fires.
 *
 * @param id         unique within its playbook
 * @param clause     the clause it carries out (EP-… or HR-…)
 * @param owner      who is accountable (an office, team or department)
 * @param department whose staff act; for ladder, manual-mode and recovery triggers the step fires only for
 *                   the departments concerned
 * @param action     what to do, in both languages
 * @param notified   who is told
 * @param due        by when, counted from the trigger; empty when the plan sets no deadline
 */
public record PlaybookStep(String id, String clause, Party owner, Optional<Department> department, Bilingual action,
                           List<Party> notified, Optional<Deadline> due) {

    public PlaybookStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(action, "action");
        notified = List.copyOf(notified);
        Objects.requireNonNull(due, "due");
    }
}
