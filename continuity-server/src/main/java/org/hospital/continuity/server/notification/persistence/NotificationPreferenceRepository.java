package org.hospital.continuity.server.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/** People's notice languages. */
@ApplicationScoped
@WithSession
public class NotificationPreferenceRepository implements PanacheRepositoryBase<NotificationPreferenceEntity, String> {

    Uni<List<NotificationPreferenceEntity>> of(List<String> personIds) {
        return list("personId in ?1", personIds);
    }

    /** Sets the person's language (the first choice adds the row). */
    @WithTransaction
    Uni<Void> set(String personId, String language, Instant at) {
        return findById(personId, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p != null) {
                p.language = language;
                p.updatedAt = at;
                return Uni.createFrom().voidItem();
            }
            NotificationPreferenceEntity fresh = new NotificationPreferenceEntity();
            fresh.personId = personId;
            fresh.language = language;
            fresh.updatedAt = at;
            return persist(fresh).replaceWithVoid();
        });
    }
}
