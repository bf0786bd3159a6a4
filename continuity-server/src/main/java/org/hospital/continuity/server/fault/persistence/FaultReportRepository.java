package org.hospital.continuity.server.fault.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import jakarta.persistence.LockModeType;
import java.util.function.Function;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.fault.FaultReport;

@ApplicationScoped
@WithSession
public class FaultReportRepository implements PanacheRepositoryBase<FaultReportEntity, UUID> {

    /** Stores a new report in a transaction of its own (committed before the caller goes on). */
    @WithTransaction
    public Uni<FaultReport> add(FaultReport report) {
        return persist(FaultReportEntity.from(report)).map(FaultReportEntity::toDomain);
    }

    /**
     * In one transaction: reads the report (null when there is none), asks {@code decide} for its verified form and
     * stores it (only the verification columns change). A failure of {@code decide} stores nothing.
     */
    @WithTransaction
    public Uni<FaultReport> verifying(UUID id, Function<FaultReport, Uni<FaultReport>> decide) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE).chain(e -> decide.apply(e == null ? null : e.toDomain()).chain(verified -> {
            e.copy(verified);
            return persist(e);
        })).map(FaultReportEntity::toDomain);
    }

    public Uni<FaultReport> byId(UUID id) {
        return findById(id).map(e -> e == null ? null : e.toDomain());
    }

    public Uni<List<FaultReport>> newest(int limit) {
        return findAll(Sort.descending("filedAt")).page(Page.ofSize(limit)).list()
                .map(list -> list.stream().map(FaultReportEntity::toDomain).toList());
    }
}
