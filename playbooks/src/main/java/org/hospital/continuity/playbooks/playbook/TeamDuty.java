package org.hospital.continuity.playbooks.playbook;

import java.util.Objects;
import org.hospital.continuity.playbooks.party.Team;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * A team a playbook forms and what it does (EP-8.2 repair, liaison, coordination; EP-8.3 rush entry).
 *
 * @param team   which team
 * @param clause where the plan defines its duty
 * @param duty   its duty in both languages
 */
public record TeamDuty(Team team, String clause, Bilingual duty) {

    public TeamDuty {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(duty, "duty");
    }
}
