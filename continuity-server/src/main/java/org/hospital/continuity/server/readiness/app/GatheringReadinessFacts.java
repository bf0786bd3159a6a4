package org.hospital.continuity.server.readiness.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hospital.continuity.server.kiosk.Kiosks;
import org.hospital.continuity.server.readiness.domain.KioskReadiness;
import org.hospital.continuity.server.readiness.persistence.ReadinessStore;
import org.hospital.continuity.server.syncreceiver.SyncFigures;

/**
 * The facts of every kiosk not revoked: its registration (kiosk registry), its last readiness report (this
 * feature's), and its sync state (the sync receiver's): a push counts as "seen" too, and a push newer than the
 * report carries the newer backlog.
 */
@ApplicationScoped
public class GatheringReadinessFacts {

    private final Kiosks kiosks;
    private final ReadinessStore store;
    private final SyncFigures sync;

    public GatheringReadinessFacts(Kiosks kiosks, ReadinessStore store, SyncFigures sync) {
        this.kiosks = kiosks;
        this.store = store;
        this.sync = sync;
    }

    public Uni<List<KioskReadiness.Facts>> facts() {
        return Uni.combine().all().unis(kiosks.kiosks(), store.lastReports(), sync.kioskStates()).asTuple().map(t -> {
            Map<String, SyncFigures.KioskState> states = t.getItem3().stream()
                    .collect(Collectors.toMap(SyncFigures.KioskState::kioskId, Function.identity()));
            return t.getItem1().stream().filter(k -> !"REVOKED".equals(k.status()))
                    .sorted(Comparator.comparing(Kiosks.Kiosk::departmentCode, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Kiosks.Kiosk::kioskId))
                    .map(k -> facts(k, t.getItem2().get(k.kioskId()), states.get(k.kioskId()))).toList();
        });
    }

    static KioskReadiness.Facts facts(Kiosks.Kiosk k, ReadinessStore.LastReport r, SyncFigures.KioskState s) {
        Instant reportedAt = r == null ? null : r.reportedAt();
        Instant lastPush = s == null ? null : s.lastPushAt();
        Long backlog = s != null ? Long.valueOf(s.backlogPending()) : r == null ? null : r.backlogPending();
        boolean pushNewer = lastPush != null && (reportedAt == null || lastPush.isAfter(reportedAt));
        Instant oldestUnsent = pushNewer ? s.oldestUnsentAt() : r == null ? null : r.oldestUnsentAt();
        Instant lastSeen = reportedAt == null ? lastPush : lastPush == null ? reportedAt : lastPush.isAfter(reportedAt) ? lastPush : reportedAt;
        return new KioskReadiness.Facts(k.kioskId(), k.name(), k.departmentCode(), k.status(), lastSeen, reportedAt,
                r == null ? null : r.softwareVersion(), r == null ? null : r.snapshotGeneratedAt(), r == null ? List.of() : r.pools(),
                backlog, oldestUnsent, r == null ? null : r.driftMillis(), r == null ? null : r.hisDataAsOf(), r == null ? null : r.censusWards(),
                r == null ? null : r.wardReportPrintedAt());
    }
}
