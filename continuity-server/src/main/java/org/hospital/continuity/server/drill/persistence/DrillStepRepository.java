package org.hospital.continuity.server.drill.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The steps a drill's player played, in order. */
@ApplicationScoped
@WithSession
public class DrillStepRepository implements PanacheRepositoryBase<DrillStepEntity, DrillStepEntity.Key> {

    /** Records a played step once (a step recorded already stays as it was). */
    @WithTransaction
    Uni<Void> add(DrillStepEntity step) {
        return findById(new DrillStepEntity.Key(step.drillId, step.index))
                .chain(known -> known != null ? Uni.createFrom().voidItem() : persist(step).replaceWithVoid());
    }

    Uni<List<DrillStore.StepRow>> of(UUID drill) {
        return list("drillId = ?1 order by index", drill).map(l -> l.stream().map(DrillStepEntity::toRecord).toList());
    }
}
