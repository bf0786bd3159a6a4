package org.hospital.continuity.server.allergy.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.allergy.HisAllergies;
import org.hospital.continuity.server.allergy.domain.AllergyCsv;
import org.hospital.continuity.server.allergy.persistence.AllergyStore;
import org.hospital.continuity.server.platform.persistence.Tx;

/** The allergy feature's answer to {@link HisAllergies}: one append-only import of source HIS per changed pull. */
@ApplicationScoped
public class RecordingHisAllergies implements HisAllergies {

    private final AllergyStore store;

    public RecordingHisAllergies(AllergyStore store) {
        this.store = store;
    }

    @Override
    public Uni<Void> fromHis(Tx tx, List<Entry> entries, Instant asOf) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<AllergyCsv.Entry> rows = new ArrayList<>();
        for (Entry e : entries) {
            AllergyCsv.Severity severity;
            try {
                severity = AllergyCsv.Severity.valueOf(e.severity());
            } catch (IllegalArgumentException | NullPointerException x) {
                severity = AllergyCsv.Severity.UNKNOWN;
            }
            rows.add(new AllergyCsv.Entry(rows.size() + 1, e.patientId(), e.allergenCode(), severity == AllergyCsv.Severity.NONE ? null
                    : e.allergen() == null ? "未注明过敏原" : e.allergen(), e.reaction(), severity));
        }
        return store.record(tx, UUID.randomUUID(), "HIS", "HIS", asOf, new AllergyCsv.Parsed(rows, List.of()));
    }
}
