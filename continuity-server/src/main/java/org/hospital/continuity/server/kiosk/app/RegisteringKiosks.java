package org.hospital.continuity.server.kiosk.app;

import org.hospital.continuity.server.platform.persistence.Tx;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.server.kiosk.domain.KioskWire;
import org.hospital.continuity.server.kiosk.domain.Secrets;
import org.hospital.continuity.server.kiosk.persistence.KioskRegistryRepository;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * The kiosk registry: an administrator creates a kiosk for a department and gets a one-time code;
 * the kiosk redeems it once (while online) for its credential, department and first number blocks;
 * later it asks for more blocks. Blocks are unique per kiosk: cut from one counter per pool.
 */
@ApplicationScoped
public class RegisteringKiosks {

    /** What an administrator gets: the kiosk id and the code to type on the kiosk (shown once). */
    public record Created(String kioskId, String name, String departmentCode, String code, Instant codeExpiresAt) {
    }

    private final KioskRegistryRepository kiosks;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Duration codeValidity;
    private final Duration blockValidity;
    private final int patientBlockSize;
    private final int invoiceBlockSize;

    public RegisteringKiosks(KioskRegistryRepository kiosks, InstantSource clock, ContinuityServerConfig config) {
        this.kiosks = kiosks;
        this.clock = clock;
        this.codeValidity = config.kiosk().codeValidity();
        this.blockValidity = config.kiosk().blockValidity();
        this.patientBlockSize = config.kiosk().patientBlockSize();
        this.invoiceBlockSize = config.kiosk().invoiceBlockSize();
    }

    public Uni<Created> create(String name, String departmentCode, String createdBy) {
        String id = "K-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String code = Secrets.enrolmentCode(random);
        Instant now = clock.instant();
        Instant expires = now.plus(codeValidity);
        return kiosks.pool().withTransaction(c -> kiosks.insertKiosk(c, id, name, departmentCode, createdBy, now, Secrets.sha256(code), expires))
                .invoke(() -> Log.infof("kiosk created kiosk=%s department=%s by=%s", id, departmentCode, createdBy))
                .replaceWith(new Created(id, name, departmentCode, code, expires));
    }

    /** Redeems a one-time code: exactly once, before it expires; returns the credential (shown once). */
    public Uni<KioskWire.Enrolled> enrol(String typedCode) {
        Instant now = clock.instant();
        String secret = Secrets.credential(random);
        return kiosks.pool().withTransaction(c -> kiosks.redeem(c, Secrets.sha256(Secrets.normaliseCode(typedCode)), now)
                .chain(kioskId -> kioskId.isEmpty()
                        ? Uni.createFrom().failure(new DomainRejection(409, "enrolment-code-invalid", null,
                        "This enrolment code is unknown, expired or already used; ask the administrator for a new one."))
                        : kiosks.markEnrolled(c, kioskId.get(), Secrets.sha256(secret), now)
                        .chain(() -> kiosks.kiosk(c, kioskId.get()))
                        .chain(k -> allocate(c, kioskId.get(), "PATIENT").chain(p -> allocate(c, kioskId.get(), "INVOICE")
                                .map(i -> new KioskWire.Enrolled(k.orElseThrow().id(), secret, k.orElseThrow().name(),
                                        k.orElseThrow().departmentCode(), null, List.of(p, i)))))))
                // the department's display name is read after the commit: the directory is never read while a transaction is held
                .chain(e -> kiosks.departmentName(e.departmentCode()).map(name -> new KioskWire.Enrolled(e.kioskId(), e.secret(), e.kioskName(),
                        e.departmentCode(), name, e.blocks())))
                .invoke(e -> Log.infof("kiosk enrolled kiosk=%s", e.kioskId()));
    }

    /** One more block of {@code pool} for an enrolled kiosk. */
    public Uni<KioskWire.Block> block(String kioskId, String pool) {
        if (!"PATIENT".equals(pool) && !"INVOICE".equals(pool)) {
            return Uni.createFrom().failure(new DomainRejection(422, "unknown-pool", null, "Pool must be PATIENT or INVOICE."));
        }
        return kiosks.pool().withTransaction(c -> allocate(c, kioskId, pool))
                .invoke(b -> Log.infof("number block issued kiosk=%s pool=%s first=%d last=%d", kioskId, pool, b.first(), b.last()));
    }

    public Uni<List<KioskRegistryRepository.KioskRow>> list() {
        return kiosks.kiosks();
    }

    public Uni<Void> revoke(String kioskId) {
        return kiosks.revoke(kioskId).invoke(() -> Log.infof("kiosk revoked kiosk=%s", kioskId));
    }

    public Uni<List<KioskWire.Block>> blocks(String kioskId) {
        return kiosks.blocks(kioskId).map(rows -> {
            List<KioskWire.Block> out = new ArrayList<>();
            rows.forEach(r -> out.add(new KioskWire.Block(r.id().toString(), r.pool(), r.prefix(), r.first(), r.last(), r.expiresAt())));
            return out;
        });
    }

    private Uni<KioskWire.Block> allocate(Tx c, String kioskId, String pool) {
        Instant now = clock.instant();
        int size = "PATIENT".equals(pool) ? patientBlockSize : invoiceBlockSize;
        return kiosks.allocate(c, pool, kioskId, size, now, now.plus(blockValidity))
                .map(b -> new KioskWire.Block(b.id().toString(), b.pool(), b.prefix(), b.first(), b.last(), b.expiresAt()));
    }
}
