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
import org.hospital.continuity.server.integrity.persistence.ApprovalStore;
import org.hospital.continuity.server.integrity.CatalogueFeed;
import org.hospital.continuity.server.integrity.VerifiedCatalogues;
import org.hospital.continuity.server.integrity.domain.CatalogueChanges;
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
public class WatchingReferenceIntegrity implements CatalogueFeed {

    /** Who imports what the HIS feed read (no person: the feed itself). */
    static final UUID HIS_FEED = new UUID(0L, 0x4849_5346L);

    private final SnapshotStore store;
    private final IncidentIntake engine;
    private final InstantSource clock;
    private final IntegrityPolicy policy;

    private final ApprovalStore approvals;

    public WatchingReferenceIntegrity(SnapshotStore store, ApprovalStore approvals, IncidentIntake engine, InstantSource clock,
                                      IntegrityConfig config) {
        this.store = store;
        this.approvals = approvals;
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
                    return engine.submit(new IntegrityAlarm(s.alarmId(), now, verdict.alarm().orElseThrow(), catalogue.zh() + "文件导入",
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

    /**
     * EP-4.1, HR-10: a pull of the HIS feed. Unchanged content does nothing; the first pull becomes current; a pull whose
     * every change an approval covers becomes current; otherwise it is held and a Class I integrity alarm is raised with
     * the unapproved entries as evidence, whatever their count. A held pull seen again once its changes are approved
     * becomes current and its alarm is cleared.
     */
    @Override
    public Uni<Outcome> received(boolean drugDictionary, List<VerifiedCatalogues.Item> received, Instant asOf) {
        Catalogue catalogue = drugDictionary ? Catalogue.DRUG_DICTIONARY : Catalogue.PRICE_CATALOGUE;
        List<ReferenceItem> next = received.stream().map(i -> new ReferenceItem(i.code(), i.name(), i.specification(), i.unit(), i.priceFen(),
                i.insuranceClass(), i.category())).sorted(java.util.Comparator.comparing(ReferenceItem::code)).toList();
        String hash = hash(canonical(next));
        Instant now = clock.instant();
        return store.pool().withTransaction(c -> Locks.exclusive(c, 0x536e6170L + catalogue.ordinal())
                .chain(() -> store.undecidedOrRejected(c, catalogue, hash))
                .chain(last -> store.current(c, catalogue).chain(current -> {
                    // the same content seen before: held (re-checked against the approvals) or rejected (the alarm stands)
                    boolean heldAgain = last != null && "HELD".equals(last.status());
                    if (current != null && hash.equals(current.contentHash()) || last != null && !heldAgain) {
                        return Uni.createFrom().item(new FeedStep(null, new Outcome("UNCHANGED", 0, List.of()), null));
                    }
                    if (current == null) {
                        Snapshot s = fed(UUID.randomUUID(), catalogue, "CURRENT", next.size(), hash, now, 0, next.size(), 0,
                                "first snapshot of the " + catalogue.en() + " from the HIS", null);
                        return store.insert(c, s, next).chain(() -> store.markFromHis(c, s.id()))
                                .replaceWith(new FeedStep(s, new Outcome("CURRENT", next.size(), List.of()), null));
                    }
                    return store.items(c, current.id()).chain(before -> approvals.valid(c, catalogue, asOf).chain(valid -> {
                        List<CatalogueChanges.Change> changes = CatalogueChanges.between(before, next);
                        List<CatalogueChanges.Change> unapproved = CatalogueChanges.unapproved(changes,
                                valid.stream().map(ApprovalStore.Stored::approval).toList(), asOf);
                        List<String> evidence = unapproved.stream().map(CatalogueChanges.Change::evidence).toList();
                        if (changes.isEmpty()) {
                            return Uni.createFrom().item(new FeedStep(null, new Outcome("UNCHANGED", 0, List.of()), null));
                        }
                        if (heldAgain) {
                            if (!unapproved.isEmpty()) {
                                return Uni.createFrom().item(new FeedStep(null, new Outcome("HELD", changes.size(), evidence), null));
                            }
                            // the changes held back were approved since: the held pull becomes current, its alarm clears
                            return store.supersedeCurrent(c, catalogue).chain(() -> store.setStatus(c, last.id(), "CURRENT", now, HIS_FEED))
                                    .replaceWith(new FeedStep(last, new Outcome("CURRENT", changes.size(), List.of()), last.alarmId()));
                        }
                        long deleted = changes.stream().filter(x -> x.kind() == CatalogueChanges.Kind.DELETED).count();
                        long added = changes.stream().filter(x -> x.kind() == CatalogueChanges.Kind.ADDED).count();
                        int changed = (int) (changes.size() - deleted - added);
                        boolean held = !unapproved.isEmpty();
                        String verdict = held ? truncate(unapproved.size() + " of " + changes.size() + " changes not approved (EP-4.1): "
                                + String.join("; ", unapproved.stream().map(CatalogueChanges.Change::code).toList()))
                                : changes.size() + " approved changes";
                        Snapshot s = fed(UUID.randomUUID(), catalogue, held ? "HELD" : "CURRENT", next.size(), hash, now, (int) deleted, (int) added,
                                changed, verdict, held ? UUID.randomUUID().toString() : null);
                        Uni<Void> supersede = held ? Uni.createFrom().voidItem() : store.supersedeCurrent(c, catalogue);
                        return supersede.chain(() -> store.insert(c, s, next)).chain(() -> store.markFromHis(c, s.id()))
                                .replaceWith(new FeedStep(s, new Outcome(s.status(), changes.size(), evidence), null))
                                .invoke(step -> {
                                    if (held) {
                                        step.alarm = new IntegrityAlarm(s.alarmId(), now, CatalogueChanges.alarm(catalogue, unapproved).orElseThrow(),
                                                source(catalogue, unapproved), CatalogueChanges.evidence(unapproved));
                                    }
                                });
                    }));
                })))
                .chain(step -> {
                    if (step.snapshot != null) {
                        Log.infof("reference snapshot from the HIS feed id=%s catalogue=%s status=%s changes=%d unapproved=%d", step.snapshot.id(),
                                catalogue, step.outcome.status(), step.outcome.changes(), step.outcome.unapproved().size());
                    }
                    if (step.alarm != null) {
                        return engine.submit(step.alarm).replaceWith(step.outcome);
                    }
                    if (step.clearAlarm != null) {
                        return engine.submit(new Clearance(UUID.randomUUID().toString(), now, "价表同步", List.of(step.clearAlarm),
                                "the held " + catalogue.en() + " changes were approved (HR-10)")).replaceWith(step.outcome);
                    }
                    return Uni.createFrom().item(step.outcome);
                });
    }

    /** The alarm's source as the incident shows it: the dictionary and the first codes (the detail lists them all). */
    private static String source(Catalogue catalogue, List<CatalogueChanges.Change> unapproved) {
        List<String> codes = unapproved.stream().map(CatalogueChanges.Change::code).limit(10).toList();
        return "HIS " + catalogue.zh() + " 未经批准的变更: " + String.join("、", codes)
                + (unapproved.size() > codes.size() ? " 等" + unapproved.size() + "项" : "");
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }

    private static Snapshot fed(UUID id, Catalogue catalogue, String status, int count, String hash, Instant at, int deleted, int added,
                                int changed, String verdict, String alarmId) {
        return new Snapshot(id, catalogue, status, count, hash, at, HIS_FEED, deleted, added, changed, verdict, alarmId, null);
    }

    private static String canonical(List<ReferenceItem> items) {
        StringBuilder b = new StringBuilder("his-feed\n");
        for (ReferenceItem i : items) {
            b.append(i.code()).append('|').append(i.name()).append('|').append(i.specification()).append('|').append(i.unit()).append('|')
                    .append(i.priceFen()).append('|').append(i.insuranceClass()).append('|').append(i.category()).append('\n');
        }
        return b.toString();
    }

    private static final class FeedStep {
        final Snapshot snapshot;
        final Outcome outcome;
        final String clearAlarm;
        IntegrityAlarm alarm;

        FeedStep(Snapshot snapshot, Outcome outcome, String clearAlarm) {
            this.snapshot = snapshot;
            this.outcome = outcome;
            this.clearAlarm = clearAlarm;
        }
    }

    /** HR-10: IT enters the changes the hospital approved (from the price office's change notice). */
    public Uni<List<ApprovalStore.Stored>> approve(Catalogue catalogue, List<ApprovalInput> inputs, Staff staff) {
        Instant now = clock.instant();
        List<ApprovalStore.Stored> rows = inputs.stream().map(i -> new ApprovalStore.Stored(UUID.randomUUID(), catalogue, i.code(), i.kind(),
                i.priceFen(), i.reason(), now, i.validUntil() != null ? i.validUntil() : now.plus(java.time.Duration.ofDays(30)),
                staff.accountId(), now)).toList();
        return approvals.pool().withTransaction(c -> approvals.insert(c, rows)).replaceWith(rows)
                .invoke(r -> Log.infof("catalogue change approvals entered catalogue=%s count=%d", catalogue, r.size()))
                .call(r -> recheckHeld(catalogue));
    }

    /**
     * The latest pull of the HIS feed held back, checked again against the approvals: once they cover every change it
     * becomes current and its alarm clears (the HIS did not change again, so the feed would not bring it again).
     */
    private Uni<Void> recheckHeld(Catalogue catalogue) {
        return store.latestHeldFromHis(store.pool(), catalogue).chain(held -> held == null ? Uni.createFrom().voidItem()
                : store.items(store.pool(), held.id()).chain(items -> received(catalogue == Catalogue.DRUG_DICTIONARY,
                        items.stream().map(i -> new VerifiedCatalogues.Item(i.code(), i.name(), i.specification(), i.unit(), i.priceFen(),
                                i.insuranceClass(), i.category())).toList(), clock.instant())).replaceWithVoid());
    }

    /** One approval as IT enters it; {@code validUntil} null: 30 days. */
    public record ApprovalInput(String code, CatalogueChanges.Kind kind, Long priceFen, String reason, Instant validUntil) {
    }

    public Uni<List<ApprovalStore.Stored>> approvals(Catalogue catalogue, int limit) {
        return approvals.recent(approvals.pool(), catalogue, limit);
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
