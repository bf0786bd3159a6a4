package org.hospital.continuity.kiosk.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.InstantSource;

/** The one clock of the kiosk; tests may replace it. */
@ApplicationScoped
public class ClockWiring {

    @Produces
    @ApplicationScoped
    InstantSource clock() {
        return InstantSource.system();
    }
}
