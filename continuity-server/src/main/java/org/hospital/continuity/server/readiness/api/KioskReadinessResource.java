package org.hospital.continuity.server.readiness.api;

import org.hospital.continuity.server.drill.Drills;
import org.hospital.continuity.server.drill.CurrentDrill;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.hospital.continuity.server.kiosk.KioskIdentity;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.readiness.api.ReadinessResource.KioskAnswer;
import org.hospital.continuity.server.readiness.api.ReadinessResource.KioskReport;
import org.hospital.continuity.server.readiness.domain.KioskReadiness;
import org.hospital.continuity.server.readiness.persistence.ReadinessStore;

/**
 * Kiosks report their state ({@code POST /api/kiosk/readiness}, kiosk credentials) and hear back the server's clock
 * and whether a drill is running (their drill banner).
 */
@Path("/api/kiosk/readiness")
@Produces(MediaType.APPLICATION_JSON)
public class KioskReadinessResource {

    private final ReadinessStore store;
    private final Drills drills;
    private final SecurityIdentity identity;
    private final InstantSource clock;

    public KioskReadinessResource(ReadinessStore store, Drills drills, SecurityIdentity identity, InstantSource clock) {
        this.store = store;
        this.drills = drills;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.KIOSK)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<KioskAnswer> report(@Valid @NotNull KioskReport r) {
        KioskIdentity kiosk = identity.getAttribute(KioskIdentity.ATTRIBUTE);
        if (kiosk == null) {
            return Uni.createFrom().failure(new DomainRejection(401, "kiosk-unauthenticated", null, "Only an enrolled kiosk reports readiness."));
        }
        Instant now = clock.instant();
        List<KioskReadiness.Pool> pools = r.pools() == null ? List.of()
                : r.pools().stream().map(p -> new KioskReadiness.Pool(p.pool(), p.remaining(), p.earliestExpiry())).toList();
        return store.save(new ReadinessStore.Report(kiosk.kioskId(), r.kioskClock(), r.softwareVersion(), r.snapshotVersion(),
                        r.snapshotGeneratedAt(), pools, r.backlogPending(), r.oldestUnsentAt(), r.hisDataAsOf(), r.censusWards(),
                        r.wardReportPrintedAt()), now)
                .chain(() -> drills.current())
                .chain(d -> drills.purged().map(purged -> new KioskAnswer(now, r.kioskClock().toEpochMilli() - now.toEpochMilli(), d, purged)));
    }

}
