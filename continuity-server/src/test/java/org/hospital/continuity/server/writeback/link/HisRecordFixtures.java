package org.hospital.continuity.server.writeback.link;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.his.HisRecord;

/** One {@link HisRecord} of every kind under a given subject, as write-back hands them to a link. */
public final class HisRecordFixtures {

    static final Instant AT = Instant.parse("2026-11-21T02:10:00Z");

    private HisRecordFixtures() {
    }

    static HisRecord.Source source() {
        return new HisRecord.Source("kiosk-ward-1", "acct-nurse-7", AT, "incident-42", UUID.randomUUID());
    }

    static HisRecord.ChargeLine line(boolean drug, String code, String name, int q, String unit, long price) {
        return new HisRecord.ChargeLine(UUID.randomUUID(), drug, code, name, q, unit, price);
    }

    /** Every kind but the amendment, in the order a ward's day would produce them. */
    public static List<HisRecord> everyKind(HisRecord.Subject inpatient, HisRecord.Subject outpatient) {
        UUID rx = UUID.randomUUID();
        UUID rxLine = UUID.randomUUID();
        HisRecord.MedicationOrder prescription = new HisRecord.MedicationOrder(rx, outpatient, source(), HisRecord.OrderSetting.OUTPATIENT,
                "上呼吸道感染", List.of(new HisRecord.DrugOrderLine(rxLine, "DRUG-AMOX", "阿莫西林胶囊", 2, "盒", "0.5 g", "po", "tid", 3)), null);
        HisRecord.MedicationOrder requisition = new HisRecord.MedicationOrder(UUID.randomUUID(), inpatient, source(),
                HisRecord.OrderSetting.INPATIENT, null, List.of(new HisRecord.DrugOrderLine(UUID.randomUUID(), "DRUG-NS", "0.9%氯化钠注射液", 4,
                "袋", null, null, null, null)), null);
        HisRecord.ServiceOrder order = new HisRecord.ServiceOrder(UUID.randomUUID(), inpatient, source(), HisRecord.ServiceKind.ORDER,
                "一级护理", null, null);
        HisRecord.ServiceOrder examRequest = new HisRecord.ServiceOrder(UUID.randomUUID(), inpatient, source(), HisRecord.ServiceKind.LAB,
                "肾功能全套", "ABOUT_TO_DISCHARGE", null);
        HisRecord.ExamsDone exams = new HisRecord.ExamsDone(UUID.randomUUID(), outpatient, source(), "US-0042",
                List.of(line(false, "US-ABD", "腹部彩超", 1, "次", 18000), line(false, null, "床旁心电图", 1, "次", 2500)), null);
        HisRecord.Dispense dispense = new HisRecord.Dispense(UUID.randomUUID(), outpatient, source(), rx,
                List.of(new HisRecord.DispenseLine(line(true, "DRUG-AMOX", "阿莫西林胶囊", 1, "盒", 1850), rxLine)), null);
        HisRecord.Charges wardCharges = new HisRecord.Charges(UUID.randomUUID(), inpatient, source(),
                List.of(line(false, "NUR-IV", "静脉输液", 2, "次", 800)), null);
        HisRecord.Charges cashier = new HisRecord.Charges(UUID.randomUUID(), outpatient, source(),
                List.of(line(false, "LAB-CBC", "血常规", 1, "次", 2500)), null);
        HisRecord.Settlement settlement = new HisRecord.Settlement(UUID.randomUUID(), inpatient, source(), "ZY2026001", "00012347",
                List.of(line(false, "BED-01", "床位费", 6, "日", 5000)), 30000, 20000, 10000);
        HisRecord.IouExchange exchange = new HisRecord.IouExchange(UUID.randomUUID(), outpatient, source(), "F2026-000777", 2500,
                List.of(cashier.lines().get(0).lineId()));
        HisRecord.AllergyNoted allergy = new HisRecord.AllergyNoted(UUID.randomUUID(), inpatient, source(), null, "头孢类", "呼吸困难",
                "SEVERE");
        return List.of(prescription, requisition, order, examRequest, exams, dispense, wardCharges, cashier, settlement, exchange, allergy);
    }

    /** HR-9: a void of {@code original} with the reason. */
    public static HisRecord.Amendment voided(HisRecord original) {
        return new HisRecord.Amendment(UUID.randomUUID(), original.subject(), source(), HisRecord.AmendmentKind.VOIDED, original,
                "开错病人", null);
    }

    /** HR-9: {@code original} superseded by a correction. */
    public static HisRecord.Amendment corrected(HisRecord original, UUID correctedBy) {
        return new HisRecord.Amendment(UUID.randomUUID(), original.subject(), source(), HisRecord.AmendmentKind.CORRECTED, original,
                "剂量写错", correctedBy);
    }
}
