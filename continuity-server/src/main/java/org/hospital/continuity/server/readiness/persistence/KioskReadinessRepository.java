package org.hospital.continuity.server.readiness.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Each kiosk's last readiness report. */
@ApplicationScoped
@WithSession
public class KioskReadinessRepository implements PanacheRepositoryBase<KioskReadinessEntity, String> {

    /** Replaces the kiosk's last report (the first one adds its row). */
    @WithTransaction
    Uni<Void> save(KioskReadinessEntity report) {
        return findById(report.kioskId, LockModeType.PESSIMISTIC_WRITE).chain(known -> {
            if (known == null) {
                return persist(report).replaceWithVoid();
            }
            known.reportedAt = report.reportedAt;
            known.kioskClock = report.kioskClock;
            known.driftMs = report.driftMs;
            known.softwareVersion = report.softwareVersion;
            known.snapshotVersion = report.snapshotVersion;
            known.snapshotGeneratedAt = report.snapshotGeneratedAt;
            known.pools = report.pools;
            known.backlogPending = report.backlogPending;
            known.oldestUnsentAt = report.oldestUnsentAt;
            return Uni.createFrom().voidItem();
        });
    }

    Uni<List<KioskReadinessEntity>> all() {
        return listAll();
    }
}
