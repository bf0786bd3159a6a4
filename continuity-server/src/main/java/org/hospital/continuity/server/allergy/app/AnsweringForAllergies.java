package org.hospital.continuity.server.allergy.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hospital.continuity.server.allergy.domain.AllergyCsv;
import org.hospital.continuity.server.allergy.persistence.AllergyStore;
import org.hospital.continuity.server.kiosk.PatientAllergies;
import org.hospital.continuity.server.platform.persistence.Tx;

/** The allergy feature's answer to the kiosks' {@link PatientAllergies}: a "no known allergy" entry lists nothing. */
@ApplicationScoped
public class AnsweringForAllergies implements PatientAllergies {

    private final AllergyStore store;

    public AnsweringForAllergies(AllergyStore store) {
        this.store = store;
    }

    @Override
    public Uni<Map<String, Statement>> current(Tx tx) {
        return store.current(tx).map(current -> {
            Map<String, Statement> out = new LinkedHashMap<>();
            current.forEach((patient, a) -> out.put(patient, new Statement(a.entries().stream()
                    .filter(e -> e.severity() != AllergyCsv.Severity.NONE)
                    .map(e -> new Allergy(e.allergenCode(), e.allergen(), e.reaction(), e.severity().name())).toList(), a.recordedAt())));
            return out;
        });
    }
}
