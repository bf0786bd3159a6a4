package org.hospital.continuity.sync.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.sync.contract.DowntimeRecord.*;

/**
 * One record of every kind, as the golden files of {@code contract/records/v1} hold them ({@link #all()}), and one of
 * every kind in each later schema version, as {@code contract/records/v<N>} hold them ({@link #all(int)}): invented
 * patients, the demo snapshot's codes, amounts that add up.
 */
public final class Samples {

    public static final UUID REGISTRATION = UUID.fromString("6c1f2e3d-4b5a-4978-8a6b-5c4d3e2f1a00");
    public static final UUID CHARGE = UUID.fromString("7d2a3b4c-5d6e-4f70-8192-a3b4c5d6e7f1");
    public static final UUID IOU = UUID.fromString("8e3b4c5d-6e7f-4081-92a3-b4c5d6e7f802");
    public static final UUID PRESCRIPTION = UUID.fromString("9f4c5d6e-7f80-4192-a3b4-c5d6e7f80913");
    public static final UUID CORRECTED_PRESCRIPTION = UUID.fromString("a05d6e7f-8091-42a3-b4c5-d6e7f8091a24");
    public static final UUID REQUISITION = UUID.fromString("b16e7f80-91a2-43b4-c5d6-e7f8091a2b35");
    public static final UUID KNOWN_PATIENT_STREAM = UUID.fromString("c27f8091-a2b3-44c5-d6e7-f8091a2b3c46");
    public static final UUID CHILD_REGISTRATION = UUID.fromString("5b0e1d2c-3a49-4867-9a5b-4c3d2e1f0a91");
    public static final UUID IOU_CHARGE = UUID.fromString("6c1f2e3d-4b5a-4978-8a6b-5c4d3e2f1b02");
    public static final UUID IOU_SLIP = UUID.fromString("7d2a3b4c-5d6e-4f70-8192-a3b4c5d6e8f3");
    public static final Instant AT = Instant.parse("2026-11-21T06:30:00Z");

    /** A sample of a kind: the record, and where it stands in its journal stream. */
    public record Sample(String streamType, UUID streamId, int streamVersion, DowntimeRecord record) {
    }

    private Samples() {
    }

    static final PatientOnForm INPATIENT = new PatientOnForm("P000123", "欧阳娜娜", "ZY2026001", null, "肾内科一病区", "12");
    static final PatientOnForm OUTPATIENT = new PatientOnForm(null, "司马光", null, null, null, null);

