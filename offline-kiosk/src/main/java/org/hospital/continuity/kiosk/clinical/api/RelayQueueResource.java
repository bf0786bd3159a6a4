package org.hospital.continuity.kiosk.clinical.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.hospital.continuity.kiosk.clinical.app.RelayQueues;
import org.hospital.continuity.kiosk.clinical.domain.ClinicalRoles;
import org.hospital.continuity.kiosk.session.Sessions;

/**
 * HIS down, LAN up: the relay screen's rows for the signed-in person's roles (HR-5), answered at once or, with
 * {@code waitMillis}, as soon as something new arrives from another station.
 */
@Path("/api/relay")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RelayQueueResource {

    private final RelayQueues queues;
    private final Sessions sessions;

    public RelayQueueResource(RelayQueues queues, Sessions sessions) {
        this.queues = queues;
        this.sessions = sessions;
    }

    @GET
    @RolesAllowed({ClinicalRoles.DOCTOR, ClinicalRoles.NURSE, ClinicalRoles.MEDTECH, ClinicalRoles.PHARMACIST})
    public RelayQueues.Queue queue(@CookieParam(Sessions.COOKIE) String token, @QueryParam("since") @DefaultValue("-1") long since,
                                   @QueryParam("waitMillis") @DefaultValue("0") long waitMillis) throws InterruptedException {
        var staff = sessions.require(token);
        return queues.queue(staff.roles(), since, waitMillis);
    }
}
