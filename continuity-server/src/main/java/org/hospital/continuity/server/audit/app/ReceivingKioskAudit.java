package org.hospital.continuity.server.audit.app;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hospital.continuity.server.audit.persistence.AuditStore;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.sync.audit.AuditChain;
import org.hospital.continuity.sync.audit.AuditRecord;

/**
 * Takes a kiosk's audit entries into the server's log, exactly once (HR-8): entries the server already holds
 * are skipped (a retried upload), the rest must continue the kiosk's own chain from the last entry held, or
 * the whole batch is refused (a gap or an altered entry is reported, nothing stored). The answer is the last
 * kiosk position held; the kiosk sends from there next time.
 */
@ApplicationScoped
public class ReceivingKioskAudit {

    private final AuditStore store;

    public ReceivingKioskAudit(AuditStore store) {
        this.store = store;
    }

    public Uni<Long> receive(String kioskId, List<AuditRecord> entries) {
        return store.pool().withTransaction(tx -> store.lastOfOrigin(tx, kioskId).chain(last -> {
            AuditChain.Walker walker = new AuditChain.Walker(last.seq(), last.hash());
            List<AuditRecord> fresh = entries.stream().filter(e -> e.seq() > last.seq())
                    .sorted(java.util.Comparator.comparingLong(AuditRecord::seq)).toList();
            for (AuditRecord e : fresh) {
                var broken = walker.next(e);
                if (broken.isPresent()) {
                    Log.warnf("kiosk audit refused kiosk=%s seq=%d: %s", kioskId, broken.get().seq(), broken.get().reason());
                    return Uni.createFrom().failure(new DomainRejection(409, "audit-chain-broken", "HR-9",
                            "Audit entry " + broken.get().seq() + " of kiosk " + kioskId + " does not continue its chain ("
                                    + broken.get().reason() + "); the server holds up to " + last.seq() + "."));
                }
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (AuditRecord e : fresh) {
                AuditStore.Origin origin = new AuditStore.Origin(kioskId, e.seq(), e.prevHash(), e.hash());
                chain = chain.chain(() -> store.append(tx, e, origin).replaceWithVoid());
            }
            long through = fresh.isEmpty() ? last.seq() : fresh.get(fresh.size() - 1).seq();
            return chain.replaceWith(through);
        }));
    }
}
