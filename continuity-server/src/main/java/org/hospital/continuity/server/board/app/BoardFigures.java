package org.hospital.continuity.server.board.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hospital.continuity.server.board.domain.BackEntry;
import org.hospital.continuity.server.kiosk.Kiosks;
import org.hospital.continuity.server.syncreceiver.SyncFigures;
import org.hospital.continuity.server.writeback.WriteBackFigures;

/**
 * The board's figures from the features that keep them, each asked through its port: kiosks and their unsent
 * backlog (the sync receiver's last push of each kiosk, the kiosk registry's names and departments, and the
 * enrolled kiosks never seen), and back-entry progress per department area (write-back and workbench).
 */
@ApplicationScoped
public class BoardFigures {

    /** One kiosk as the sync receiver last heard of it. */
    public record KioskRow(String kioskId, String name, String departmentCode, String departmentName, boolean seen, long pending,
                           Instant oldestUnsentAt, Instant lastPushAt, long entriesStored) {
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

    public BoardFigures(SyncFigures sync, Kiosks kiosks, WriteBackFigures writeBack) {
        this.sync = sync;
        this.kiosks = kiosks;
        this.writeBack = writeBack;
    }

    /** Kiosks that pushed (most unsent first), then enrolled kiosks never seen. */
    public Uni<List<KioskRow>> kiosks() {
        return Uni.combine().all().unis(sync.kioskStates(), kiosks.kiosks()).asTuple().map(t -> {
            Map<String, Kiosks.Kiosk> byId = t.getItem2().stream().collect(Collectors.toMap(Kiosks.Kiosk::kioskId, Function.identity()));
            List<KioskRow> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (SyncFigures.KioskState s : t.getItem1()) {
                Kiosks.Kiosk k = byId.get(s.kioskId());
                seen.add(s.kioskId());
                out.add(new KioskRow(s.kioskId(), k == null ? null : k.name(), k == null ? null : k.departmentCode(),
                        k == null ? null : k.departmentName(), true, s.backlogPending(), s.oldestUnsentAt(), s.lastPushAt(), s.entriesStored()));
            }
            for (Kiosks.Kiosk k : t.getItem2()) {
                if ("ENROLLED".equals(k.status()) && !seen.contains(k.kioskId())) {
                    out.add(new KioskRow(k.kioskId(), k.name(), k.departmentCode(), k.departmentName(), false, 0, null, null, 0));
                }
            }
            out.sort(Comparator.comparingLong(KioskRow::pending).reversed().thenComparing(KioskRow::kioskId));
            return out;
        });
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
        return Uni.combine().all().unis(sync.kioskStates(), kiosks.kiosks(), writeBack.fingerprint()).asTuple().map(t -> {
            long pending = t.getItem1().stream().mapToLong(SyncFigures.KioskState::backlogPending).sum();
            long pushes = t.getItem1().stream().mapToLong(SyncFigures.KioskState::pushes).sum();
            long enrolled = t.getItem2().stream().filter(k -> "ENROLLED".equals(k.status())).count();
            return t.getItem1().size() + "/" + pending + "/" + pushes + "|" + enrolled + "|" + t.getItem3();
        });
    }
}
