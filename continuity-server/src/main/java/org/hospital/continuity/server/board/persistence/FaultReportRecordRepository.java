package org.hospital.continuity.server.board.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.server.board.domain.FaultReportRecord;

/** IT's part of each incident's fault report (EP-7.4, EP-8.6). */
@ApplicationScoped
@WithSession
public class FaultReportRecordRepository implements PanacheRepositoryBase<FaultReportRecordEntity, UUID> {

    public Uni<Optional<FaultReportRecord>> of(UUID incidentId) {
        return findById(incidentId).map(e -> Optional.ofNullable(e).map(FaultReportRecordEntity::toRecord));
    }

    /** Saves IT's part unless it was submitted (then it is the record, HR-9); true when written. */
    @WithTransaction
    public Uni<Boolean> save(FaultReportRecord f) {
        return findById(f.incidentId(), LockModeType.PESSIMISTIC_WRITE).chain(e -> {
            if (e == null) {
                FaultReportRecordEntity fresh = new FaultReportRecordEntity();
                fresh.copy(f);
                return persist(fresh).replaceWith(true);
            }
            if (e.submittedAt != null) {
                return Uni.createFrom().item(false);
            }
            e.copy(f);
            return Uni.createFrom().item(true);
        });
    }
}
