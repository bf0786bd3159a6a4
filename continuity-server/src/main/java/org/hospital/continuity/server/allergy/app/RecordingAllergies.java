package org.hospital.continuity.server.allergy.app;

import org.hospital.continuity.server.kiosk.KioskReference;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.UUID;
import org.hospital.continuity.server.allergy.domain.AllergyCsv;
import org.hospital.continuity.server.allergy.persistence.AllergyStore;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * Records patients' allergies for the kiosks: from an import of the HIS's allergy list
 * (or a future HIS feed, source {@code HIS}). The whole import is checked first (422 naming each
 * line, nothing stored), then stored in one transaction with a new reference snapshot version, so
 * every kiosk fetches it on its next refresh.
 */
@ApplicationScoped
public class RecordingAllergies {

    /** What an import stored. */
    public record Imported(UUID id, int patients, int entries) {
    }

    private final AllergyStore store;
    private final KioskReference reference;
    private final InstantSource clock;

    public RecordingAllergies(AllergyStore store, KioskReference reference, InstantSource clock) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
    }

    public Uni<Imported> importCsv(String csv, String source, String by) {
        return reference.knownPatients().chain(known -> {
            AllergyCsv.Parsed parsed = AllergyCsv.parse(csv, known::contains);
            if (!parsed.problems().isEmpty()) {
                return Uni.createFrom().failure(new DomainRejection(422, "allergy-import-unreadable", null,
                        String.join("; ", parsed.problems())));
            }
            UUID id = UUID.randomUUID();
            return store.pool().withTransaction(c -> store.record(c, id, source, by, clock.instant(), parsed)
                            .chain(() -> reference.changed(c, clock.instant())))
                    .map(v -> new Imported(id, parsed.patients().size(), parsed.entries().size()))
                    .invoke(i -> Log.infof("allergy import stored import=%s source=%s patients=%d entries=%d", i.id(), source,
                            i.patients(), i.entries()));
        });
    }
}
