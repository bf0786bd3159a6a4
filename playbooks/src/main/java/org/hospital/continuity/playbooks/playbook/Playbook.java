package org.hospital.continuity.playbooks.playbook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * @param announce who is called the moment the trigger fires ({@code announce:}); empty when the file says nothing
 */
public record Playbook(String id, Bilingual title, String clause, Trigger trigger,
                       boolean enabled, List<TeamDuty> teams, List<PlaybookStep> steps, String source,
                       Optional<Announcement> announce) {

    public Playbook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(trigger, "trigger");
        teams = List.copyOf(teams);
        steps = List.copyOf(steps);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(announce, "announce");
    }

    /** A playbook that calls nobody at its trigger by itself (only its steps' {@code notify:} lists). */
    public Playbook(String id, Bilingual title, String clause, Trigger trigger,
                    boolean enabled, List<TeamDuty> teams, List<PlaybookStep> steps, String source) {
        this(id, title, clause, trigger, enabled, teams, steps, source, Optional.empty());
    }
}
