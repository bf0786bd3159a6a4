package org.hospital.continuity.server.board.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hospital.continuity.server.board.domain.BackEntry;
import org.hospital.continuity.server.kiosk.Kiosks;
import org.hospital.continuity.server.readiness.KioskReports;
import org.hospital.continuity.server.syncreceiver.SyncFigures;
import org.hospital.continuity.server.writeback.WriteBackFigures;

/**
 * The board's figures from the features that keep them, each asked through its port: kiosks and their unsent
 * backlog (the sync receiver's last push of each kiosk and the kiosk's own later readiness report, the kiosk registry's names and departments, and the
 * enrolled kiosks never seen), and back-entry progress per department area (write-back and workbench).
 */
@ApplicationScoped
public class BoardFigures {

    /**
     * One kiosk: what it still holds unsent by its own newest word ({@code pending} as of {@code pendingAsOf}, from its last push
     * or its last readiness report, whichever is newer), apart from what the server stored of it ({@code entriesStored}, from the
     * sync receiver); {@code seen} is false for an enrolled kiosk never heard from; {@code lastHeardAt} its newest push or report.
     */
    public record KioskRow(String kioskId, String name, String departmentCode, String departmentName, boolean seen, long pending,
                           Instant oldestUnsentAt, Instant lastPushAt, long entriesStored, Instant pendingAsOf, Instant lastHeardAt) {
    }

    /** One department area of the workbench queue, with the parcel's owner (EP-8.5) when one was given. */
    public record AreaRow(String area, String areaName, String owner, BackEntry.Count count) {
    }

    /** Write-back and workbench figures of one incident. */
    public record BackEntryRows(long writtenBack, Instant firstRaisedAt, List<AreaRow> areas, WriteBackFigures.Hold hold) {
    }

    private final SyncFigures sync;
    private final Kiosks kiosks;
    private final WriteBackFigures writeBack;
    private final KioskReports reports;

    public BoardFigures(SyncFigures sync, Kiosks kiosks, WriteBackFigures writeBack, KioskReports reports) {
        this.sync = sync;
        this.reports = reports;
        this.kiosks = kiosks;
        this.writeBack = writeBack;
    }

    /** Kiosks heard from (most unsent first), then enrolled kiosks never heard from. */
    public Uni<List<KioskRow>> kiosks() {
        return Uni.combine().all().unis(sync.kioskStates(), kiosks.kiosks(), reports.lastHeartbeats()).asTuple()
                .map(t -> rows(t.getItem1(), t.getItem2(), t.getItem3()));
    }

    /**
     * The kiosk rows from the sync receiver's pushes, the registry and the kiosks' readiness reports. What a kiosk still holds is
     * what it said last: a push's backlog, or a later heartbeat's (a kiosk that cannot push still reports, or is shown silent).
     */
    public static List<KioskRow> rows(List<SyncFigures.KioskState> states, List<Kiosks.Kiosk> registered, Map<String, KioskReports.Heartbeat> beats) {
        Map<String, Kiosks.Kiosk> byId = registered.stream().collect(Collectors.toMap(Kiosks.Kiosk::kioskId, Function.identity(), (a, b) -> a));
        Map<String, SyncFigures.KioskState> pushes = new HashMap<>();
        states.forEach(s -> pushes.put(s.kioskId(), s));
        Set<String> ids = new java.util.TreeSet<>(pushes.keySet());
        ids.addAll(beats.keySet());
        List<KioskRow> out = new ArrayList<>();
        for (String id : ids) {
            Kiosks.Kiosk k = byId.get(id);
            SyncFigures.KioskState push = pushes.get(id);
            KioskReports.Heartbeat beat = beats.get(id);
            boolean beatNewer = beat != null && beat.backlogPending() != null
                    && (push == null || push.lastPushAt() == null || beat.reportedAt().isAfter(push.lastPushAt()));
            long pending = beatNewer ? beat.backlogPending() : push == null ? 0 : push.backlogPending();
            Instant oldest = beatNewer ? beat.oldestUnsentAt() : push == null ? null : push.oldestUnsentAt();
            Instant asOf = beatNewer ? beat.reportedAt() : push == null ? null : push.lastPushAt();
            Instant heard = latest(push == null ? null : push.lastPushAt(), beat == null ? null : beat.reportedAt());
            out.add(new KioskRow(id, k == null ? null : k.name(), k == null ? null : k.departmentCode(), k == null ? null : k.departmentName(),
                    true, pending, oldest, push == null ? null : push.lastPushAt(), push == null ? 0 : push.entriesStored(), asOf, heard));
        }
        for (Kiosks.Kiosk k : registered) {
            if ("ENROLLED".equals(k.status()) && !ids.contains(k.kioskId())) {
                out.add(new KioskRow(k.kioskId(), k.name(), k.departmentCode(), k.departmentName(), false, 0, null, null, 0, null, null));
            }
        }
        out.sort(Comparator.comparingLong(KioskRow::pending).reversed().thenComparing(KioskRow::kioskId));
        return out;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    public Uni<BackEntryRows> backEntry(String incident) {
        return Uni.combine().all().unis(writeBack.areasOf(incident), writeBack.writtenOf(incident), kiosks.departmentNames(),
                        writeBack.holdOf(incident)).asTuple()
                .map(t -> new BackEntryRows(t.getItem2().visits(), t.getItem2().firstRaisedAt(), t.getItem1().stream()
                        .map(a -> new AreaRow(a.area(), t.getItem3().get(a.area()), a.owner(),
                                new BackEntry.Count(a.total(), a.done(), a.important(), a.importantDone()))).toList(),
                        t.getItem4().orElse(null)));
    }

    /** Something that changes whenever a kiosk pushes or back-entry progresses (the board refreshes on a change). */
    public Uni<String> fingerprint() {
        return Uni.combine().all().unis(sync.kioskStates(), kiosks.kiosks(), writeBack.fingerprint(), reports.lastHeartbeats()).asTuple().map(t -> {
            long pending = t.getItem1().stream().mapToLong(SyncFigures.KioskState::backlogPending).sum();
            long pushes = t.getItem1().stream().mapToLong(SyncFigures.KioskState::pushes).sum();
            long enrolled = t.getItem2().stream().filter(k -> "ENROLLED".equals(k.status())).count();
            // a kiosk's heartbeat that changes what it holds (or first heard from) moves the board too
            long held = t.getItem4().values().stream().mapToLong(h -> h.backlogPending() == null ? 0 : h.backlogPending() * 31 + 1).sum();
            return t.getItem1().size() + "/" + pending + "/" + pushes + "|" + enrolled + "|" + t.getItem3() + "|" + t.getItem4().size() + "/" + held;
        });
    }
}
