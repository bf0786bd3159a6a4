package org.hospital.continuity.server.writeback.app;

import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.WorkbenchReason;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds {@link VisitDraft}s from synced journal entries, read through the typed record contract: a
 * {@code PatientRegistered} opens a visit (its registration fee is the first line) and a {@code ChargeRecorded} adds
 * its priced lines to the visit of its {@code registrationId}. A charge voided later ({@code InvoiceVoided}, HR-9)
 * contributes nothing. Never throws for what a kiosk sent: an entry that cannot be read as a record, and a charge whose
 * patient cannot be resolved (no registration of this outage), are returned as {@link Waiting} for the workbench, each
 * with its reason; they never stop the others and are never dropped.
 */
public final class DowntimeRecords {

    /** A record that waits on the workbench instead of being written: which entry, why, and what is known of it. */
    public record Waiting(JournalEntry entry, WorkbenchReason reason, String detail, VisitDraft captured) {
    }

    /** The drafts in capture order, and the records that wait for a person. */
    public record Assembled(List<VisitDraft> drafts, List<Waiting> waiting) {
    }

    private DowntimeRecords() {
    }

    public static Assembled assemble(String incident, List<JournalEntry> entries) {
        List<JournalEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingLong(JournalEntry::hlc).thenComparing(JournalEntry::kioskId)
                .thenComparingLong(JournalEntry::kioskSeq));
        Map<UUID, VisitDraft> visits = new LinkedHashMap<>();
        Map<UUID, Charge> charges = new LinkedHashMap<>();
        Set<UUID> voided = new HashSet<>();
        Set<UUID> unreadableRegistrations = new HashSet<>();
        List<Waiting> waiting = new ArrayList<>();
        for (JournalEntry e : ordered) {
            Contract.Read read = Contract.CURRENT.check(e);
            if (read instanceof Contract.Unreadable u) {
                if ("registration".equals(e.streamType())) {
                    unreadableRegistrations.add(e.streamId());
                }
                waiting.add(new Waiting(e, WorkbenchReason.UNREADABLE_RECORD, u.summary(), unknown(incident, e)));
                continue;
            }
            DowntimeRecord r = ((Contract.Readable) read).record();
            if (r instanceof DowntimeRecord.PatientRegistered p) {
                visits.put(e.streamId(), visit(incident, e, p));
            } else if (r instanceof DowntimeRecord.ChargeRecorded c) {
                charges.put(e.streamId(), new Charge(e, c));
            } else if (r instanceof DowntimeRecord.InvoiceVoided) {
                voided.add(e.streamId());
            }
        }
        for (Charge c : charges.values()) {
            if (voided.contains(c.entry().streamId())) {
                continue;
            }
            UUID reg = c.record().registrationId() == null ? null : UUID.fromString(c.record().registrationId());
            VisitDraft v = reg == null ? null : visits.get(reg);
            if (v == null) {
                String why = reg == null ? "charge without a registration of this outage"
                        : unreadableRegistrations.contains(reg) ? "its registration cannot be read"
                        : "its registration is not among the synced records";
                waiting.add(new Waiting(c.entry(), WorkbenchReason.PATIENT_UNRESOLVED, why, orphan(incident, c)));
                continue;
            }
            visits.put(v.visitId(), v.plus(lines(c)));
        }
        return new Assembled(new ArrayList<>(visits.values()), waiting);
    }

    private record Charge(JournalEntry entry, DowntimeRecord.ChargeRecorded record) {
    }

    private static VisitDraft visit(String incident, JournalEntry e, DowntimeRecord.PatientRegistered p) {
        PatientFacts facts = new PatientFacts(e.streamId().toString(), p.name(), Sex.parse(p.sex()), p.birthDate(), p.phone(),
                p.idNumber());
        List<VisitDraft.Line> lines = new ArrayList<>();
        if (p.feeItemCode() != null) {
            lines.add(new VisitDraft.Line(lineId(e.streamId(), "fee"), "FEE", p.feeItemCode(), p.feeItemName(), 1, p.feeFen(), false, "次"));
        }
        return new VisitDraft(e.streamId(), incident, e.kioskId(), p.patientNumber(), facts, p.departmentCode(), p.doctorCode(),
                e.recordedAt(), e.actor(), null, lines);
    }

    private static List<VisitDraft.Line> lines(Charge c) {
        List<VisitDraft.Line> lines = new ArrayList<>();
        int i = 0;
        for (DowntimeRecord.PricedLine l : c.record().lines()) {
            // what the pharmacy handed over is its own record (Dispensed); a cashier's charge dispenses nothing
            lines.add(new VisitDraft.Line(lineId(c.entry().streamId(), Integer.toString(i++)), l.kind(), l.code(), l.name(),
                    l.quantity(), l.unitPriceFen(), false, l.unit()));
        }
        return lines;
    }

    /** What the workbench shows of a charge whose patient is not resolved: the name and phone typed, the lines. */
    private static VisitDraft orphan(String incident, Charge c) {
        DowntimeRecord.ChargeRecorded r = c.record();
        PatientFacts facts = new PatientFacts(c.entry().streamId().toString(), r.patientName(), Sex.UNKNOWN, null, r.phone(), null);
        return new VisitDraft(c.entry().streamId(), incident, c.entry().kioskId(), r.patientNumber(), facts, null, null,
                c.entry().recordedAt(), c.entry().actor(), null, lines(c));
    }

    /** What the workbench shows of an entry that cannot be read: where and when it was captured, by whom. */
    private static VisitDraft unknown(String incident, JournalEntry e) {
        return new VisitDraft(e.streamId(), incident, e.kioskId(), null,
                new PatientFacts(e.streamId().toString(), null, Sex.UNKNOWN, null, null, null), null, null, e.recordedAt(), e.actor(),
                null, List.of());
    }

    /** A line's stable id: the same record gives the same line ids on every run (conditional creates key on them). */
    static UUID lineId(UUID stream, String part) {
        return UUID.nameUUIDFromBytes((stream + ":" + part).getBytes(StandardCharsets.UTF_8));
    }
}
