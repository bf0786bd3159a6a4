package org.hospital.continuity.server.board.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.hospital.continuity.server.board.persistence.BoardStore;
import org.hospital.continuity.server.incident.Incidents;
import org.hospital.continuity.server.notification.TeamMembers;

/** The board's answer to {@link TeamMembers}: the assignments of the open incident not yet released (EP-8.2). */
@ApplicationScoped
public class AnsweringForTeams implements TeamMembers {

    private final Incidents incidents;
    private final BoardStore store;

    public AnsweringForTeams(Incidents incidents, BoardStore store) {
        this.incidents = incidents;
        this.store = store;
    }

    @Override
    public Uni<Set<String>> ofTeam(String team) {
        return incidents.current().chain(open -> open == null ? Uni.createFrom().item(Set.<String>of())
                : store.teamMembers(open.id(), team));
    }
}
