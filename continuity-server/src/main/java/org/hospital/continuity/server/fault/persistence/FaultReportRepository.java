package org.hospital.continuity.server.fault.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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

    public Uni<FaultReport> add(FaultReport report) {
        return persist(FaultReportEntity.from(report)).map(FaultReportEntity::toDomain);
    }

    /** Replaces the stored report by its verified form (only the verification columns change). */
    public Uni<FaultReport> update(FaultReport report) {
        return findById(report.id()).chain(e -> {
            e.copy(report);
            return persist(e);
        }).map(FaultReportEntity::toDomain);
    }

    public Uni<FaultReport> byId(UUID id) {
        return findById(id).map(e -> e == null ? null : e.toDomain());
    }

    public Uni<List<FaultReport>> newest(int limit) {
        return findAll(Sort.descending("filedAt")).page(Page.ofSize(limit)).list()
                .map(list -> list.stream().map(FaultReportEntity::toDomain).toList());
    }
}
