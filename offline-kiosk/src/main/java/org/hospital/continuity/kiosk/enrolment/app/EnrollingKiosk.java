package org.hospital.continuity.kiosk.enrolment.app;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import org.hospital.continuity.kiosk.enrolment.domain.KioskIdentity;
import org.hospital.continuity.kiosk.enrolment.integration.ServerClient;
import org.hospital.continuity.kiosk.enrolment.integration.ServerWire;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.pool.app.NumberPools;
import org.hospital.continuity.kiosk.pool.domain.PoolKind;
import org.hospital.continuity.kiosk.reference.app.ReferenceData;

/**
 * The kiosk's only dependencies on the server, all while online: enrolment with a one-time code
 * (identity, credential, department, first number blocks), snapshot refresh, pool refill.
 * After enrolment every cashier function works with the network gone.
 */
@ApplicationScoped
public class EnrollingKiosk {

    private final KioskDatabase database;
    private final EnrolledKiosk enrolled;
    private final ServerClient server;
    private final NumberPools pools;
    private final ReferenceData reference;
    private final InstantSource clock;

    public EnrollingKiosk(KioskDatabase database, EnrolledKiosk enrolled, ServerClient server, NumberPools pools,
                          ReferenceData reference, InstantSource clock) {
        this.database = database;
        this.enrolled = enrolled;
        this.server = server;
        this.pools = pools;
        this.reference = reference;
        this.clock = clock;
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
            database.inTransaction(c -> {
                enrolled.store(c, identity, answer.secret());
                pools.store(c, answer.blocks());
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("enrolment could not be stored", e);
        } finally {
            enrolled.forget();
        }
        Log.infof("kiosk enrolled kiosk=%s department=%s", identity.kioskId(), identity.departmentCode());
        refreshSnapshot();
        return identity;
    }

    /** Pulls the current reference snapshot (catalogue, dictionary, departments, doctors, census, staff verifiers). */
    public int refreshSnapshot() {
        KioskIdentity identity = enrolled.identity().orElseThrow(() -> KioskRejection.conflict("not-enrolled", null,
                "error.not-enrolled"));
        ServerWire.Snapshot snapshot = server.snapshot(identity.serverUrl(), identity.kioskId(), enrolled.credential());
        try {
            database.inTransaction(c -> {
                reference.replace(c, snapshot);
                return null;
            });
            reference.reload();
        } catch (SQLException e) {
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
            database.inTransaction(c -> {
                pools.store(c, List.of(block));
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("number block could not be stored", e);
        }
        return block;
    }
}
