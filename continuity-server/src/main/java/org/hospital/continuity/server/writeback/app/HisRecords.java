package org.hospital.continuity.server.writeback.app;

import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.his.CodeMapping;
import org.hospital.continuity.sync.his.HisRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps a {@link RecordDraft} (kiosk codes) to the {@link HisRecord} a link writes, under a resolved subject: every code to
 * the HIS's (configured, never guessed: what has no HIS code is returned as missing, and the record waits on the
 * workbench), stable line ids (the same record gives the same ids on every run), the provenance of the entry. Pure.
 */
final class HisRecords {

    /** The record to write, or the codes that have no HIS code. */
    record Mapped(HisRecord record, List<CodeMapping.Unmapped> missing) {
    }

    private final CodeMapping mapping;

    HisRecords(CodeMapping mapping) {
        this.mapping = mapping;
    }

    /**
     * @param fillsLines for a dispense: the line ids of the order it fills, by drug code (first line of each drug)
     */
    Mapped map(String incident, RecordDraft d, HisRecord.Subject subject, java.util.Map<String, UUID> fillsLines) {
        List<CodeMapping.Unmapped> missing = new ArrayList<>();
        HisRecord r = build(incident, d, subject, fillsLines, missing);
        return new Mapped(missing.isEmpty() ? r : null, missing);
    }

    private HisRecord build(String incident, RecordDraft d, HisRecord.Subject subject, java.util.Map<String, UUID> fillsLines,
                            List<CodeMapping.Unmapped> missing) {
        UUID id = d.unitId();
        UUID stream = d.entry().streamId();
        HisRecord.Source src = new HisRecord.Source(d.entry().kioskId(), d.entry().actor(), d.entry().recordedAt(), incident,
                d.entry().entryId());
        DowntimeRecord r = d.record();
        if (d.original() != null && (r instanceof DowntimeRecord.ClinicalFormVoided || r instanceof DowntimeRecord.ClinicalFormCorrected)) {
            HisRecord original = build(incident, d.original(), subject, fillsLines, missing);
            if (r instanceof DowntimeRecord.ClinicalFormVoided v) {
                return new HisRecord.Amendment(id, subject, src, HisRecord.AmendmentKind.VOIDED, original, v.reason(), null);
            }
            DowntimeRecord.ClinicalFormCorrected c = (DowntimeRecord.ClinicalFormCorrected) r;
            return new HisRecord.Amendment(id, subject, src, HisRecord.AmendmentKind.CORRECTED, original, c.reason(), c.correctedBy());
        }
        if (r instanceof DowntimeRecord.IouExchanged x && d.original() != null
                && d.original().record() instanceof DowntimeRecord.ChargeRecorded charge) {
            List<UUID> lines = new ArrayList<>();
            for (int i = 0; i < charge.lines().size(); i++) {
                lines.add(DowntimeRecords.lineId(d.original().entry().streamId(), Integer.toString(i)));
            }
            return new HisRecord.IouExchange(id, subject, src, x.formalInvoiceNo(), charge.totalFen(), lines);
        }
        if (r instanceof DowntimeRecord.PrescriptionWritten p) {
            List<HisRecord.DrugOrderLine> lines = new ArrayList<>();
            for (int i = 0; i < p.lines().size(); i++) {
                DowntimeRecord.DrugLine l = p.lines().get(i);
                lines.add(new HisRecord.DrugOrderLine(DowntimeRecords.lineId(stream, Integer.toString(i)), drug(l.drugCode(), missing),
                        l.drugName(), l.quantity(), l.unit(), l.dose() == null ? null : l.dose().stripTrailingZeros().toPlainString() + " " + l.doseUnit(),
                        l.route(), l.frequency(), l.days()));
            }
            return new HisRecord.MedicationOrder(id, subject, src, p.dischargeMedication() ? HisRecord.OrderSetting.DISCHARGE
                    : subject.encounterRef() != null && p.patient() != null && p.patient().inpatientNumber() != null
                    ? HisRecord.OrderSetting.INPATIENT : HisRecord.OrderSetting.OUTPATIENT, p.diagnosis(), lines, p.corrects());
        }
        if (r instanceof DowntimeRecord.RequisitionIssued q) {
            List<HisRecord.DrugOrderLine> lines = new ArrayList<>();
            for (int i = 0; i < q.lines().size(); i++) {
                DowntimeRecord.ClinicalLine l = q.lines().get(i);
                lines.add(new HisRecord.DrugOrderLine(DowntimeRecords.lineId(stream, Integer.toString(i)), drug(l.code(), missing), l.name(),
                        l.quantity(), l.unit(), null, null, null, null));
            }
            return new HisRecord.MedicationOrder(id, subject, src, HisRecord.OrderSetting.INPATIENT, null, lines, q.corrects());
        }
        if (r instanceof DowntimeRecord.OrderWritten o) {
            return new HisRecord.ServiceOrder(id, subject, src, HisRecord.ServiceKind.valueOf(o.kind()), o.content(), o.dischargeMark(),
                    o.corrects());
        }
        if (r instanceof DowntimeRecord.ExamsRegistered e) {
            List<HisRecord.ChargeLine> exams = new ArrayList<>();
            for (int i = 0; i < e.exams().size(); i++) {
                DowntimeRecord.ExamDone x = e.exams().get(i);
                exams.add(new HisRecord.ChargeLine(DowntimeRecords.lineId(stream, Integer.toString(i)), false,
                        x.itemCode() == null ? null : item(x.itemCode(), missing), x.description(), 1, "次", x.priceFen()));
            }
            return new HisRecord.ExamsDone(id, subject, src, e.stubNumber(), exams, e.corrects());
        }
        if (r instanceof DowntimeRecord.Dispensed disp) {
            List<HisRecord.DispenseLine> lines = new ArrayList<>();
            for (int i = 0; i < disp.lines().size(); i++) {
                DowntimeRecord.ClinicalLine l = disp.lines().get(i);
                lines.add(new HisRecord.DispenseLine(new HisRecord.ChargeLine(DowntimeRecords.lineId(stream, Integer.toString(i)), true,
                        drug(l.code(), missing), l.name(), l.quantity(), l.unit(), l.unitPriceFen()),
                        fillsLines == null ? null : fillsLines.get(l.code())));
            }
            return new HisRecord.Dispense(id, subject, src, disp.fills(), lines, disp.corrects());
        }
        if (r instanceof DowntimeRecord.ChargesExecuted c) {
            List<HisRecord.ChargeLine> lines = new ArrayList<>();
            for (int i = 0; i < c.lines().size(); i++) {
                DowntimeRecord.ClinicalLine l = c.lines().get(i);
                lines.add(clinicalCharge(DowntimeRecords.lineId(stream, Integer.toString(i)), l, missing));
            }
            return new HisRecord.Charges(id, subject, src, lines, c.corrects());
        }
        if (r instanceof DowntimeRecord.ChargeRecorded c) {
            return new HisRecord.Charges(id, subject, src, priced(stream, c.lines(), missing), null);
        }
        if (r instanceof DowntimeRecord.DischargeSettled s) {
            return new HisRecord.Settlement(id, subject, src, s.inpatientNumber(), s.invoiceNo(), priced(stream, s.lines(), missing),
                    s.totalFen(), s.depositFen(), s.balanceFen());
        }
        if (r instanceof DowntimeRecord.AllergyNoted a) {
            return new HisRecord.AllergyNoted(id, subject, src, a.allergenCode() == null ? null : drug(a.allergenCode(), missing),
                    a.allergen(), a.reaction(), a.severity());
        }
        throw new IllegalArgumentException("not a record write-back writes on its own: " + r.getClass().getSimpleName());
    }

