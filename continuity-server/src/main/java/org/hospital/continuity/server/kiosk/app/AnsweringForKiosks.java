package org.hospital.continuity.server.kiosk.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.kiosk.Kiosks;
import org.hospital.continuity.server.kiosk.persistence.KioskRegistryRepository;

/** The kiosk registry's answer to {@link Kiosks}. */
@ApplicationScoped
public class AnsweringForKiosks implements Kiosks {

    private final KioskRegistryRepository registry;

    public AnsweringForKiosks(KioskRegistryRepository registry) {
        this.registry = registry;
    }

    @Override
    public Uni<List<Kiosk>> kiosks() {
        return registry.registered();
    }

    @Override
    public Uni<Map<String, String>> departmentNames() {
        return registry.departmentNames();
    }
}
