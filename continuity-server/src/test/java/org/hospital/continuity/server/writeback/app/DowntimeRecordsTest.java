package org.hospital.continuity.server.writeback.app;

import org.hospital.continuity.server.writeback.WorkbenchReason;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Payloads as the kiosk journals them, written through the record contract: PatientRegistered, ChargeRecorded, InvoiceVoided. */
class DowntimeRecordsTest {

    static final Instant T = Instant.parse("2026-11-21T02:00:00Z");

    static JournalEntry entry(String kiosk, long seq, String stream, UUID id, int version, String event, String json) {
        // the kind's current schema version, as a kiosk journals it (the payloads are written from current records)
        int schema = Contract.CURRENT.kind(event).map(Contract.Kind::currentVersion).orElse(1);
        return JournalEntry.seal(UUID.randomUUID(), kiosk, seq, stream, id, version, event, schema, json, T.plusSeconds(seq), seq,
                "acct-7");
    }

    static String registration(String number, String name, String sex, String birthDate, String phone) {
        return Contract.write(new DowntimeRecord.PatientRegistered(number, null, name, sex, java.time.LocalDate.parse(birthDate), null, null,
                phone, "SELF_PAY", null, "0301", "D1", "REG-01", "普通门诊挂号", 1000));
    }

    static String charge(UUID registration, DowntimeRecord.PricedLine... lines) {
        long total = java.util.Arrays.stream(lines).mapToLong(DowntimeRecord.PricedLine::amountFen).sum();
        return Contract.write(new DowntimeRecord.ChargeRecorded(registration == null ? null : registration.toString(), "DT0100001", null,
                "王芳", List.of(lines), total, "PAID", "CASH", false, null, "A00" + total, null));
    }

    static DowntimeRecord.PricedLine line(String code, String kind, String name, long unit, int quantity) {
        return new DowntimeRecord.PricedLine(code, kind, name, null, "盒", unit, quantity, unit * quantity, null);
    }

    @Test
    @DisplayName("a registration and its charges become one visit draft; a voided charge adds nothing; a charge without its registration is its own record, never dropped")
    void registrationsAndChargesBecomeVisits() {
        UUID reg = UUID.randomUUID();
        UUID charge = UUID.randomUUID();
        UUID voidedCharge = UUID.randomUUID();
        UUID orphan = UUID.randomUUID();
        List<JournalEntry> entries = List.of(
                entry("k1", 1, "registration", reg, 1, "PatientRegistered", registration("DT0100001", "王芳", "F", "1990-03-04", "13900001111")),
                entry("k1", 2, "charge", charge, 1, "ChargeRecorded", charge(reg, line("DRUG-AMOX", "DRUG", "阿莫西林胶囊", 1850, 2),
                        line("LAB-CBC", "ITEM", "血常规", 2500, 1))),
                entry("k1", 3, "charge", voidedCharge, 1, "ChargeRecorded", charge(reg, line("RAD-CXR", "ITEM", "胸片", 8000, 1))),
                entry("k1", 4, "charge", voidedCharge, 2, "InvoiceVoided", "{\"approvedBy\":\"lead-1\",\"approvedByName\":\"收费组长\",\"invoiceNo\":\"A001\",\"reason\":\"重复收费\"}"),
                entry("k2", 1, "charge", orphan, 1, "ChargeRecorded", charge(UUID.randomUUID(), line("LAB-CBC", "ITEM", "血常规", 2500, 1))));

        DowntimeRecords.Assembled a = DowntimeRecords.assemble("inc-1", entries);

        assertThat(a.drafts()).hasSize(1);
        VisitDraft v = a.drafts().get(0);
        assertThat(v.visitId()).isEqualTo(reg);
        assertThat(v.downtimeNumber()).isEqualTo("DT0100001");
        assertThat(v.patient().sex()).isEqualTo(Sex.FEMALE);
        assertThat(v.patient().birthDate()).isEqualTo(LocalDate.of(1990, 3, 4));
        assertThat(v.lines()).extracting(VisitDraft.Line::code).containsExactly("REG-01", "DRUG-AMOX", "LAB-CBC");
        // a cashier's charge dispenses nothing: what the pharmacy handed over is its own record (changed: every drug line
        // used to be taken as dispensed)
        assertThat(v.lines().get(1).dispensed()).isFalse();
        // a charge whose registration is not among the outage's records is its own record, resolved at write-back (its
        // registration's HIS patient from an earlier outage, the snapshot's, or the workbench with a reason); it used to
        // wait on the workbench at once, whatever the HIS knew of its registration
        assertThat(a.waiting()).isEmpty();
        assertThat(a.records()).filteredOn(d -> d.amends() == null).singleElement().satisfies(d -> {
            assertThat(d.unitId()).isEqualTo(orphan);
            assertThat(d.patient().registrationId()).isNotNull();
            assertThat(d.record()).isInstanceOf(DowntimeRecord.ChargeRecorded.class);
        });
        assertThat(a.unitOfEntry()).containsValue(orphan);
    }

