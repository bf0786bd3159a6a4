package org.hospital.continuity.kiosk.outbox.api;

import jakarta.annotation.security.PermitAll;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hospital.continuity.kiosk.outbox.app.SyncAgent;

/** The sync state for the kiosk banner: unsent count, oldest unsent age, last success, last error; and "sync now". */
@Path("/api/sync")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@PermitAll
public class SyncStatusResource {

    private final SyncAgent agent;

    public SyncStatusResource(SyncAgent agent) {
        this.agent = agent;
    }

    @GET
    @Path("/status")
    public SyncAgent.Status status() {
        return agent.status();
    }

    @POST
    @Path("/push-now")
    public SyncAgent.Status pushNow() {
        return agent.pushNow();
    }
}
