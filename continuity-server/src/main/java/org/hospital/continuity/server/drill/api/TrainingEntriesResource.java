package org.hospital.continuity.server.drill.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.hospital.continuity.server.drill.app.ReceivingTrainingEntries;
import org.hospital.continuity.server.kiosk.KioskIdentity;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;

/**
 * HR-21: kiosks send the entries of a drill's training namespace here (kiosk credential), never through the real sync;
 * they are kept apart from the real journal entries until the drill's purge.
 */
@Path("/api/kiosk/drills/{drillId}/training-entries")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingEntriesResource {

    private final ReceivingTrainingEntries receiving;
    private final SecurityIdentity identity;

    public TrainingEntriesResource(ReceivingTrainingEntries receiving, SecurityIdentity identity) {
        this.receiving = receiving;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.KIOSK)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ReceivingTrainingEntries.Receipt> push(@PathParam("drillId") UUID drillId, ReceivingTrainingEntries.Push push) {
        KioskIdentity kiosk = identity.getAttribute(KioskIdentity.ATTRIBUTE);
        if (kiosk == null) {
            return Uni.createFrom().failure(new DomainRejection(401, "kiosk-unauthenticated", null, "Only an enrolled kiosk sends training entries."));
        }
        return Uni.createFrom().deferred(() -> receiving.receive(kiosk.kioskId(), drillId, push));
    }
}
