package org.hospital.continuity.server.notification;

import io.smallrye.mutiny.Uni;
import java.util.Set;

/**
 * EP-8.2: who is in an incident team now (repair, liaison, coordination, rush-entry), by directory person id: the
 * people a notice to the team calls first. The board, where teams are assigned, answers.
 */
public interface TeamMembers {

    /** The members of {@code team} in the open incident; empty when none is open or nobody is assigned. */
    Uni<Set<String>> ofTeam(String team);
}
