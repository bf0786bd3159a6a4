package org.hospital.continuity.server.writeback.app;

import org.hospital.continuity.server.writeback.WorkbenchReason;
import org.hospital.continuity.server.writeback.WriteBackLedger;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.envelope.JournalEntry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * EP-8.4 "nothing left behind", made countable: for an incident, per kiosk and per kind of record, every entry the server
 * received is written to the HIS, or waits on the workbench in a named parcel with a reason, or is held (a drill's
 * records never reach the HIS, HR-21), or needs no write (a breakpoint, a spoiled invoice number, the IOU slip of a charge
 * outside the incident; an amendment of a record outside the incident waits on the workbench) — and nothing is anything else: {@code received = written + waiting + held + notForHis}
 * with {@code pending = 0} once a run went through. An entry is counted by the fate of the unit it was written in (a
 * charge with its visit, an IOU slip with its charge).
 */
public final class Conservation {

    /** One line of the ledger: a kiosk and a kind. */
    public record Line(String kioskId, String kind, long received, long written, Map<String, Long> waiting, long held,
                       long notForHis, long pending) {

        public long waitingTotal() {
            return waiting.values().stream().mapToLong(Long::longValue).sum();
        }

        /** True when every received entry is accounted for. */
        public boolean balances() {
            return received == written + waitingTotal() + held + notForHis && pending == 0;
        }
    }

    /** The ledger of an incident: its lines and the totals. */
    public record Ledger(String incident, List<Line> lines) {

        public long received() {
            return lines.stream().mapToLong(Line::received).sum();
        }

        public long written() {
            return lines.stream().mapToLong(Line::written).sum();
        }

        public long waiting() {
            return lines.stream().mapToLong(Line::waitingTotal).sum();
        }

        public long held() {
            return lines.stream().mapToLong(Line::held).sum();
        }

        public long notForHis() {
            return lines.stream().mapToLong(Line::notForHis).sum();
        }

        public long pending() {
            return lines.stream().mapToLong(Line::pending).sum();
        }

        public boolean balances() {
            return lines.stream().allMatch(Line::balances);
        }
    }

    private Conservation() {
    }

    /** The kind an entry is counted under: its event type; an order that is a lab or exam request counts as an exam request. */
    public static String kindOf(JournalEntry e) {
        if ("OrderWritten".equals(e.eventType()) && Contract.CURRENT.read(e) instanceof Contract.Readable r
                && r.record() instanceof DowntimeRecord.OrderWritten o && o.examRequest()) {
            return "ExamRequest";
        }
        return e.eventType();
    }

    /**
     * @param held true when the incident is a drill whose records are held (HR-21)
     */
    public static Ledger of(String incident, List<JournalEntry> entries, DowntimeRecords.Assembled assembled, WriteBackLedger ledger,
                            boolean held) {
        Map<UUID, String> notForHis = new HashMap<>();
        assembled.notForHis().forEach(n -> notForHis.put(n.entry().entryId(), n.reason()));
        Map<UUID, UUID> amends = new HashMap<>();
        assembled.records().forEach(r -> {
            if (r.amends() != null) {
                amends.put(r.unitId(), r.amends());
            }
        });
        Map<UUID, Optional<String>> fate = new HashMap<>();
        Map<String, Acc> lines = new TreeMap<>();
        for (JournalEntry e : entries) {
            Acc acc = lines.computeIfAbsent(e.kioskId() + "\u0000" + kindOf(e), k -> new Acc(e.kioskId(), kindOf(e)));
            acc.received++;
            if (held) {
                acc.held++;
                continue;
            }
            UUID unit = assembled.unitOfEntry().get(e.entryId());
            if (unit == null) {
                if (notForHis.containsKey(e.entryId())) {
                    acc.notForHis++;
                } else {
                    acc.pending++;
                }
                continue;
            }
            Optional<String> f = fate.computeIfAbsent(unit, u -> fateOf(u, amends, ledger));
            if (f.isEmpty()) {
                acc.pending++;
            } else if ("WRITTEN".equals(f.get())) {
                acc.written++;
            } else {
                acc.waiting.merge(f.get(), 1L, Long::sum);
            }
        }
        return new Ledger(incident, lines.values().stream().map(a -> new Line(a.kiosk, a.kind, a.received, a.written,
                Map.copyOf(a.waiting), a.held, a.notForHis, a.pending)).toList());
    }

    /** WRITTEN, a workbench reason, or empty (not yet accounted: a run has not reached it). */
    private static Optional<String> fateOf(UUID unit, Map<UUID, UUID> amends, WriteBackLedger ledger) {
        if (ledger.subjectOf(unit).isPresent()) {
            return Optional.of("WRITTEN");
        }
        Optional<WorkbenchReason> waiting = ledger.waitingReason(unit);
        if (waiting.isPresent()) {
            return Optional.of(waiting.get().name());
        }
        UUID target = amends.get(unit);
        if (target != null) {
            // an amendment waits with the record it amends
            return ledger.waitingReason(target).map(Enum::name);
        }
        return Optional.empty();
    }

    private static final class Acc {
        final String kiosk;
        final String kind;
        long received;
        long written;
        final Map<String, Long> waiting = new TreeMap<>();
        long held;
        long notForHis;
        long pending;

        Acc(String kiosk, String kind) {
            this.kiosk = kiosk;
            this.kind = kind;
        }
    }
}
