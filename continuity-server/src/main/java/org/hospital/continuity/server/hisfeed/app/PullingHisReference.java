package org.hospital.continuity.server.hisfeed.app;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.hospital.continuity.server.allergy.HisAllergies;
import org.hospital.continuity.server.hisfeed.HisFeedConfig;
import org.hospital.continuity.server.hisfeed.HisFeedStatus;
import org.hospital.continuity.server.hisfeed.domain.ContentHash;
import org.hospital.continuity.server.hisfeed.domain.FeedPiece;
import org.hospital.continuity.server.hisfeed.integration.FhirReferenceReader;
import org.hospital.continuity.server.hisfeed.persistence.FeedStore;
import org.hospital.continuity.server.integrity.CatalogueFeed;
import org.hospital.continuity.server.integrity.VerifiedCatalogues;
import org.hospital.continuity.server.kiosk.HisReference;
import org.hospital.continuity.server.kiosk.KioskReference;
import org.hospital.continuity.server.platform.persistence.Locks;
import org.hospital.continuity.server.writeback.WriteBackConfig;

/**
 * The HIS reference feed: every {@code continuity.his-feed.interval}, while the HIS answers, it pulls the hospital's
 * reference through the FHIR link — departments, doctors, the inpatient census with wards, beds and 住院号, the census's
 * allergies, active orders and MAR of the next 24 hours, the price catalogue and the drug dictionary — and hands it to the features that serve it: the kiosks'
 * reference snapshot (each kiosk its department's slice, the settlement desk the whole census), the allergy statements,
 * and the integrity watch (EP-4.1: the catalogues' changes are checked against the approved ones before kiosks price
 * from them). Each piece keeps its as-of time: the HIS's last answer for it. A piece the HIS reports unchanged since the
 * last read ({@code _lastUpdated} and its count) is not read again; a piece the HIS did not answer for keeps its
 * as-of time, so its age grows and readiness shows it stale. Blocking: runs on a worker. Patient data is never logged.
 */
@ApplicationScoped
public class PullingHisReference implements HisFeedStatus {

    /** The advisory lock of a pull's writes ("HISF"): two servers pulling at once write one after the other. */
    static final long LOCK_KEY = 0x4849_5346L;

    private final HisFeedConfig config;
    private final FeedStore store;
    private final HisReference reference;
    private final KioskReference kiosks;
    private final HisAllergies allergies;
    private final CatalogueFeed catalogues;
    private final InstantSource clock;
    private final FhirReferenceReader reader;
    private final Map<String, String> departmentCodes = new HashMap<>();
    private final Map<String, String> itemCodes = new HashMap<>();
    private final Map<String, String> drugCodes = new HashMap<>();
    private final ReentrantLock local = new ReentrantLock();
    private final ZoneId zone;
    /** The HIS speaks HL7 v2, not FHIR: the census comes from its ADT feed ({@link ApplyingAdtMessages}); nothing is pulled. */
    private final boolean v2Link;

    public PullingHisReference(HisFeedConfig config, WriteBackConfig link, FhirContext fhir, FeedStore store, HisReference reference,
                               KioskReference kiosks, HisAllergies allergies, CatalogueFeed catalogues, InstantSource clock,
                              org.hospital.continuity.server.platform.config.ContinuityServerConfig hospital) {
        this.zone = hospital.zone();
        String kind = link.link().trim().toLowerCase(java.util.Locale.ROOT);
        this.v2Link = kind.equals("hl7v2") || kind.equals("v2");
        this.config = config;
        this.store = store;
        this.reference = reference;
        this.kiosks = kiosks;
        this.allergies = allergies;
        this.catalogues = catalogues;
        this.clock = clock;
        this.reader = new FhirReferenceReader(fhir, link.fhirBaseUrl(), config.pageSize());
        // the write-back maps kiosk codes to the HIS's; the feed reads the HIS's codes and maps them back
        link.departments().forEach((kiosk, his) -> departmentCodes.put(his, kiosk));
        link.items().forEach((kiosk, his) -> itemCodes.put(his, kiosk));
        link.drugs().forEach((kiosk, his) -> drugCodes.put(his, kiosk));
    }