    public static Map<String, Sample> all() {
        return Map.ofEntries(
                Map.entry("PatientRegistered", new Sample("registration", REGISTRATION, 1,
                        new PatientRegistered("DT-K1-0001", null, "司马光", "M", LocalDate.of(1980, 5, 17), null, "110101198005171233",
                                "13800138000", "SELF_PAY", null, "0301", "D042", "REG-01", "普通门诊挂号", 1000))),
                Map.entry("ChargeRecorded", new Sample("charge", CHARGE, 1,
                        new ChargeRecorded(REGISTRATION.toString(), "DT-K1-0001", null, "司马光", List.of(
                                new PricedLine("LAB-CBC", "ITEM", "血常规", null, "次", 2500, 1, 2500, "A"),
                                new PricedLine("DRUG-AMOX", "DRUG", "阿莫西林胶囊", "0.25g×24粒", "盒", 1850, 2, 3700, "A")),
                                6200, "PAID", "CASH", false, "13800138000", "00012345", null))),
                Map.entry("InvoiceVoided", new Sample("charge", CHARGE, 2, new InvoiceVoided("00012345", "打印错误"))),
                Map.entry("InvoiceNumberSpoiled", new Sample("invoice-register", UUID.fromString("d3809a1b-2c3d-44e5-f607-18293a4b5c57"), 1,
                        new InvoiceNumberSpoiled("00012346", "发票撕破"))),
                Map.entry("IouIssued", new Sample("iou", IOU, 1, new IouIssued(CHARGE.toString(), "司马光", "13800138000", 6200))),
                Map.entry("IouExchanged", new Sample("iou", IOU, 2, new IouExchanged("F2026-000777"))),
                Map.entry("DischargeSettled", new Sample("discharge-settlement", UUID.fromString("e4910a2b-3c4d-45f6-0718-293a4b5c6d68"), 1,
                        new DischargeSettled("P000123", "ZY2026001", "欧阳娜娜", "肾内科一病区", "12", List.of(
                                new PricedLine("BED-01", "ITEM", "床位费", null, "日", 5000, 6, 30000, "A")),
                                30000, 20000, 10000, true, "00012347"))),
                Map.entry("PrescriptionWritten", new Sample("prescription", PRESCRIPTION, 1,
                        new PrescriptionWritten(OUTPATIENT, "上呼吸道感染", List.of(
                                new DrugLine("DRUG-AMOX", "阿莫西林胶囊", "0.25g×24粒", "盒", new BigDecimal("0.5"), "g", "po", "tid", 2, 3,
                                        1850, 3700)),
                                3700, false, null, false, null, "snap-2026-11-20",
                                new AllergiesSeen(false, List.of(), List.of(), null), null, null))),
                Map.entry("OrderWritten", new Sample("clinical-order", UUID.fromString("f5a21b3c-4d5e-4607-1829-3a4b5c6d7e79"), 1,
                        new OrderWritten(INPATIENT, "ORDER", "一级护理", null, null, null))),
                Map.entry("ExamRequest", new Sample("clinical-order", UUID.fromString("06b32c4d-5e6f-4718-293a-4b5c6d7e8f8a"), 1,
                        new OrderWritten(INPATIENT, "LAB", "肾功能全套", "ABOUT_TO_DISCHARGE", null, null))),
                Map.entry("RequisitionIssued", new Sample("requisition", REQUISITION, 1,
                        new RequisitionIssued(INPATIENT, List.of(
                                new ClinicalLine("DRUG-NS", "0.9%氯化钠注射液", "250ml", "袋", 4, 350, 1400),
                                new ClinicalLine("DRUG-AMOX", "阿莫西林胶囊", "0.25g×24粒", "盒", 2, 1850, 3700)),
                                5100, List.of("WARD_BACK_ENTRY", "PHARMACY_VOUCHER"), "snap-2026-11-20",
                                new AllergiesSeen(true, List.of(new Allergy(null, "青霉素", "皮疹", "SEVERE")),
                                        List.of(new AllergyWarning(1, "DRUG-AMOX", "阿莫西林胶囊", "青霉素", "SEVERE")), "皮试阴性，医嘱确认"),
                                null, null))),
                Map.entry("ChargesExecuted", new Sample("charge-execution", UUID.fromString("17c43d5e-6f70-4829-3a4b-5c6d7e8f9a9b"), 1,
                        new ChargesExecuted(INPATIENT, List.of(new ClinicalLine("NUR-IV", "静脉输液", null, "次", 2, 800, 1600)), 1600,
                                "夜班补记", "snap-2026-11-20", null, null))),
                Map.entry("ExamsRegistered", new Sample("exam-register", UUID.fromString("28d54e6f-7081-493a-4b5c-6d7e8f9a0bac"), 1,
                        new ExamsRegistered(OUTPATIENT, "US-0042", List.of(new ExamDone("US-ABD", "腹部彩超", 18000),
                                new ExamDone(null, "床旁心电图", 2500)), 20500, null, null))),
                Map.entry("Dispensed", new Sample("dispense", UUID.fromString("39e65f70-8192-4a4b-5c6d-7e8f9a0b1cbd"), 1,
                        new Dispensed(REQUISITION, "requisition", INPATIENT, List.of(
                                new ClinicalLine("DRUG-AMOX", "阿莫西林胶囊", "0.25g×24粒", "盒", 2, 1850, 3700),
                                new ClinicalLine("DRUG-NS", "0.9%氯化钠注射液", "250ml", "袋", 3, 350, 1050)),
                                4750, "snap-2026-11-20", null, null, null))),
                Map.entry("AllergyNoted", new Sample("allergy", KNOWN_PATIENT_STREAM, 1,
                        new AllergyNoted(INPATIENT, null, "头孢类", "呼吸困难", "SEVERE", null, null))),
                Map.entry("ClinicalFormVoided", new Sample("prescription", PRESCRIPTION, 2, new ClinicalFormVoided(PRESCRIPTION, "患者未取药，作废"))),
                Map.entry("ClinicalFormCorrected", new Sample("prescription", PRESCRIPTION, 2,
                        new ClinicalFormCorrected(CORRECTED_PRESCRIPTION, "剂量写错"))),
                Map.entry("PrescriptionCorrection", new Sample("prescription", CORRECTED_PRESCRIPTION, 1,
                        new PrescriptionWritten(OUTPATIENT, "上呼吸道感染", List.of(
                                new DrugLine("DRUG-AMOX", "阿莫西林胶囊", "0.25g×24粒", "盒", new BigDecimal("0.25"), "g", "po", "tid", 1, 3,
                                        1850, 1850)),
                                1850, false, null, false, null, "snap-2026-11-20",
                                new AllergiesSeen(false, List.of(), List.of(), null), PRESCRIPTION, "剂量写错"))),
                Map.entry("DowntimeEntered", new Sample("mode", UUID.fromString("4a0f7081-92a3-4b5c-6d7e-8f9a0b1c2dce"), 1,
                        new DowntimeEntered("ANNOUNCED", "instr-0042", Instant.parse("2026-11-21T06:00:00Z"), null, 17))),
                Map.entry("DowntimeLeft", new Sample("mode", UUID.fromString("4a0f7081-92a3-4b5c-6d7e-8f9a0b1c2dce"), 2,
                        new DowntimeLeft("ANNOUNCED", "instr-0043", null, 14400))),
                Map.entry("InstructionAcknowledged", new Sample("instruction", UUID.fromString("5b1f8192-a3b4-4c5d-8e7f-9a0b1c2d3e4f"), 1,
                        new InstructionAcknowledged("0c4d3a2e-7b61-4f0a-9d3c-2e8f1a5b6c7d", 17L, "MANUAL_SWITCH", "MANUAL", "cashier-1",
                                "收款员甲", Instant.parse("2026-11-21T06:01:00Z"), true))));
    }

