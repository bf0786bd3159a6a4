package org.hospital.continuity.server.notification.persistence;

import static org.hospital.continuity.server.notification.persistence.NotificationStore.instant;
import static org.hospital.continuity.server.notification.persistence.NotificationStore.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.notification.domain.DeliveryStatus;
import org.hospital.continuity.server.platform.text.Language;

/** The language each person chose for their notices (HR-… bilingual staff; absent: Chinese). */
@ApplicationScoped
public class NotificationPreferenceStore {

    private final Pool pool;

    public NotificationPreferenceStore(Pool pool) {
        this.pool = pool;
    }

    /** The chosen languages of these people (absent: Chinese, the default). */
    public Uni<Map<String, Language>> languages(java.util.Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select person_id, language from notification_preference where person_id = any($1)")
                .execute(Tuple.of(personIds.toArray(new String[0])))
                .map(rows -> {
                    Map<String, Language> out = new LinkedHashMap<>();
                    rows.forEach(r -> out.put(r.getString("person_id"), Language.fromTag(r.getString("language"))));
                    return out;
                });
    }

    public Uni<Void> setLanguage(String personId, Language language, Instant at) {
        return pool.preparedQuery("""
                        insert into notification_preference (person_id, language, updated_at) values ($1, $2, $3)
                        on conflict (person_id) do update set language = excluded.language, updated_at = excluded.updated_at""")
                .execute(Tuple.of(personId, language.tag(), ts(at))).replaceWithVoid();
    }
}