    @Scheduled(every = "${continuity.his-feed.interval:5M}", delayed = "${continuity.his-feed.start-delay:20S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.enabled() || v2Link) {
            return;
        }
        try {
            pull();
        } catch (RuntimeException e) {
            Log.warnf("HIS reference pull failed: %s", e.getClass().getSimpleName());
        }
    }

    /** What one pull did with each piece: READ (read and applied), SAME (read, nothing changed), UNCHANGED (not read), FAILED. */
    public record Report(Map<FeedPiece, String> pieces) {
    }

    /** Pulls every piece once now (the schedule, IT's "pull now" and tests). Blocking. */
    public Report pull() {
        return pullFrom(reader);
    }

    /** Pulls every piece once from the HIS behind this reader (tests: a HIS that does not answer). Blocking. */
    public Report pullFrom(FhirReferenceReader reader) {
        local.lock();
        try {
            Map<FeedPiece, FeedStore.State> states = await(store.all());
            Map<FeedPiece, String> report = new EnumMap<>(FeedPiece.class);
            piece(reader, FeedPiece.DEPARTMENTS, states, report, "Organization?identifier=" + java.net.URLEncoder.encode(FhirReferenceReader.DEPARTMENT + "|", java.nio.charset.StandardCharsets.UTF_8),
                    new String[] {"Organization"}, () -> {
                        FhirReferenceReader.Read<HisReference.Department> read = reader.departments();
                        List<HisReference.Department> ds = read.entries().stream()
                                .map(d -> new HisReference.Department(department(d.code()), d.name())).toList();
                        return new Pulled(ds, read.total(), read.hisTime(), tx -> reference.departments(tx, ds));
                    });
            piece(reader, FeedPiece.PRACTITIONERS, states, report, "PractitionerRole?active=true",
                    new String[] {"PractitionerRole", "Practitioner", "Organization"}, () -> {
                        FhirReferenceReader.Read<HisReference.Doctor> read = reader.doctors();
                        List<HisReference.Doctor> ds = read.entries().stream()
                                .map(d -> new HisReference.Doctor(d.code(), d.name(), department(d.departmentCode()), d.title())).toList();
                        return new Pulled(ds, read.total(), read.hisTime(), tx -> reference.doctors(tx, ds));
                    });
            FhirReferenceReader.Census[] census = new FhirReferenceReader.Census[1];
            String censusOutcome = piece(reader, FeedPiece.CENSUS, states, report, "Encounter?status=in-progress&class=IMP",
                    new String[] {"Encounter", "Patient", "Location", "Organization"}, () -> {
                        census[0] = reader.census();
                        List<HisReference.Inpatient> ps = census[0].inpatients().stream().map(p -> new HisReference.Inpatient(p.patientId(),
                                p.inpatientNumber(), p.name(), p.sex(), p.birthDate(), p.idNumber(), p.phone(), department(p.departmentCode()),
                                p.ward(), p.bed())).toList();
                        return new Pulled(ps, census[0].total(), census[0].hisTime(), tx -> reference.census(tx, ps));
                    });
            // today's outpatients (EP-6.2, EP-6.4): the registrations of the hospital day; asked for changes only within the same
            // day (a new day is a new list, read whatever the HIS says about changes)
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, zone);
            Instant dayStart = today.atStartOfDay(zone).toInstant();
            Instant dayEnd = today.plusDays(1).atStartOfDay(zone).toInstant();
            FeedStore.State outpatientState = states.get(FeedPiece.OUTPATIENTS);
            boolean sameDay = outpatientState != null && outpatientState.asOf() != null
                    && LocalDate.ofInstant(outpatientState.asOf(), zone).equals(today);
            piece(reader, FeedPiece.OUTPATIENTS, states, report, FhirReferenceReader.outpatientQuery(dayStart, dayEnd),
                    sameDay ? new String[] {"Encounter", "Patient", "Practitioner", "Organization"} : null, () -> {
                        FhirReferenceReader.Read<HisReference.Outpatient> read = reader.outpatients(dayStart, dayEnd);
                        List<HisReference.Outpatient> os = read.entries().stream().map(o -> new HisReference.Outpatient(o.hisId(), o.patientId(),
                                o.outpatientNumber(), o.name(), o.sex(), o.birthDate(), o.idNumber(), o.phone(), department(o.departmentCode()),
                                o.doctorCode(), o.doctorName(), o.registeredAt())).toList();
                        return new Pulled(os, read.total(), read.hisTime(), tx -> reference.outpatients(tx, os));
                    });
            // allergies follow the census: read again whenever the census was, or an AllergyIntolerance changed
            boolean censusRead = "READ".equals(censusOutcome) || "SAME".equals(censusOutcome);
            piece(reader, FeedPiece.ALLERGIES, states, report, "AllergyIntolerance", censusRead ? null : new String[] {"AllergyIntolerance"}, () -> {
                if (census[0] == null) {
                    census[0] = reader.census();
                }
                FhirReferenceReader.Read<HisAllergies.Entry> read = reader.allergies(census[0].patientIds());
                Instant asOf = clock.instant();
                return new Pulled(read.entries(), read.total(), read.hisTime() == null ? census[0].hisTime() : read.hisTime(),
                        tx -> allergies.fromHis(tx, read.entries(), asOf));
            });
            // active orders follow the census too: read whenever it was read, or a MedicationRequest changed
            piece(reader, FeedPiece.ORDERS, states, report, "MedicationRequest?status=active", censusRead ? null : new String[] {"MedicationRequest"},
                    () -> {
                        if (census[0] == null) {
                            census[0] = reader.census();
                        }
                        FhirReferenceReader.Read<HisReference.Order> orders = reader.orders(census[0].patientIds());
                        return new Pulled(orders.entries(), orders.total(), orders.hisTime() == null ? census[0].hisTime() : orders.hisTime(),
                                tx -> reference.orders(tx, orders.entries()));
                    });
            // the MAR's window moves with the clock: read at every pull (applied only when what falls in it changed)
            piece(reader, FeedPiece.MAR, states, report, "MedicationAdministration", null, () -> {
                if (census[0] == null) {
                    census[0] = reader.census();
                }
                Instant from = clock.instant();
                FhirReferenceReader.Read<HisReference.Administration> planned = reader.administrations(census[0].patientIds(), from,
                        from.plus(config.marWindow()));
                return new Pulled(planned.entries(), planned.total(), planned.hisTime() == null ? census[0].hisTime() : planned.hisTime(),
                        tx -> reference.administrations(tx, planned.entries()));
            });
            FhirReferenceReader.Catalogues[] read = new FhirReferenceReader.Catalogues[1];
            for (FeedPiece p : List.of(FeedPiece.PRICE_CATALOGUE, FeedPiece.DRUG_DICTIONARY)) {
                boolean drugs = p == FeedPiece.DRUG_DICTIONARY;
                piece(reader, p, states, report, "ChargeItemDefinition?status=active", new String[] {"ChargeItemDefinition"}, () -> {
                    if (read[0] == null) {
                        read[0] = reader.catalogues();
                    }
                    List<VerifiedCatalogues.Item> items = (drugs ? read[0].drugs() : read[0].items()).stream().map(i -> new VerifiedCatalogues.Item(
                            (drugs ? drugCodes : itemCodes).getOrDefault(i.code(), i.code()), i.name(), i.specification(), i.unit(), i.priceFen(),
                            i.insuranceClass(), i.category())).toList();
                    Instant asOf = clock.instant();
                    // the integrity watch stores it in its own transaction (and raises its alarm after it commits)
                    return new Pulled(items, read[0].total(), read[0].hisTime(), null,
                            () -> catalogues.received(drugs, items, asOf).replaceWithVoid());
                });
            }
            Log.infof("HIS reference pull: %s", report);
            return new Report(report);
        } finally {
            local.unlock();
        }
    }

    /** A piece as read: its records (for the hash), the HIS's count and time, and how it is applied. */
    private record Pulled(List<?> records, int total, Instant hisTime, java.util.function.Function<org.hospital.continuity.server.platform.persistence.Tx, Uni<Void>> apply,
                          Supplier<Uni<Void>> applyAlone) {
        Pulled(List<?> records, int total, Instant hisTime, java.util.function.Function<org.hospital.continuity.server.platform.persistence.Tx, Uni<Void>> apply) {
            this(records, total, hisTime, apply, null);
        }
    }

    /**
     * One piece: asks the HIS whether it changed (unless {@code types} is null: read anyway), reads it, applies it when its
     * content differs from what was applied, records the as-of time. A failure is recorded and does not stop the others.
     */
    private String piece(FhirReferenceReader reader, FeedPiece piece, Map<FeedPiece, FeedStore.State> states, Map<FeedPiece, String> report, String countQuery,
                         String[] types, Supplier<Pulled> read) {
        Instant now = clock.instant();
        FeedStore.State state = states.get(piece);
        String outcome;
        try {
            boolean known = state != null && state.contentHash() != null && state.hisTime() != null && state.totalSeen() != null;
            // the HIS's count of the piece's resources: a deletion shows as a lower count, never in _lastUpdated
            int total = reader.count(countQuery);
            if (known && types != null && total == state.totalSeen()
                    && !reader.changedSince(state.hisTime().minusSeconds(1), types)) {
                await(store.unchanged(piece, now));
                outcome = "UNCHANGED";
            } else {
                Pulled pulled = read.get();
                String hash = ContentHash.of(pulled.records());
                boolean same = state != null && hash.equals(state.contentHash());
                Uni<Void> alone = same || pulled.applyAlone() == null ? Uni.createFrom().voidItem() : pulled.applyAlone().get();
                await(alone.chain(() -> store.pool().withTransaction(tx -> Locks.exclusive(tx, LOCK_KEY)
                        .chain(() -> same || pulled.apply() == null ? Uni.createFrom().voidItem() : pulled.apply().apply(tx))
                        .chain(() -> same ? Uni.createFrom().voidItem() : kiosks.changed(tx, now))
                        .chain(() -> store.answered(tx, piece, now, pulled.records().size(), hash, total, pulled.hisTime())))));
                outcome = same ? "SAME" : "READ";
            }
            await(reference.answered(piece.name(), piece.zh(), now));
        } catch (FhirClientConnectionException e) {
            Log.warnf("HIS reference piece %s: the HIS did not answer", piece);
            outcome = failed(piece, now, "HIS 未应答");
        } catch (BaseServerResponseException e) {
            Log.warnf("HIS reference piece %s: the HIS answered %d", piece, e.getStatusCode());
            outcome = failed(piece, now, "HIS 拒绝了查询（状态 " + e.getStatusCode() + "）");
        } catch (RuntimeException e) {
            Log.warnf("HIS reference piece %s failed: %s", piece, e.getClass().getSimpleName());
            outcome = failed(piece, now, "读取或保存失败，详见服务器日志");
        }
        report.put(piece, outcome);
        return outcome;
    }

    private String failed(FeedPiece piece, Instant at, String why) {
        try {
            await(store.failed(piece, at, why));
        } catch (RuntimeException e) {
            Log.warnf("HIS reference piece %s: failure not recorded: %s", piece, e.getClass().getSimpleName());
        }
        return "FAILED";
    }

    private String department(String hisCode) {
        return hisCode == null ? null : departmentCodes.getOrDefault(hisCode, hisCode);
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofMinutes(2));
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public Uni<List<Piece>> pieces() {
        return store.all().map(states -> {
            Instant now = clock.instant();
            List<Piece> out = new ArrayList<>();
            for (FeedPiece p : FeedPiece.values()) {
                FeedStore.State s = states.get(p);
                Instant asOf = s == null ? null : s.asOf();
                out.add(new Piece(p.name(), p.zh(), asOf, s == null ? null : s.attemptedAt(), s == null ? 0 : s.count(), s == null ? null : s.error(),
                        FeedPiece.stale(asOf, now, config.staleAfter())));
            }
            return out;
        });
    }
}
