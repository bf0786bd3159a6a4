package org.hospital.continuity.server.board.app;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Used only while no adapter to the incident engine (issue 4) is present: there is no incident, and the
 * board says so. Replaced by the adapter as soon as one exists (it is a {@link DefaultBean}).
 */
@ApplicationScoped
public class NoIncidentEngineYet {

    @Produces
    @DefaultBean
    @ApplicationScoped
    IncidentSource none() {
        return new IncidentSource() {
            @Override
            public Uni<Optional<IncidentPicture>> current() {
                return Uni.createFrom().item(Optional.empty());
            }

            @Override
            public Uni<Optional<IncidentPicture>> byId(UUID id) {
                return Uni.createFrom().item(Optional.empty());
            }

            @Override
            public Uni<List<IncidentPicture>> recent(int limit) {
                return Uni.createFrom().item(List.of());
            }

            @Override
            public List<String> changeAddresses() {
                return List.of();
            }
        };
    }
}
