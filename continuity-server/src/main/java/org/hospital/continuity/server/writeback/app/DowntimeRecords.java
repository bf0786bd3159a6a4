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
import java.util.HashMap;
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

    /** An entry accounted without a write to the HIS, and why (a breakpoint, a record voided before write-back …). */
    public record NotForHis(JournalEntry entry, String reason) {
    }

    /**
     * The visit drafts in capture order, the other records to write (after the visits, in capture order), the records
     * that wait for a person, the entries that need no write, and for every entry the unit it is accounted under (a visit,
     * a record, a waiting record; the conservation ledger counts entries by the fate of their unit).
     */
    public record Assembled(List<VisitDraft> drafts, List<RecordDraft> records, List<Waiting> waiting, List<NotForHis> notForHis,
                            Map<UUID, UUID> unitOfEntry) {

        /** Visits and waiting records only (the older shape, for callers that write visits). */
        public Assembled(List<VisitDraft> drafts, List<Waiting> waiting) {
            this(drafts, List.of(), waiting, List.of(), Map.of());
        }
    }

    private DowntimeRecords() {
    }

    public static Assembled assemble(String incident, List<JournalEntry> entries) {
        List<JournalEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingLong(JournalEntry::hlc).thenComparing(JournalEntry::kioskId)
                .thenComparingLong(JournalEntry::kioskSeq));
        Map<UUID, VisitDraft> visits = new LinkedHashMap<>();
        Map<UUID, Charge> charges = new LinkedHashMap<>();
        Map<UUID, JournalEntry> voidedCharges = new LinkedHashMap<>();
        Set<UUID> unreadableRegistrations = new HashSet<>();
        List<Waiting> waiting = new ArrayList<>();
        List<NotForHis> notForHis = new ArrayList<>();
        List<RecordDraft> records = new ArrayList<>();
        List<RecordDraft> amendments = new ArrayList<>();
        Map<UUID, RecordDraft> byStream = new HashMap<>();
        Map<UUID, UUID> unitOf = new LinkedHashMap<>();
        Map<UUID, JournalEntry> iouIssued = new HashMap<>();
        List<Map.Entry<JournalEntry, DowntimeRecord.IouExchanged>> exchanges = new ArrayList<>();
        for (JournalEntry e : ordered) {
            Contract.Read read = Contract.CURRENT.check(e);
            if (read instanceof Contract.Unreadable u) {
                if ("registration".equals(e.streamType())) {
                    unreadableRegistrations.add(e.streamId());
                }
                waiting.add(new Waiting(e, WorkbenchReason.UNREADABLE_RECORD, u.summary(), unknown(incident, e)));
                unitOf.put(e.entryId(), e.streamId());
                continue;
            }
            DowntimeRecord r = ((Contract.Readable) read).record();
            if (r instanceof DowntimeRecord.PatientRegistered p) {
                visits.put(e.streamId(), visit(incident, e, p));
                unitOf.put(e.entryId(), e.streamId());
            } else if (r instanceof DowntimeRecord.ChargeRecorded c) {
                charges.put(e.streamId(), new Charge(e, c));
            } else if (r instanceof DowntimeRecord.InvoiceVoided) {
                voidedCharges.put(e.streamId(), e);
            } else if (r instanceof DowntimeRecord.IouIssued) {
                iouIssued.put(e.streamId(), e);
            } else if (r instanceof DowntimeRecord.IouExchanged x) {
                exchanges.add(Map.entry(e, x));
            } else if (r instanceof DowntimeRecord.ClinicalForm f) {
                RecordDraft d = new RecordDraft(e.streamId(), e, r, patientKey(f.patient()), null, null);
                records.add(d);
                byStream.put(e.streamId(), d);
                unitOf.put(e.entryId(), e.streamId());
            } else if (r instanceof DowntimeRecord.DischargeSettled ds) {
                RecordDraft d = new RecordDraft(e.streamId(), e, r, new RecordDraft.PatientKey(null, ds.patientId(), ds.inpatientNumber(),
                        ds.patientName()), null, null);
                records.add(d);
                unitOf.put(e.entryId(), e.streamId());
            } else if (r instanceof DowntimeRecord.ClinicalFormVoided || r instanceof DowntimeRecord.ClinicalFormCorrected) {
                RecordDraft original = byStream.get(e.streamId());
                if (original == null) {
                    // HR-9: the record it amends is not among this incident's records (another outage's, or never synced);
                    // the amendment may still concern a record in the HIS: a person applies it there or says why not
                    amendsElsewhere(incident, e, "voids or corrects a record not among this incident's records", waiting, unitOf);
                    continue;
                }
                RecordDraft a = new RecordDraft(e.entryId(), e, r, original.patient(), e.streamId(), original);
                amendments.add(a);
                unitOf.put(e.entryId(), e.entryId());
            } else {
                // the breakpoint entries, an acknowledged instruction (EP-6.1), a spoiled paper invoice number: book-keeping of
                // the desk, nothing for the HIS
                notForHis.add(new NotForHis(e, r instanceof DowntimeRecord.InvoiceNumberSpoiled ? "spoiled invoice number (register only)"
                        : r instanceof DowntimeRecord.InstructionAcknowledged ? "instruction acknowledged at the kiosk"
                        : "breakpoint of the kiosk"));
            }
        }
        Map<UUID, UUID> chargeUnit = new HashMap<>();
        for (Charge c : charges.values()) {
            UUID stream = c.entry().streamId();
            List<VisitDraft.Line> lines = lines(c);
            UUID reg = c.record().registrationId() == null ? null : UUID.fromString(c.record().registrationId());
            VisitDraft v = reg == null ? null : visits.get(reg);
            JournalEntry voided = voidedCharges.get(stream);
            if (v != null) {
                chargeUnit.put(stream, v.visitId());
                unitOf.put(c.entry().entryId(), v.visitId());
                if (voided == null) {
                    visits.put(v.visitId(), v.plus(lines));
                }
            } else if (reg != null && unreadableRegistrations.contains(reg)) {
                waiting.add(new Waiting(c.entry(), WorkbenchReason.PATIENT_UNRESOLVED, "its registration cannot be read", orphan(incident, c)));
                chargeUnit.put(stream, stream);
                unitOf.put(c.entry().entryId(), stream);
            } else {
                // a charge for a registration not among this incident's records (an earlier outage's, already in the HIS, or
                // one still on its way), for a patient the snapshot knows, or only typed by name: its own record, resolved at
                // write-back (the registration's HIS patient, the snapshot's, a person's choice) or waiting on the workbench
                // with its reason; never left out
                RecordDraft d = new RecordDraft(stream, c.entry(), c.record(), new RecordDraft.PatientKey(reg, c.record().knownPatientId(),
                        c.record().patientNumber(), c.record().patientName()), null, null);
                records.add(d);
                chargeUnit.put(stream, stream);
                unitOf.put(c.entry().entryId(), stream);
            }
            if (voided != null) {
                // HR-9: the void is written as the new status of the charge's items, once the charge's unit is in the HIS
                RecordDraft original = new RecordDraft(stream, c.entry(), c.record(), null, null, null);
                RecordDraft a = new RecordDraft(voided.entryId(), voided, new DowntimeRecord.ClinicalFormVoided(stream, reasonOf(voided)),
                        null, chargeUnit.get(stream), original);
                amendments.add(a);
                unitOf.put(voided.entryId(), voided.entryId());
            }
        }
        for (Map.Entry<UUID, JournalEntry> v : voidedCharges.entrySet()) {
            if (!charges.containsKey(v.getKey())) {
                amendsElsewhere(incident, v.getValue(), "voids the invoice of a charge not among this incident's records", waiting, unitOf);
            }
        }
        for (Map.Entry<UUID, JournalEntry> i : iouIssued.entrySet()) {
            JournalEntry e = i.getValue();
            Contract.Read read = Contract.CURRENT.check(e);
            UUID charge = read instanceof Contract.Readable r && r.record() instanceof DowntimeRecord.IouIssued slip
                    ? UUID.fromString(slip.chargeId()) : null;
            UUID unit = charge == null ? null : chargeUnit.get(charge);
            if (unit == null) {
                notForHis.add(new NotForHis(e, "IOU slip of a charge not among this incident's records"));
            } else {
                unitOf.put(e.entryId(), unit);
            }
        }
        for (Map.Entry<JournalEntry, DowntimeRecord.IouExchanged> x : exchanges) {
            JournalEntry e = x.getKey();
            JournalEntry slip = iouIssued.get(e.streamId());
            Contract.Read read = slip == null ? null : Contract.CURRENT.check(slip);
            DowntimeRecord.IouIssued issued = read instanceof Contract.Readable r && r.record() instanceof DowntimeRecord.IouIssued s2 ? s2 : null;
            UUID charge = issued == null ? null : UUID.fromString(issued.chargeId());
            UUID unit = charge == null ? null : chargeUnit.get(charge);
            if (unit == null) {
                amendsElsewhere(incident, e, "exchanges an IOU slip whose charge is not among this incident's records", waiting, unitOf);
                continue;
            }
            Charge c = charges.get(charge);
            RecordDraft d = new RecordDraft(e.entryId(), e, x.getValue(), null, unit,
                    new RecordDraft(charge, c.entry(), c.record(), null, null, null));
            amendments.add(d);
            unitOf.put(e.entryId(), e.entryId());
        }
        List<RecordDraft> all = new ArrayList<>(records);
        all.addAll(amendments);
        return new Assembled(new ArrayList<>(visits.values()), all, waiting, notForHis, unitOf);
    }

    private static String reasonOf(JournalEntry voided) {
        return Contract.CURRENT.check(voided) instanceof Contract.Readable r && r.record() instanceof DowntimeRecord.InvoiceVoided v
                ? v.reason() : null;
    }

    private static RecordDraft.PatientKey patientKey(DowntimeRecord.PatientOnForm p) {
        return p == null ? new RecordDraft.PatientKey(null, null, null, null)
                : new RecordDraft.PatientKey(null, p.knownPatientId(), p.inpatientNumber(), p.name(), p.outpatientNumber());
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
        return captured(incident, c.entry(), c.record());
    }

    /** What the workbench shows of a charge as captured: the name and phone typed, the downtime number, the priced lines. */
    static VisitDraft captured(String incident, JournalEntry e, DowntimeRecord.ChargeRecorded r) {
        PatientFacts facts = new PatientFacts(e.streamId().toString(), r.patientName(), Sex.UNKNOWN, null, r.phone(), null);
        return new VisitDraft(e.streamId(), incident, e.kioskId(), r.patientNumber(), facts, null, null, e.recordedAt(), e.actor(), null,
                lines(new Charge(e, r)));
    }

    /** An amendment whose record is not among the incident's: it waits on the workbench, under its own entry's id. */
    private static void amendsElsewhere(String incident, JournalEntry e, String detail, List<Waiting> waiting, Map<UUID, UUID> unitOf) {
        VisitDraft captured = new VisitDraft(e.entryId(), incident, e.kioskId(), null,
                new PatientFacts(e.entryId().toString(), null, Sex.UNKNOWN, null, null, null), null, null, e.recordedAt(), e.actor(),
                null, List.of());
        waiting.add(new Waiting(e, WorkbenchReason.AMENDS_RECORD_ELSEWHERE, detail + " (record " + e.streamId() + ")", captured));
        unitOf.put(e.entryId(), e.entryId());
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
