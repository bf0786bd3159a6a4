package org.hospital.continuity.server.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.InstantSource;

/** The one clock of the server; tests replace it to drive the downtime ladder. */
@ApplicationScoped
public class ClockWiring {

    @Produces
    @ApplicationScoped
    InstantSource clock() {
        return InstantSource.system();
    }
}
