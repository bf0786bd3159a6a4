package org.hospital.continuity.server.allergy.app;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.hospital.continuity.server.allergy.domain.AllergyCsv;
import org.hospital.continuity.server.allergy.persistence.AllergyStore;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;

/**
 * With demo data on, the demo patients' allergies, once, after the kiosk reference seeded the demo patients
 * (startup priority 20; this runs at 21).
 */
@ApplicationScoped
public class SeedingDemoAllergies {

    /** Demo allergies: P0001 is allergic to amoxicillin (D0001), P0002 has no known allergy. */
    static final String DEMO_ALLERGIES = AllergyCsv.HEADER + "\n"
            + "P0001,D0001,阿莫西林,皮疹、呼吸困难,SEVERE\n"
            + "P0001,,海鲜,荨麻疹,MILD\n"
            + "P0002,,,,NONE\n";

    private final RecordingAllergies allergies;
    private final AllergyStore store;
    private final boolean demoData;

    public SeedingDemoAllergies(RecordingAllergies allergies, AllergyStore store, ContinuityServerConfig config) {
        this.allergies = allergies;
        this.store = store;
        this.demoData = config.kiosk().demoData();
    }

    void onStart(@Observes @Priority(21) StartupEvent event) {
        seed().await().atMost(Duration.ofMinutes(1));
    }

    public Uni<Void> seed() {
        return !demoData ? Uni.createFrom().voidItem() : store.importCount().chain(n -> n > 0 ? Uni.createFrom().voidItem()
                : allergies.importCsv(DEMO_ALLERGIES, "DEMO", "demo-seed").invoke(i -> Log.infof("demo allergies seeded")).replaceWithVoid());
    }
}
