package org.hospital.continuity.server.integrity.app;

import org.hospital.continuity.server.platform.persistence.Locks;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.server.incident.IncidentIntake;
import org.hospital.continuity.server.integrity.domain.Catalogue;
import org.hospital.continuity.server.integrity.domain.CsvSnapshot;
import org.hospital.continuity.server.integrity.domain.IntegrityPolicy;
import org.hospital.continuity.server.integrity.domain.ReferenceItem;
import org.hospital.continuity.server.integrity.persistence.SnapshotStore;
import org.hospital.continuity.server.integrity.persistence.SnapshotStore.Snapshot;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Staff;

/**
 * EP-4.1 integrity watch over the price catalogue and the drug dictionary: every import is compared with the
 * current snapshot (the one kiosks are served). An ordinary change becomes current; an emptied dictionary, a
 * mass deletion or a mass change is held and raises a Class I integrity alarm. An IT administrator then
 * accepts it (an approved revision, HR-10: the alarm is cleared) or rejects it (the alarm stands).
 */
@ApplicationScoped
public class WatchingReferenceIntegrity {

    private final SnapshotStore store;
    private final IncidentIntake engine;
    private final InstantSource clock;
    private final IntegrityPolicy policy;

    public WatchingReferenceIntegrity(SnapshotStore store, IncidentIntake engine, InstantSource clock, IntegrityConfig config) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
        this.policy = new IntegrityPolicy(config.maxDeletedPercent(), config.maxChangedPercent());
    }

    public Uni<Snapshot> importCsv(Catalogue catalogue, String csv, Staff staff) {
        CsvSnapshot.Parsed parsed = CsvSnapshot.parse(catalogue, csv);
        if (!parsed.problems().isEmpty()) {
            return Uni.createFrom().failure(new DomainRejection(422, "snapshot-unreadable", "HR-10", String.join("; ", parsed.problems())));
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        return store.pool().withTransaction(c -> Locks.exclusive(c, 0x536e6170L + catalogue.ordinal())
                .chain(() -> store.current(c, catalogue))
                .chain(current -> (current == null ? Uni.createFrom().item(Optional.<List<ReferenceItem>>empty())
                        : store.items(c, current.id()).map(Optional::of)).chain(items -> {
                    IntegrityPolicy.Verdict verdict = policy.decide(catalogue, items, parsed.items());
                    IntegrityPolicy.Diff diff = IntegrityPolicy.diff(items.orElse(List.of()), parsed.items());
                    String alarmId = verdict.held() ? UUID.randomUUID().toString() : null;
                    Snapshot s = new Snapshot(id, catalogue, verdict.held() ? "HELD" : "CURRENT", parsed.items().size(), hash(csv), now,
                            staff.accountId(), diff.deleted(), diff.added(), diff.changed(), verdict.reason(), alarmId, null);
                    Uni<Void> supersede = verdict.held() ? Uni.createFrom().voidItem() : store.supersedeCurrent(c, catalogue);
                    return supersede.chain(() -> store.insert(c, s, parsed.items())).replaceWith(new Object[] {s, verdict});
                })))
                .chain(pair -> {
                    Snapshot s = (Snapshot) pair[0];
                    IntegrityPolicy.Verdict verdict = (IntegrityPolicy.Verdict) pair[1];
                    Log.infof("reference snapshot imported id=%s catalogue=%s status=%s", s.id(), catalogue, s.status());
                    if (!verdict.held()) {
                        return Uni.createFrom().item(s);
                    }
                    return engine.submit(new IntegrityAlarm(s.alarmId(), now, verdict.alarm().orElseThrow(), catalogue.name() + " import " + s.id(),
                            verdict.reason())).replaceWith(s);
                });
    }

    /** HR-10: an IT administrator confirms a held import was an approved revision; it becomes current, the alarm clears. */
    public Uni<Snapshot> accept(Catalogue catalogue, UUID id, Staff staff) {
        return decide(catalogue, id, staff, true);
    }

    /** The held import was wrong: it is rejected; the current snapshot stays, the alarm stands until recovery. */
    public Uni<Snapshot> reject(Catalogue catalogue, UUID id, Staff staff) {
        return decide(catalogue, id, staff, false);
    }

    private Uni<Snapshot> decide(Catalogue catalogue, UUID id, Staff staff, boolean accept) {
        Instant now = clock.instant();
        return store.pool().withTransaction(c -> store.byId(c, id).chain(s -> {
            if (s == null || s.catalogue() != catalogue) {
                return Uni.createFrom().failure(DomainRejection.notFound("Snapshot " + id));
            }
            if (!"HELD".equals(s.status())) {
                return Uni.createFrom().failure(DomainRejection.conflict("not-held", "EP-4.1", "Only a held import is accepted or rejected."));
            }
            Uni<Void> chain = accept ? store.supersedeCurrent(c, catalogue).chain(() -> store.setStatus(c, id, "CURRENT", now, staff.accountId()))
                    : store.setStatus(c, id, "REJECTED", now, staff.accountId());
            return chain.chain(() -> store.byId(c, id));
        })).chain(s -> accept && s.alarmId() != null
                ? engine.submit(new Clearance(UUID.randomUUID().toString(), now, staff.personName(), List.of(s.alarmId()),
                        "approved revision of the " + catalogue.en() + " (HR-10)")).replaceWith(s)
                : Uni.createFrom().item(s));
    }

    public Uni<List<Snapshot>> history(Catalogue catalogue, int limit) {
        return store.history(store.pool(), catalogue, limit);
    }

    /** The snapshot kiosks are served, with its entries (the kiosk feature serves it). */
    public Uni<CurrentSnapshot> current(Catalogue catalogue) {
        return store.current(store.pool(), catalogue).onItem().ifNull()
                .failWith(() -> new DomainRejection(404, "no-snapshot", null, "No " + catalogue.en() + " has been imported yet."))
                .chain(s -> store.items(store.pool(), s.id()).map(items -> new CurrentSnapshot(s, items)));
    }

    public record CurrentSnapshot(Snapshot snapshot, List<ReferenceItem> items) {
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
