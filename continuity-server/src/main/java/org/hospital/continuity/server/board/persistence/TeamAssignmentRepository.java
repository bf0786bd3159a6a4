package org.hospital.continuity.server.board.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.board.domain.TeamAssignment;

/** The people in the EP-8.2 teams of an incident. */
@ApplicationScoped
@WithSession
public class TeamAssignmentRepository implements PanacheRepositoryBase<TeamAssignmentEntity, UUID> {

    @WithTransaction
    public Uni<Void> add(TeamAssignment a) {
        return persist(TeamAssignmentEntity.of(a)).replaceWithVoid();
    }

    /** True when it was active and is now released (one statement: two releases at once release it once). */
    @WithTransaction
    public Uni<Boolean> release(UUID incidentId, UUID id, String by, Instant at) {
        return update("releasedAt = ?1, releasedBy = ?2 where id = ?3 and incidentId = ?4 and releasedAt is null", at, by, id, incidentId)
                .map(n -> n == 1);
    }

    public Uni<List<TeamAssignment>> of(UUID incidentId) {
        return list("incidentId = ?1 order by assignedAt, id", incidentId).map(l -> l.stream().map(TeamAssignmentEntity::toRecord).toList());
    }

    /** The directory person ids of the people assigned to {@code team} and not released. */
    public Uni<Set<String>> members(UUID incidentId, String team) {
        return list("incidentId = ?1 and team = ?2 and releasedAt is null and personId is not null", incidentId, team).map(l -> {
            Set<String> out = new LinkedHashSet<>();
            l.forEach(a -> out.add(a.personId));
            return out;
        });
    }
}
