package org.hospital.continuity.server.backup.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import jakarta.ws.rs.core.MediaType;
import org.hospital.continuity.server.backup.persistence.TestingRestore;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;

/**
 * HR-19, EP-7.5: run a backup restore test ({@code bin/restore-test.sh} calls this) and read the latest result and the history.
 * Blocking (the backup and the restore take a while): on a worker thread.
 */
@Path("/api/admin/restore-tests")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RestoreTestResource {

    private final TestingRestore restore;
    private final SecurityIdentity identity;

    public RestoreTestResource(TestingRestore restore, SecurityIdentity identity) {
        this.restore = restore;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public TestingRestore.Result run() {
        Staff s = Staff.of(identity);
        return restore.run(s == null ? identity.getPrincipal().getName() : s.personName());
    }

    /** HR-19: the restore tests run so far, newest first (the operations page shows them). */
    @GET
    @RolesAllowed(Roles.IT)
    public List<JsonObject> history(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return restore.history(limit);
    }

    @GET
    @Path("/latest")
    @RolesAllowed(Roles.IT)
    public JsonObject latest() {
        JsonObject j = restore.latest();
        if (j == null) {
            throw DomainRejection.notFound("Restore test (none has been run yet)");
        }
        return j;
    }
}
