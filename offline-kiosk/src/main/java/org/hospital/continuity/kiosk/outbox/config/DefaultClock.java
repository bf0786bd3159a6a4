package org.hospital.continuity.kiosk.outbox.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.InstantSource;

/** The system clock, unless the kiosk's wiring provides its own {@link InstantSource} (which then wins). */
@ApplicationScoped
public class DefaultClock {

    @Produces
    @DefaultBean
    @ApplicationScoped
    InstantSource clock() {
        return InstantSource.system();
    }
}
