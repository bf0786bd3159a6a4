package org.hospital.continuity.server.notification.integration;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.hospital.continuity.server.notification.app.AcknowledgedElsewhere;

/** Used when no feature with its own acknowledgements is present: only the notification's own links count. */
@ApplicationScoped
public class NothingAcknowledgedElsewhere {

    @Produces
    @DefaultBean
    @ApplicationScoped
    AcknowledgedElsewhere none() {
        return subject -> Uni.createFrom().item(Optional.empty());
    }
}
