package org.hospital.continuity.server.notification.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.platform.text.Language;
import org.hospital.continuity.server.platform.persistence.Constraints;
import org.hospital.continuity.server.platform.persistence.SessionContext;

/**
 * The language each person chose for their notices (absent: Chinese), Hibernate Reactive. Read while recipients are
 * resolved for a notice (from the incident event stream and jobs), so each call runs in a session of its own.
 */
@ApplicationScoped
public class NotificationPreferenceStore {

    private final NotificationPreferenceRepository preferences;

    public NotificationPreferenceStore(NotificationPreferenceRepository preferences) {
        this.preferences = preferences;
    }

    /** The chosen languages of these people (absent: Chinese, the default). */
    public Uni<Map<String, Language>> languages(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> ids = List.copyOf(personIds);
        return SessionContext.call(() -> preferences.of(ids)).map(rows -> {
            Map<String, Language> out = new LinkedHashMap<>();
            rows.forEach(r -> out.put(r.personId, Language.fromTag(r.language)));
            return out;
        });
    }

    /** A person's first two choices at once: the second is tried again against the first's row. */
    public Uni<Void> setLanguage(String personId, Language language, Instant at) {
        return SessionContext.call(() -> preferences.set(personId, language.tag(), at))
                .onFailure(Constraints::uniqueViolation).recoverWithUni(() -> SessionContext.call(() -> preferences.set(personId, language.tag(), at)));
    }
}