    @Test
    @DisplayName("a payload that is not JSON (or breaks the contract) waits on the workbench with its reason and never stops the others")
    void aCorruptRecordNeverStopsTheOthers() {
        UUID reg = UUID.randomUUID();
        UUID corrupt = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        List<JournalEntry> entries = List.of(
                entry("k1", 1, "registration", reg, 1, "PatientRegistered", registration("DT0100001", "王芳", "F", "1990-03-04", null)),
                entry("k1", 2, "registration", corrupt, 1, "PatientRegistered", "this is not JSON {"),
                entry("k1", 3, "charge", broken, 1, "ChargeRecorded", "{\"registrationId\":\"" + reg + "\",\"lines\":[]}"),
                entry("k1", 4, "charge", UUID.randomUUID(), 1, "ChargeRecorded", charge(corrupt, line("LAB-CBC", "ITEM", "血常规", 2500, 1))),
                entry("k1", 5, "registration", after, 1, "PatientRegistered", registration("DT0100002", "李娜", "F", "1985-01-02", null)));

        DowntimeRecords.Assembled a = DowntimeRecords.assemble("inc-1", entries);

        assertThat(a.drafts()).extracting(VisitDraft::visitId).containsExactly(reg, after);
        assertThat(a.waiting()).extracting(DowntimeRecords.Waiting::reason).containsExactly(
                WorkbenchReason.UNREADABLE_RECORD, WorkbenchReason.UNREADABLE_RECORD, WorkbenchReason.PATIENT_UNRESOLVED);
        assertThat(a.waiting().get(0).detail()).isEqualTo("payload: not JSON");
        assertThat(a.waiting().get(1).detail()).contains("payload.insuranceDeferred");
        assertThat(a.waiting().get(2).detail()).isEqualTo("its registration cannot be read");
    }

    @Test
    @DisplayName("HR-9 a void, a correction, an invoice void and an IOU exchange of records not among the incident's wait on the workbench under their own entry, with a reason; none is left out")
    void amendmentsOfRecordsElsewhereWait() {
        UUID prescription = UUID.randomUUID();
        UUID charge = UUID.randomUUID();
        UUID slip = UUID.randomUUID();
        UUID corrected = UUID.randomUUID();
        List<JournalEntry> entries = List.of(
                entry("k1", 1, "prescription", prescription, 2, "ClinicalFormVoided",
                        Contract.write(new DowntimeRecord.ClinicalFormVoided(prescription, "患者未取药", "lead-2", "科室主任"))),
                entry("k1", 2, "prescription", corrected, 2, "ClinicalFormCorrected",
                        Contract.write(new DowntimeRecord.ClinicalFormCorrected(UUID.randomUUID(), "剂量写错", "lead-2", "科室主任"))),
                entry("k1", 3, "charge", charge, 2, "InvoiceVoided", Contract.write(new DowntimeRecord.InvoiceVoided("A001", "重复收费", "lead-1", "收费组长"))),
                entry("k1", 4, "iou", slip, 2, "IouExchanged", Contract.write(new DowntimeRecord.IouExchanged("F2026-000001"))));

        DowntimeRecords.Assembled a = DowntimeRecords.assemble("inc-1", entries);

        assertThat(a.waiting()).hasSize(4).allSatisfy(w -> {
            assertThat(w.reason()).isEqualTo(WorkbenchReason.AMENDS_RECORD_ELSEWHERE);
            assertThat(w.captured().visitId()).as("waits under its own entry, not the amended record's id").isEqualTo(w.entry().entryId());
            assertThat(w.detail()).contains(w.entry().streamId().toString());
        });
        assertThat(a.notForHis()).isEmpty();
        assertThat(a.unitOfEntry()).hasSize(4);
        entries.forEach(e -> assertThat(a.unitOfEntry()).containsEntry(e.entryId(), e.entryId()));
    }
}
