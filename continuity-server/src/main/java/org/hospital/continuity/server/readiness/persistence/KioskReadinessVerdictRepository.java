package org.hospital.continuity.server.readiness.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;

/** The last readiness verdict of each kiosk. */
@ApplicationScoped
@WithSession
public class KioskReadinessVerdictRepository implements PanacheRepositoryBase<KioskReadinessVerdictEntity, String> {

    /**
     * Records the verdict under the row's lock; true when the kiosk has just turned not ready (was ready or never
     * assessed), so that IT on duty is told once.
     */
    @WithTransaction
    Uni<Boolean> record(String kioskId, boolean ready, String problems, Instant now) {
        return findById(kioskId, LockModeType.PESSIMISTIC_WRITE).chain(known -> {
            Boolean before = known == null ? null : known.ready;
            boolean changed = before == null || before != ready;
            if (known == null) {
                KioskReadinessVerdictEntity v = new KioskReadinessVerdictEntity();
                v.kioskId = kioskId;
                v.ready = ready;
                v.problems = problems;
                v.assessedAt = now;
                v.changedAt = now;
                return persist(v).replaceWith(!ready);
            }
            if (known.ready != ready) {
                known.changedAt = now;
            }
            known.ready = ready;
            known.problems = problems;
            known.assessedAt = now;
            return Uni.createFrom().item(!ready && before && changed);
        });
    }
}
