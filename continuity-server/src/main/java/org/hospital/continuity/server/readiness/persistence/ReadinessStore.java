package org.hospital.continuity.server.readiness.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.platform.persistence.Constraints;
import org.hospital.continuity.server.platform.persistence.SessionContext;
import org.hospital.continuity.server.readiness.domain.KioskReadiness;

/**
 * Kiosk readiness reports, the facts of every kiosk, and the last verdicts (Hibernate Reactive). Reports arrive from
 * kiosks, verdicts from the scheduled assessment: each call runs in a session of its own.
 */
@ApplicationScoped
public class ReadinessStore {

    /** What a kiosk reports about itself. */
    public record Report(String kioskId, Instant kioskClock, String softwareVersion, Integer snapshotVersion, Instant snapshotGeneratedAt,
                         List<KioskReadiness.Pool> pools, Long backlogPending, Instant oldestUnsentAt, Instant hisDataAsOf, Integer censusWards,
                         Instant wardReportPrintedAt) {
    }

    /** A kiosk's last readiness report. */
    public record LastReport(Instant reportedAt, String softwareVersion, Instant snapshotGeneratedAt, List<KioskReadiness.Pool> pools,
                             Long backlogPending, Instant oldestUnsentAt, Long driftMillis, Instant hisDataAsOf, Integer censusWards,
                             Instant wardReportPrintedAt) {
    }

    private final KioskReadinessRepository reports;
    private final KioskReadinessVerdictRepository verdicts;
    private final KioskWardDataRepository wardData;

    public ReadinessStore(KioskReadinessRepository reports, KioskReadinessVerdictRepository verdicts, KioskWardDataRepository wardData) {
        this.wardData = wardData;
        this.reports = reports;
        this.verdicts = verdicts;
    }

    /** Keeps the kiosk's report as its last one; a kiosk's first two reports at once: the second is tried again. */
    public Uni<Void> save(Report r, Instant receivedAt) {
        JsonArray pools = new JsonArray();
        r.pools().forEach(p -> pools.add(new JsonObject().put("pool", p.pool()).put("remaining", p.remaining())
                .put("earliestExpiry", p.earliestExpiry() == null ? null : p.earliestExpiry().toString())));
        KioskReadinessEntity e = new KioskReadinessEntity();
        e.kioskId = r.kioskId();
        e.reportedAt = receivedAt;
        e.kioskClock = r.kioskClock();
        e.driftMs = r.kioskClock().toEpochMilli() - receivedAt.toEpochMilli();
        e.softwareVersion = r.softwareVersion();
        e.snapshotVersion = r.snapshotVersion();
        e.snapshotGeneratedAt = r.snapshotGeneratedAt();
        e.pools = pools.encode();
        e.backlogPending = r.backlogPending();
        e.oldestUnsentAt = r.oldestUnsentAt();
        KioskWardDataEntity w = new KioskWardDataEntity();
        w.kioskId = r.kioskId();
        w.hisDataAsOf = r.hisDataAsOf();
        w.censusWards = r.censusWards();
        w.wardReportPrintedAt = r.wardReportPrintedAt();
        return SessionContext.call(() -> reports.save(e))
                .onFailure(Constraints::uniqueViolation).recoverWithUni(() -> SessionContext.call(() -> reports.save(e)))
                .chain(() -> SessionContext.call(() -> wardData.save(w))
                        .onFailure(Constraints::uniqueViolation).recoverWithUni(() -> SessionContext.call(() -> wardData.save(w))));
    }

    /** The last report of every kiosk that reported, by kiosk id. */
    public Uni<Map<String, LastReport>> lastReports() {
        return SessionContext.call(wardData::all).chain(ward -> SessionContext.call(reports::all).map(rows -> {
            Map<String, KioskWardDataEntity> wards = new HashMap<>();
            ward.forEach(w -> wards.put(w.kioskId, w));
            Map<String, LastReport> out = new HashMap<>();
            for (KioskReadinessEntity r : rows) {
                List<KioskReadiness.Pool> pools = new ArrayList<>();
                for (Object o : new JsonArray(r.pools)) {
                    JsonObject j = (JsonObject) o;
                    pools.add(new KioskReadiness.Pool(j.getString("pool"), j.getLong("remaining", 0L),
                            j.getString("earliestExpiry") == null ? null : Instant.parse(j.getString("earliestExpiry"))));
                }
                out.put(r.kioskId, new LastReport(r.reportedAt, r.softwareVersion, r.snapshotGeneratedAt, pools, r.backlogPending,
                        r.oldestUnsentAt, r.driftMs, wards.containsKey(r.kioskId) ? wards.get(r.kioskId).hisDataAsOf : null,
                        wards.containsKey(r.kioskId) ? wards.get(r.kioskId).censusWards : null,
                        wards.containsKey(r.kioskId) ? wards.get(r.kioskId).wardReportPrintedAt : null));
            }
            return out;
        }));
    }

    /** Records the verdict; true when the kiosk has just turned not ready (was ready or never assessed). */
    public Uni<Boolean> verdict(KioskReadiness.Verdict v, Instant now) {
        JsonArray problems = new JsonArray();
        v.problems().forEach(p -> problems.add(new JsonObject().put("code", p.code()).put("zh", p.zh()).put("en", p.en())));
        String json = problems.encode();
        return SessionContext.call(() -> verdicts.record(v.kioskId(), v.ready(), json, now))
                .onFailure(Constraints::uniqueViolation).recoverWithUni(() -> SessionContext.call(() -> verdicts.record(v.kioskId(), v.ready(), json, now)));
    }
}
