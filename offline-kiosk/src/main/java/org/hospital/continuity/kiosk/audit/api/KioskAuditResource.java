package org.hospital.continuity.kiosk.audit.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.hospital.continuity.kiosk.audit.app.KioskAuditLog;
import org.hospital.continuity.kiosk.platform.security.KioskRoles;
import org.hospital.continuity.sync.audit.AuditRecord;

/** This kiosk's audit log for its supervisor (HR-8): newest first, paged, and the chain check. Reading it is audited. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@RolesAllowed(KioskRoles.SUPERVISOR)
public class KioskAuditResource {

    private final KioskAuditLog audit;

    public KioskAuditResource(KioskAuditLog audit) {
        this.audit = audit;
    }

    public record Page(int page, int size, List<AuditRecord> entries, long storedOnServerThrough) {
    }

    @GET
    public Page page(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return new Page(page, size, audit.page(page, size), audit.storedThrough());
    }

    @GET
    @Path("/verification")
    public KioskAuditLog.Report verify() {
        return audit.verify();
    }
}
