package org.hospital.continuity.server.readiness.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Each kiosk's last report of its ward data. */
@ApplicationScoped
@WithSession
public class KioskWardDataRepository implements PanacheRepositoryBase<KioskWardDataEntity, String> {

    /** Replaces the kiosk's row (the first report adds it). */
    @WithTransaction
    Uni<Void> save(KioskWardDataEntity data) {
        return findById(data.kioskId, LockModeType.PESSIMISTIC_WRITE).chain(known -> {
            if (known == null) {
                return persist(data).replaceWithVoid();
            }
            known.hisDataAsOf = data.hisDataAsOf;
            known.censusWards = data.censusWards;
            known.wardReportPrintedAt = data.wardReportPrintedAt;
            return Uni.createFrom().voidItem();
        });
    }

    Uni<List<KioskWardDataEntity>> all() {
        return listAll();
    }
}