    private List<HisRecord.ChargeLine> priced(UUID stream, List<DowntimeRecord.PricedLine> lines, List<CodeMapping.Unmapped> missing) {
        List<HisRecord.ChargeLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            DowntimeRecord.PricedLine l = lines.get(i);
            boolean drug = "DRUG".equals(l.kind());
            out.add(new HisRecord.ChargeLine(DowntimeRecords.lineId(stream, Integer.toString(i)), drug,
                    drug ? drug(l.code(), missing) : item(l.code(), missing), l.name(), l.quantity(), l.unit(), l.unitPriceFen()));
        }
        return out;
    }

    /** A ward line carries no kind: an item code when the item list maps it, else a drug code. */
    private HisRecord.ChargeLine clinicalCharge(UUID lineId, DowntimeRecord.ClinicalLine l, List<CodeMapping.Unmapped> missing) {
        Optional<String> item = mapping.his(CodeMapping.Kind.ITEM, l.code());
        if (item.isPresent()) {
            return new HisRecord.ChargeLine(lineId, false, item.get(), l.name(), l.quantity(), l.unit(), l.unitPriceFen());
        }
        return new HisRecord.ChargeLine(lineId, true, drug(l.code(), missing), l.name(), l.quantity(), l.unit(), l.unitPriceFen());
    }

    private String drug(String code, List<CodeMapping.Unmapped> missing) {
        return code(CodeMapping.Kind.DRUG, code, missing);
    }

    private String item(String code, List<CodeMapping.Unmapped> missing) {
        return code(CodeMapping.Kind.ITEM, code, missing);
    }

    private String code(CodeMapping.Kind kind, String code, List<CodeMapping.Unmapped> missing) {
        Optional<String> his = mapping.his(kind, code);
        if (his.isEmpty()) {
            CodeMapping.Unmapped u = new CodeMapping.Unmapped(kind, code);
            if (!missing.contains(u)) {
                missing.add(u);
            }
            return code;
        }
        return his.get();
    }
}