    /** The samples of schema version {@code version}: {@link #all()} for 1, the kinds that have that version after. */
    public static Map<String, Sample> all(int version) {
        return switch (version) {
            case 1 -> all();
            case 2 -> v2();
            default -> Map.of();
        };
    }

    /** The highest schema version a sample is written in. */
    public static final int LATEST = 2;

    /**
     * Version 2: a child under 14 registered with the guardian, filled from an earlier registration at this kiosk; a
     * charge settled by an IOU slip with the slip's short number and the insurance the slip waits for (EP-4.4).
     */
    static Map<String, Sample> v2() {
        return Map.ofEntries(
                Map.entry("PatientRegistered", new Sample("registration", CHILD_REGISTRATION, 1,
                        new PatientRegistered("DT-K1-0002", null, "司马康", "M", LocalDate.of(2018, 3, 9), null, null,
                                null, "RESIDENT", "R330100123", "0401", null, "REG-01", "普通门诊挂号", 1000,
                                "司马光", "13800138000", REGISTRATION.toString()))),
                Map.entry("ChargeRecorded", new Sample("charge", IOU_CHARGE, 1,
                        new ChargeRecorded(REGISTRATION.toString(), "DT-K1-0001", null, "司马光", List.of(
                                new PricedLine("LAB-CBC", "ITEM", "血常规", null, "次", 2500, 1, 2500, "A"),
                                new PricedLine("DRUG-AMOX", "DRUG", "阿莫西林胶囊", "0.25g×24粒", "盒", 1850, 2, 3700, "A")),
                                6200, "IOU", null, true, "13800138000", null, IOU_SLIP.toString(), "3C4D-0007", "EMPLOYEE",
                                "E110100987"))),
                Map.entry("IouIssued", new Sample("iou", IOU_SLIP, 1,
                        new IouIssued(IOU_CHARGE.toString(), "司马光", "13800138000", 6200, "3C4D-0007", "EMPLOYEE", "E110100987"))),
                // HR-9: a void approved at the kiosk by a cashier lead (the second person)
                Map.entry("InvoiceVoided", new Sample("charge", CHARGE, 2, new InvoiceVoided("00012345", "打印错误", "super-1", "收费组长甲"))),
                // HR-9: a blank invoice spoiled, approved at the kiosk by a cashier lead (the second person)
                Map.entry("InvoiceNumberSpoiled", new Sample("invoice-register", UUID.fromString("d3809a1b-2c3d-44e5-f607-18293a4b5c57"), 1,
                        new InvoiceNumberSpoiled("00012346", "发票撕破", "super-1", "收费组长甲"))),
                // HR-9: a clinical void and a correction, each approved by a supervisor of the form's discipline (the second person)
                Map.entry("ClinicalFormVoided", new Sample("prescription", PRESCRIPTION, 2,
                        new ClinicalFormVoided(PRESCRIPTION, "患者未取药，作废", "doctor-2", "主任医师甲"))),
                Map.entry("ClinicalFormCorrected", new Sample("prescription", PRESCRIPTION, 2,
                        new ClinicalFormCorrected(CORRECTED_PRESCRIPTION, "剂量写错", "doctor-2", "主任医师甲"))),
                // EP-6.1: a phoned instruction, confirmed on the same kiosk by a second supervisor; IT reviews it
                Map.entry("DowntimeEntered", new Sample("mode", PHONED_EPISODE, 1,
                        new DowntimeEntered("SUPERVISOR", null, null, "信息科电话通知：HIS全院故障", 42, null, "收费组长乙", "super-2",
                                "收费组长丙", true))),
                // leaving by the announced restart notice, acknowledged by its short number
                Map.entry("DowntimeLeft", new Sample("mode", PHONED_EPISODE, 2,
                        new DowntimeLeft("ANNOUNCED", "5b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", null, 7200, 12L, "收款员甲", null, null,
                                null))));
    }

    static final UUID PHONED_EPISODE = UUID.fromString("4a0f7081-92a3-4b5c-6d7e-8f9a0b1c2dcf");
}
