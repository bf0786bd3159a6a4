package org.hospital.continuity.server.board;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.eventbus.EventBus;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.hospital.continuity.server.board.app.IncidentPicture;
import org.hospital.continuity.server.board.app.IncidentSource;

/**
 * The incident the board shows in tests: a picture set by the test (what the engine would report), or, when
 * none is set, the real incident engine's.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestIncidentSource implements IncidentSource {

    public static final String CHANGED = "test.incident-changed";

    @Inject
    EventBus bus;
    @Inject
    org.hospital.continuity.server.board.integration.IncidentEngineSource real;

    private volatile boolean override;

    private final Map<UUID, IncidentPicture> all = new ConcurrentHashMap<>();
    private final AtomicReference<UUID> current = new AtomicReference<>();

    public void show(IncidentPicture picture) {
        override = true;
        all.put(picture.id(), picture);
        current.set(picture.id());
        bus.publish(CHANGED, new JsonObject().put("incidentId", picture.id().toString()));
    }

    public void clear() {
        override = true;
        current.set(null);
        bus.publish(CHANGED, new JsonObject());
    }

    /** Back to the real incident engine. */
    public void useEngine() {
        override = false;
        current.set(null);
        bus.publish(CHANGED, new JsonObject());
    }

    @Override
    public Uni<Optional<IncidentPicture>> current() {
        if (!override) {
            return real.current();
        }
        UUID id = current.get();
        return Uni.createFrom().item(id == null ? Optional.empty() : Optional.ofNullable(all.get(id)));
    }

    @Override
    public Uni<Optional<IncidentPicture>> byId(UUID id) {
        if (!all.containsKey(id)) {
            return real.byId(id);
        }
        return Uni.createFrom().item(Optional.ofNullable(all.get(id)));
    }

    @Override
    public Uni<List<IncidentPicture>> open() {
        if (!override) {
            return real.open();
        }
        UUID id = current.get();
        IncidentPicture shown = id == null ? null : all.get(id);
        return Uni.createFrom().item(shown == null || !shown.isOpen() ? List.of() : List.of(shown));
    }

    @Override
    public Uni<List<IncidentPicture>> recent(int limit) {
        if (!override) {
            return real.recent(limit);
        }
        return current().map(c -> c.map(List::of).orElse(List.of()));
    }

    @Override
    public java.time.Instant engineNow(java.time.Instant realNow) {
        return override ? realNow : real.engineNow(realNow);
    }

    @Override
    public java.time.Instant onEngineClock(java.time.Instant realInstant) {
        return override ? realInstant : real.onEngineClock(realInstant);
    }

    @Override
    public int engineRate() {
        return override ? 1 : real.engineRate();
    }

    @Override
    public List<String> changeAddresses() {
        return List.of(CHANGED, org.hospital.continuity.server.incident.TimelineEvent.ADDRESS);
    }
}
