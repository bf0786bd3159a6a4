package org.hospital.continuity.playbooks.playbook;

import java.util.List;
import java.util.Objects;
import org.hospital.continuity.playbooks.party.Party;

/**
 * Who is called the moment a playbook's trigger fires, before any step is due: the {@code announce:} block
 * of a playbook file, e.g. EP-4.5 "a Class I fault is reported to the leadership group at once". An empty
 * list says, on purpose, that nobody is called (EP-4.7: a Class III fault is the system administrator's own
 * work).
 *
 * @param clause  the clause that says who is told
 * @param parties who is called, in the order of the file
 */
public record Announcement(String clause, List<Party> parties) {

    public Announcement {
        Objects.requireNonNull(clause, "clause");
        parties = List.copyOf(parties);
    }
}
