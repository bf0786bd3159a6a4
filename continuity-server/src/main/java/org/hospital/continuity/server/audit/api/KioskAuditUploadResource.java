package org.hospital.continuity.server.audit.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.audit.app.ReceivingKioskAudit;
import org.hospital.continuity.server.kiosk.KioskIdentity;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.sync.audit.AuditRecord;

/** Kiosks send their audit entries here with their sync credential, exactly once (HR-8); a revoked kiosk is refused. */
@Path("/api/kiosk/audit")
@Produces(MediaType.APPLICATION_JSON)
public class KioskAuditUploadResource {

    private final ReceivingKioskAudit receiving;
    private final SecurityIdentity identity;

    public KioskAuditUploadResource(ReceivingKioskAudit receiving, SecurityIdentity identity) {
        this.receiving = receiving;
        this.identity = identity;
    }

    /** A kiosk's audit entries, in its own chain order (HR-8). */
    public record KioskEntry(@PositiveOrZero long seq, @NotNull UUID id, @NotNull Instant at, @NotNull @Size(max = 200) String actor,
                             @NotNull @Size(max = 20) String actorKind, @NotBlank @Size(max = 300) String action,
                             @NotNull @Size(max = 40) String category, @NotNull @Size(max = 20) String outcome,
                             @NotNull @Size(max = 100) String source, @NotNull @Size(max = 100) String recordType,
                             @NotNull @Size(max = 400) String recordId, @NotNull @Size(max = 600) String detail,
                             @NotNull @Pattern(regexp = "[0-9a-f]{64}") String prevHash, @NotNull @Pattern(regexp = "[0-9a-f]{64}") String hash) {
        AuditRecord record() {
            return new AuditRecord(seq, id, at, actor, actorKind, action, category, outcome, source, recordType, recordId, detail,
                    prevHash, hash);
        }
    }

    public record KioskUpload(@NotNull @Size(max = 500) List<@Valid @NotNull KioskEntry> entries) {
    }

    public record KioskReceipt(long storedThrough) {
    }

    @POST
    @RolesAllowed(Roles.KIOSK)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<KioskReceipt> receive(@Valid @NotNull KioskUpload upload) {
        KioskIdentity kiosk = identity.getAttribute(KioskIdentity.ATTRIBUTE);
        if (kiosk == null) {
            return Uni.createFrom().failure(new DomainRejection(401, "kiosk-unauthenticated", null, "Unknown kiosk or wrong credential."));
        }
        return receiving.receive(kiosk.kioskId(), upload.entries().stream().map(KioskEntry::record).toList()).map(KioskReceipt::new);
    }
}
