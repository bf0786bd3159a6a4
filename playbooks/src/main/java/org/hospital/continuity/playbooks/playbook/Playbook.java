package org.hospital.continuity.playbooks.playbook;

import java.util.List;
import java.util.Objects;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * A playbook: the steps the plan prescribes when its trigger fires. One playbook per YAML file; see
 * docs/playbooks.md for the format.
 *
 * @param id      stable id; a hospital file with the same id replaces the default playbook
 * @param title   in both languages
 * @param clause  the clause the playbook implements
 * @param trigger when it fires
 * @param enabled false switches the playbook off (a hospital may disable a default)
 * @param teams   teams formed when it fires (may be empty)
 * @param steps   what to do, in order; at least one
 * @param source  the file it was read from
 */
public record Playbook(String id, Bilingual title, String clause, Trigger trigger,
                       boolean enabled, List<TeamDuty> teams, List<PlaybookStep> steps, String source) {

    public Playbook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(trigger, "trigger");
        teams = List.copyOf(teams);
        steps = List.copyOf(steps);
        Objects.requireNonNull(source, "source");
    }
}
