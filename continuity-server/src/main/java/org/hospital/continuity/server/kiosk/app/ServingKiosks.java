package org.hospital.continuity.server.kiosk.app;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.server.kiosk.domain.KioskIdentity;
import org.hospital.continuity.server.kiosk.domain.KioskWire;
import org.hospital.continuity.server.kiosk.domain.StaffVerifiers;
import org.hospital.continuity.server.kiosk.persistence.KioskRegistryRepository;
import org.hospital.continuity.server.kiosk.persistence.ReferenceRepository;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * Reference snapshots for kiosks (catalogue, dictionary, departments, doctors, known patients) with
 * the offline login verifiers of the kiosk's department — never passwords (HR-3).
 */
@ApplicationScoped
public class ServingKiosks {

    private final ReferenceRepository reference;
    private final KioskRegistryRepository kiosks;
    private final InstantSource clock;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public ServingKiosks(ReferenceRepository reference, KioskRegistryRepository kiosks, InstantSource clock, ContinuityServerConfig config) {
        this.reference = reference;
        this.kiosks = kiosks;
        this.clock = clock;
        this.iterations = config.kiosk().verifierIterations();
    }

    public Uni<KioskWire.Snapshot> snapshot(KioskIdentity kiosk) {
        return kiosks.verifiers(kiosk.departmentCode())
                .map(list -> list.stream().map(v -> new KioskWire.StaffVerifier(v.accountId(), v.displayName(), v.roles(), v.algorithm(),
                        v.salt(), v.iterations(), v.hash())).toList())
                .chain(reference::snapshot)
                .invoke(s -> Log.infof("snapshot served kiosk=%s version=%s items=%d", kiosk.kioskId(), s.version(), s.items().size()));
    }

    /**
     * Publishes (creates or replaces) a staff member's offline verifier for the kiosks of a
     * department. The account service calls this whenever a password is set; the password itself is
     * never stored here.
     */
    public Uni<Void> publishVerifier(String accountId, String displayName, String departmentCode, List<String> roles, char[] password) {
        String weakness = StaffVerifiers.weakness(new String(password));
        if (weakness != null) {
            return Uni.createFrom().failure(new DomainRejection(422, "weak-password", "HR-3", weakness));
        }
        StaffVerifiers.Verifier v = StaffVerifiers.derive(accountId, displayName, departmentCode, roles, password, iterations, random);
        return kiosks.upsertVerifier(v, clock.instant())
                .invoke(() -> Log.infof("offline verifier published account=%s department=%s", accountId, departmentCode));
    }
}
