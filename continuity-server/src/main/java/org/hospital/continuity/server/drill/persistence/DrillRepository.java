package org.hospital.continuity.server.drill.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The drills' own lifecycle after they start: reading them, ending them, keeping their reports. */
@ApplicationScoped
@WithSession
public class DrillRepository implements PanacheRepositoryBase<DrillEntity, UUID> {

    Uni<DrillStore.DrillRow> running() {
        return find("status", "RUNNING").firstResult().map(d -> d == null ? null : d.toRecord());
    }

    Uni<DrillStore.DrillRow> byId(UUID id) {
        return findById(id).map(d -> d == null ? null : d.toRecord());
    }

    Uni<List<DrillStore.DrillRow>> byIds(List<UUID> ids) {
        return list("id in ?1", ids).map(l -> l.stream().map(DrillEntity::toRecord).toList());
    }

    Uni<List<DrillStore.DrillRow>> newest(int limit) {
        return findAll(Sort.descending("realStartedAt")).page(Page.ofSize(limit)).list()
                .map(l -> l.stream().map(DrillEntity::toRecord).toList());
    }

    /** Ends a running drill (one statement: a drill already ended stays as it ended). */
    @WithTransaction
    Uni<Void> end(UUID id, String status, Instant realEnd, Instant engineEnd, String by, String reason) {
        return update("status = ?2, realEndedAt = ?3, engineEndedAt = ?4, endedBy = ?5, endReason = ?6 where id = ?1 and status = 'RUNNING'",
                id, status, realEnd, engineEnd, by, reason).replaceWithVoid();
    }

    @WithTransaction
    Uni<Void> saveReport(UUID id, JsonObject report, Instant at) {
        return findById(id).invoke(d -> {
            if (d != null) {
                d.report = report;
                d.reportAt = at;
            }
        }).replaceWithVoid();
    }
}
