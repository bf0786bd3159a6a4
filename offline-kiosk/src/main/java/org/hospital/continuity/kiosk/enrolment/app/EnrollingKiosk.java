package org.hospital.continuity.kiosk.enrolment.app;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.List;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.enrolment.integration.ServerClient;
import org.hospital.continuity.kiosk.enrolment.integration.ServerWire;
import org.hospital.continuity.kiosk.enrolment.persistence.KioskIdentityTable;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.crypto.KioskKey;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.pool.NumberPools;
import org.hospital.continuity.kiosk.pool.PoolKind;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.session.OfflineVerifier;
import org.hospital.continuity.kiosk.session.StaffVerifiers;

/**
 * The kiosk's only dependencies on the server, all while online: enrolment with a one-time code
 * (identity, credential, department, first number blocks), snapshot refresh, pool refill.
 * After enrolment every cashier function works with the network gone. What arrives is handed to the
 * features that keep it (pool, reference, session's verifiers), in one transaction each time.
 */
@ApplicationScoped
public class EnrollingKiosk {

    private final KioskDatabase database;
    private final EnrolledKiosk enrolled;
    private final KioskIdentityTable identities;
    private final ServerClient server;
    private final NumberPools pools;
    private final ReferenceData reference;
    private final StaffVerifiers verifiers;
    private final InstantSource clock;
    private final KioskKey key;

    public EnrollingKiosk(KioskDatabase database, EnrolledKiosk enrolled, KioskIdentityTable identities, ServerClient server,
                          NumberPools pools, ReferenceData reference, StaffVerifiers verifiers, InstantSource clock, KioskKey key) {
        this.database = database;
        this.enrolled = enrolled;
        this.identities = identities;
        this.server = server;
        this.pools = pools;
        this.reference = reference;
        this.verifiers = verifiers;
        this.clock = clock;
        this.key = key;
    }

    /** Redeems a one-time code on the server, stores identity and blocks, then pulls the first snapshot. */
    public KioskIdentity enrol(String serverUrl, String code, String kioskName) {
        if (enrolled.identity().isPresent()) {
            throw KioskRejection.conflict("already-enrolled", null, "error.already-enrolled");
        }
        ServerWire.Enrolled answer = server.enrol(serverUrl, new ServerWire.EnrolRequest(code.trim(), kioskName));
        KioskIdentity identity = new KioskIdentity(answer.kioskId(), answer.kioskName(), answer.departmentCode(),
                answer.departmentName(), serverUrl, clock.instant());
        try {
            database.transaction(tx -> {
                identities.store(tx, identity, answer.secret());
                pools.store(tx, issued(answer.blocks()));
                return null;
            });
        } catch (KioskStorageException e) {
            throw new IllegalStateException("enrolment could not be stored", e);
        } finally {
            enrolled.forget();
        }
        Log.infof("kiosk enrolled kiosk=%s department=%s", identity.kioskId(), identity.departmentCode());
        // HR-12: from enrolment on, the data key is on disk only wrapped with the key the server holds for this kiosk
        if (!key.wrapWithServer(identity.kioskId(), serverUrl, answer.secret())) {
            Log.warnf("kiosk data key not wrapped at enrolment; the next round while online does it");
        }
        refreshSnapshot();
        return identity;
    }

    /** Pulls the current reference snapshot (catalogue, dictionary, departments, doctors, census, staff verifiers). */
    public int refreshSnapshot() {
        KioskIdentity identity = enrolled.identity().orElseThrow(() -> KioskRejection.conflict("not-enrolled", null,
                "error.not-enrolled"));
        ServerWire.Snapshot snapshot = server.snapshot(identity.serverUrl(), identity.kioskId(), enrolled.credential());
        try {
            database.transaction(tx -> {
                reference.replace(tx, snapshot.reference());
                verifiers.replaceAll(tx, snapshot.staff().stream().map(v -> new OfflineVerifier(v.accountId(), v.displayName(), v.roles(),
                        v.algorithm(), v.salt(), v.iterations(), v.hash())).toList(), clock.instant());
                return null;
            });
            reference.reload();
        } catch (KioskStorageException e) {
            throw new IllegalStateException("snapshot could not be stored", e);
        }
        Log.infof("reference snapshot refreshed version=%s items=%d staff=%d", snapshot.version(), snapshot.items().size(),
                snapshot.staff().size());
        return snapshot.items().size();
    }

    /** Asks the server for one more block of {@code pool}. */
    public ServerWire.Block refill(PoolKind pool) {
        KioskIdentity identity = enrolled.identity().orElseThrow(() -> KioskRejection.conflict("not-enrolled", null,
                "error.not-enrolled"));
        ServerWire.Block block = server.block(identity.serverUrl(), identity.kioskId(), enrolled.credential(), pool.name());
        try {
            database.transaction(tx -> {
                pools.store(tx, issued(List.of(block)));
                return null;
            });
        } catch (KioskStorageException e) {
            throw new IllegalStateException("number block could not be stored", e);
        }
        return block;
    }

    private static List<NumberPools.IssuedBlock> issued(List<ServerWire.Block> blocks) {
        return blocks.stream().map(b -> new NumberPools.IssuedBlock(b.blockId(), PoolKind.valueOf(b.pool()), b.prefix(), b.first(), b.last(),
                b.expiresAt())).toList();
    }
}
