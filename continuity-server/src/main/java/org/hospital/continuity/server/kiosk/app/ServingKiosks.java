package org.hospital.continuity.server.kiosk.app;

import org.hospital.continuity.server.kiosk.KioskVerifiers;
import org.hospital.continuity.server.kiosk.StaffVerifier;
import org.hospital.continuity.server.platform.persistence.Tx;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.server.platform.security.StaffRole;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.server.kiosk.KioskIdentity;
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
public class ServingKiosks implements KioskVerifiers {

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
                .chain(staff -> reference.snapshot(staff, kiosk.departmentCode()))
                .invoke(s -> Log.infof("snapshot served kiosk=%s version=%s items=%d", kiosk.kioskId(), s.version(), s.items().size()));
    }

    /**
     * The offline verifier of a server account whose password is being set (HR-3), derived off the
     * event loop; empty when the person holds no kiosk role. Store it with {@link #storeAccountVerifier}
     * in the transaction that sets the password, so the kiosks of the person's department receive
     * the new verifier with their next snapshot, and never a stale one.
     */
    @Override
    public Uni<Optional<StaffVerifier>> accountVerifier(String username, String displayName, String departmentCode,
                                                                  Set<StaffRole> staffRoles, char[] password) {
        List<String> roles = StaffVerifiers.kioskRoles(staffRoles);
        if (roles.isEmpty() || departmentCode == null) {
            java.util.Arrays.fill(password, '\0');
            return Uni.createFrom().item(Optional.empty());
        }
        return derive(username, displayName, departmentCode, roles, password).map(Optional::of);
    }

    /** Stores (or, for a person without kiosk roles, removes) an account's verifier on the caller's transaction. */
    @Override
    public Uni<Void> storeAccountVerifier(Tx c, String username, Optional<StaffVerifier> verifier) {
        Instant now = clock.instant();
        return verifier.map(v -> kiosks.upsertVerifier(c, v, now)
                        .invoke(() -> Log.infof("offline verifier published account=%s department=%s", username, v.departmentCode())))
                .orElseGet(() -> kiosks.deleteVerifier(c, username));
    }

    /**
     * HR-7: a disabled account's verifier is withdrawn from the kiosks (absent from every later
     * snapshot, so a kiosk drops it on its next refresh); enabling the account restores it.
     */
    @Override
    public Uni<Void> withdrawAccountVerifier(Tx c, String username, boolean withdrawn) {
        return kiosks.withdrawVerifier(c, username, withdrawn, clock.instant())
                .invoke(() -> Log.infof("offline verifier %s account=%s", withdrawn ? "withdrawn" : "restored", username));
    }

    private Uni<StaffVerifier> derive(String accountId, String displayName, String departmentCode, List<String> roles,
                                                char[] password) {
        return Uni.createFrom().item(() -> StaffVerifiers.derive(accountId, displayName, departmentCode, roles, password, iterations, random))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
