package org.hospital.continuity.server.drill.app;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hospital.continuity.server.drill.persistence.TrainingEntryRows;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.sync.contract.BatchContent;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.Violation;
import org.hospital.continuity.sync.envelope.Utf8Text;
import org.hospital.continuity.sync.protocol.Backlog;
import org.hospital.continuity.sync.protocol.BatchCheck;
import org.hospital.continuity.sync.protocol.PushBatch;
import org.hospital.continuity.sync.protocol.SyncProtocol;
import org.hospital.continuity.sync.protocol.WireEntry;

/**
 * HR-21: a kiosk sends the entries it captured in a drill's training namespace. They are checked as every push is (the
 * envelope, the content hash, the record contract) and must all be of that kiosk's namespace of that drill, then kept in
 * {@code drill_training_entry}, never in {@code sync_entry}: no write-back into the HIS, no real ledger, board or incident
 * ever sees them; the drill's report counts them and its purge deletes them. A drill already purged keeps nothing (the
 * kiosk purges its copy on the same signal).
 */
@ApplicationScoped
public class ReceivingTrainingEntries {

    /** One entry as it travels (every field may be missing: checked before anything is stored). */
    public record Entry(UUID entryId, String kioskId, Long kioskSeq, String streamType, UUID streamId, Integer streamVersion,
                        String eventType, Integer schemaVersion, String payload, String contentHash, java.time.Instant recordedAt, Long hlc,
                        String actor) {
    }

    /** A training push: the namespace (the entries' kiosk id) and its entries. */
    public record Push(String kioskId, List<Entry> entries) {
    }

    /** What was kept: stored now, held already, discarded (the drill was purged), the highest sequence of the push. */
    public record Receipt(long stored, long duplicates, long discarded, long upToSeq) {
    }

    private final TrainingEntryRows rows;
    private final InstantSource clock;
    private final int maxSchemaVersion;

    public ReceivingTrainingEntries(TrainingEntryRows rows, InstantSource clock,
                                    @ConfigProperty(name = "continuity.sync-receiver.max-schema-version", defaultValue = "2") int maxSchemaVersion) {
        this.rows = rows;
        this.clock = clock;
        this.maxSchemaVersion = maxSchemaVersion;
    }

    /** The kiosk id of the training entries of {@code drill} on the kiosk {@code kioskId} (as the kiosk names them). */
    public static String namespace(String kioskId, UUID drill) {
        return kioskId + "~drill-" + drill.toString().substring(0, 8);
    }

    public Uni<Receipt> receive(String kioskId, UUID drill, Push push) {
        if (push == null || push.entries() == null || push.entries().isEmpty() || push.entries().contains(null)) {
            throw new DomainRejection(422, "training-push-empty", "HR-21", "A training push carries at least one entry, and no empty one.");
        }
        String namespace = namespace(kioskId, drill);
        List<WireEntry> wire = push.entries().stream().map(e -> new WireEntry(e.entryId(), e.kioskId(), e.kioskSeq(),
                e.streamType(), e.streamId(), e.streamVersion(), e.eventType(), e.schemaVersion(), e.payload() == null ? null : Utf8Text.of(e.payload()),
                e.contentHash(), e.recordedAt(), e.hlc(), e.actor())).toList();
        PushBatch batch = new PushBatch(SyncProtocol.VERSION, push.kioskId(), UUID.randomUUID(), new Backlog(0, null, 0), wire);
        // every entry must be of this kiosk's training namespace of this drill (a real kiosk id is refused: never stored apart)
        BatchCheck.Verdict verdict = BatchCheck.check(batch, namespace, BatchCheck.Limits.defaults(maxSchemaVersion));
        if (verdict instanceof BatchCheck.Invalid invalid) {
            Log.warnf("training push refused: %s kiosk=%s drill=%s", invalid.slug(), kioskId, drill);
            throw new DomainRejection(invalid.status() == 401 || invalid.status() == 403 ? 422 : invalid.status(), invalid.slug(), "HR-21",
                    invalid.detail() + (invalid.violations().isEmpty() ? "" : " " + invalid.violations().get(0).field() + ": "
                            + invalid.violations().get(0).message()));
        }
        List<WireEntry> checked = ((BatchCheck.Valid) verdict).checked();
        List<Violation> content = BatchContent.check(checked, Contract.CURRENT);
        if (!content.isEmpty()) {
            Log.warnf("training push refused: record-content-invalid kiosk=%s drill=%s violations=%d", kioskId, drill, content.size());
            throw new DomainRejection(422, "record-content-invalid", "HR-21", "Some records of this push break the record contract ("
                    + content.get(0).field() + "); nothing was stored.");
        }
        long upTo = checked.stream().mapToLong(WireEntry::kioskSeq).max().orElse(0);
        return rows.purged(drill).chain(purged -> {
            if (purged == null) {
                throw DomainRejection.notFound("Drill " + drill);
            }
            if (purged) {
                Log.infof("training push of a purged drill discarded kiosk=%s drill=%s entries=%d", kioskId, drill, checked.size());
                return Uni.createFrom().item(new Receipt(0, 0, checked.size(), upTo));
            }
            return rows.store(drill, kioskId, namespace, checked, clock.instant()).map(s -> {
                Log.debugf("training entries stored kiosk=%s drill=%s stored=%d duplicates=%d", kioskId, drill, s.stored(), s.duplicates());
                return new Receipt(s.stored(), s.duplicates(), 0, upTo);
            });
        });
    }
}
