package org.hospital.continuity.server.board.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.board.domain.StatusReport;

/** The board's status reports (EP-8.3), oldest first. */
@ApplicationScoped
@WithSession
public class StatusReportRepository implements PanacheRepositoryBase<StatusReportEntity, UUID> {

    @WithTransaction
    public Uni<Void> add(StatusReport r) {
        return persist(StatusReportEntity.of(r)).replaceWithVoid();
    }

    public Uni<List<StatusReport>> of(UUID incidentId) {
        return list("incidentId = ?1 order by writtenAt, id", incidentId).map(l -> l.stream().map(StatusReportEntity::toRecord).toList());
    }
}
