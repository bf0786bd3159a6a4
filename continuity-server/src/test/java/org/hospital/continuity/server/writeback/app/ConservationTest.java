package org.hospital.continuity.server.writeback.app;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.server.writeback.integration.FhirIdentifiers;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.contract.DowntimeRecord.*;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.his.CodeMapping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * EP-8.4 "nothing left behind", counted: an outage with every kind of record (registrations, cashier charges, a voided
 * charge, an IOU issued and exchanged, charges whose patient cannot be resolved, prescriptions by name, a corrected and a
 * voided prescription, a ward requisition and a partial dispense from the pharmacy's kiosk, orders, an exam request, an
 * exam register with a code the HIS does not know and one it knows, ward charges, a discharge settlement, an allergy, the breakpoint entries,
 * a spoiled invoice number, and a corrupt record in the middle) is written back into the stand-in FHIR HIS; per kiosk and
 * per kind, received = written + waiting (with a reason) + not for the HIS, nothing pending; and again after a replay, which
 * adds nothing to the HIS.
 */
class ConservationTest {

    static final FhirIdentifiers IDS = FhirIdentifiers.defaults();
    static FhirHisPort his;
    static final Instant T0 = Instant.parse("2026-11-21T01:00:00Z");

    @BeforeAll
    static void connect() {
        his = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), IDS, ZoneId.of("Asia/Shanghai"),
                InstantSource.system());
    }

    @BeforeEach
    void emptyHis() {
        FhirTestServerProcess.reset();
        his.forgetPrices();
    }

    /** A kiosk's journal during the outage. */
    static final class Kiosk {
        final String id;
        final List<JournalEntry> entries;
        long seq;

        Kiosk(String id, List<JournalEntry> all) {
            this.id = id;
            this.entries = all;
        }

        UUID add(String stream, UUID streamId, int version, DowntimeRecord r) {
            seq++;
            Instant at = T0.plus(Duration.ofMinutes(entries.size() * 3L));
            entries.add(JournalEntry.seal(UUID.randomUUID(), id, seq, stream, streamId, version, Contract.CURRENT.eventType(r),
                    Contract.CURRENT.schemaVersion(r), Contract.write(r), at, (at.toEpochMilli() << 16) + entries.size(), "acct-" + id));
            return streamId;
        }

        UUID add(String stream, DowntimeRecord r) {
            return add(stream, UUID.randomUUID(), 1, r);
        }

        void raw(String stream, String eventType, String payload) {
            seq++;
            Instant at = T0.plus(Duration.ofMinutes(entries.size() * 3L));
            entries.add(JournalEntry.seal(UUID.randomUUID(), id, seq, stream, UUID.randomUUID(), 1, eventType, 1, payload, at,
                    (at.toEpochMilli() << 16) + entries.size(), "acct-" + id));
        }
    }

    static PricedLine priced(String code, String kind, String name, String unit, long price, int q) {
        return new PricedLine(code, kind, name, null, unit, price, q, price * q, null);
    }

    static ClinicalLine line(String code, String name, String unit, long price, int q) {
        return new ClinicalLine(code, name, null, unit, q, price, price * q);
    }

    static PatientOnForm typed(String name) {
        return new PatientOnForm(null, name, null, null, null, null);
    }

    static ChargeRecorded paid(UUID registration, String known, String name, PricedLine... lines) {
        long total = java.util.Arrays.stream(lines).mapToLong(PricedLine::amountFen).sum();
        return new ChargeRecorded(registration == null ? null : registration.toString(), null, known, name, List.of(lines), total, "PAID",
                "CASH", false, null, "INV" + total, null);
    }

    static PrescriptionWritten prescription(String name, int quantity, UUID corrects, String why) {
        return new PrescriptionWritten(typed(name), "上呼吸道感染", List.of(new DrugLine("DRUG-AMOX", "阿莫西林胶囊", null, "盒",
                new BigDecimal("0.5"), "g", "po", "tid", quantity, 3, 1850, 1850L * quantity)), 1850L * quantity, false, null, false, null,
                "snap-1", null, corrects, why);
    }

    /** The HIS link the outage is written through (FHIR here; {@code ConservationHl7v2Test} runs the same over HL7 v2). */
    protected org.hospital.continuity.sync.his.HisPort link() {
        return his;
    }

    /** How many charged lines the HIS holds (ChargeItems over FHIR). */
    protected long chargeLinesInHis() {
        return his.client().search().byUrl("ChargeItem?_summary=count").returnBundle(Bundle.class).execute().getTotal();
    }

    protected String seedInpatient(String id, String number) {
        Patient p = new Patient();
        p.addIdentifier().setSystem(IDS.hisPatient()).setValue(id);
        p.addName().setText("欧阳娜娜").setFamily("欧阳").addGiven("娜娜");
        String ref = "Patient/" + his.client().create().resource(p).execute().getId().getIdPart();
        Encounter e = new Encounter();
        e.addIdentifier().setSystem(IDS.inpatientNumber()).setValue(number);
        e.setStatus(Encounter.EncounterStatus.INPROGRESS);
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
        e.getSubject().setReference(ref);
        his.client().create().resource(e).execute();
        return ref;
    }

    /** The outage: three kiosks (cashier, ward, pharmacy), every kind, one corrupt record in the middle. */
    List<JournalEntry> outage() {
        List<JournalEntry> all = new ArrayList<>();
        Kiosk cashier = new Kiosk("k-cashier", all);
        Kiosk ward = new Kiosk("k-ward", all);
        Kiosk pharmacy = new Kiosk("k-pharmacy", all);
        PatientOnForm inpatient = new PatientOnForm("P000123", "欧阳娜娜", "ZY2026001", null, "肾内科一病区", "12");

        UUID episode = cashier.add("mode", new DowntimeEntered("ANNOUNCED", "instr-1", T0, null, 0));
        UUID reg1 = cashier.add("registration", new PatientRegistered("DT-1", null, "司马光", "M", LocalDate.of(1980, 5, 17), null, null,
                "13800138000", "SELF_PAY", null, "0301", null, "REG-01", "普通门诊挂号", 1000));
        UUID reg2 = cashier.add("registration", new PatientRegistered("DT-2", null, "诸葛亮", "M", LocalDate.of(1975, 1, 2), null, null,
                "13900139000", "SELF_PAY", null, "0301", null, "REG-01", "普通门诊挂号", 1000));
        cashier.add("charge", paid(reg1, null, "司马光", priced("LAB-CBC", "ITEM", "血常规", "次", 2500, 1)));
        UUID voided = cashier.add("charge", paid(reg1, null, "司马光", priced("RAD-CXR", "ITEM", "胸片", "次", 8000, 1)));
        cashier.add("charge", voided, 2, new InvoiceVoided("INV8000", "重复收费", "lead-1", "收费组长"));
        UUID iou = UUID.randomUUID();
        UUID iouCharge = cashier.add("charge", new ChargeRecorded(reg2.toString(), "DT-2", null, "诸葛亮",
                List.of(priced("DRUG-AMOX", "DRUG", "阿莫西林胶囊", "盒", 1850, 2)), 3700, "IOU", null, false, "13900139000", null, iou.toString()));
        cashier.add("iou", iou, 1, new IouIssued(iouCharge.toString(), "诸葛亮", "13900139000", 3700));
        // orphans: a registration that never reached the server; a name that fits no registration
        cashier.add("charge", paid(UUID.randomUUID(), null, "王芳", priced("LAB-CBC", "ITEM", "血常规", "次", 2500, 1)));
        cashier.add("charge", paid(null, null, "赵磊", priced("LAB-CBC", "ITEM", "血常规", "次", 2500, 1)));
        // a corrupt record in the middle (stored by a server that did not check content)
        cashier.raw("registration", "PatientRegistered", "not JSON {");
        cashier.add("invoice-register", new InvoiceNumberSpoiled("INV0001", "发票撕破", "cashier-lead-1", "收费组长"));

        UUID rx = ward.add("prescription", prescription("司马光", 2, null, null));
        UUID wrong = ward.add("prescription", prescription("诸葛亮", 3, null, null));
        UUID fixed = UUID.randomUUID();
        ward.add("prescription", fixed, 1, prescription("诸葛亮", 1, wrong, "剂量写错"));
        ward.add("prescription", wrong, 2, new ClinicalFormCorrected(fixed, "剂量写错", "lead-2", "科室主任"));
        UUID cancelled = ward.add("prescription", prescription("司马光", 1, null, null));
        ward.add("prescription", cancelled, 2, new ClinicalFormVoided(cancelled, "患者未取药", "lead-2", "科室主任"));
        UUID rq = ward.add("requisition", new RequisitionIssued(inpatient, List.of(line("DRUG-NS", "0.9%氯化钠注射液", "袋", 350, 4),
                line("DRUG-AMOX", "阿莫西林胶囊", "盒", 1850, 2)), 5100, List.of("WARD_BACK_ENTRY", "PHARMACY_VOUCHER"), "snap-1", null, null, null));
        ward.add("clinical-order", new OrderWritten(inpatient, "ORDER", "一级护理", null, null, null));
        ward.add("clinical-order", new OrderWritten(inpatient, "LAB", "肾功能全套", "ABOUT_TO_DISCHARGE", null, null));
        ward.add("charge-execution", new ChargesExecuted(inpatient, List.of(line("NUR-IV", "静脉输液", "次", 800, 2)), 1600, null, "snap-1",
                null, null));
        ward.add("exam-register", new ExamsRegistered(typed("司马光"), "US-0042", List.of(new ExamDone("EX-UNKNOWN", "新检查", 9000)), 9000,
                null, null));
        ward.add("exam-register", new ExamsRegistered(typed("司马光"), "US-0043", List.of(new ExamDone("US-ABD", "腹部B超", 12000)), 12000,
                null, null));
        ward.add("allergy", new AllergyNoted(inpatient, null, "头孢类", "呼吸困难", "SEVERE", null, null));
        ward.add("discharge-settlement", new DischargeSettled("P000123", "ZY2026001", "欧阳娜娜", "肾内科一病区", "12",
                List.of(priced("BED-01", "ITEM", "床位费", "日", 5000, 6)), 30000, 20000, 10000, true, "INV0002"));

        // the pharmacy dispenses, on its own kiosk, against the ward's requisition (in part) and the clinic's prescription
        pharmacy.add("dispense", new Dispensed(rq, "requisition", inpatient, List.of(line("DRUG-AMOX", "阿莫西林胶囊", "盒", 1850, 2),
                line("DRUG-NS", "0.9%氯化钠注射液", "袋", 350, 3)), 4750, "snap-1", null, null, null));
        pharmacy.add("dispense", new Dispensed(rx, "prescription", typed("司马光"), List.of(line("DRUG-AMOX", "阿莫西林胶囊", "盒", 1850, 2)),
                3700, "snap-1", null, null, null));
        cashier.add("iou", iou, 2, new IouExchanged("F2026-000777"));
        cashier.add("mode", episode, 2, new DowntimeLeft("ANNOUNCED", "instr-2", null, 14400));
        return all;
    }

    protected long resourcesInHis() {
        long n = 0;
        for (String type : List.of("Patient", "Encounter", "MedicationRequest", "ServiceRequest", "MedicationDispense", "ChargeItem",
                "Account", "Invoice", "AllergyIntolerance", "Provenance")) {
            n += his.client().search().byUrl(type + "?_summary=count").returnBundle(Bundle.class).execute().getTotal();
        }
        return n;
    }

    Conservation.Ledger run(List<JournalEntry> entries, InMemoryLedger ledger, CodeMapping mapping) {
        DowntimeRecords.Assembled a = DowntimeRecords.assemble("inc-c", entries);
        InstantSource clock = InstantSource.system();
        // four workers, as the service runs: visits by lane, the other records by patient (an amendment with its record, a
        // dispense with its order), so the equation also proves that nothing is lost or reordered by the pool
        WritingBack runner = new WritingBack(link(), mapping, new HisCircuit(5, Duration.ofSeconds(1), clock), ledger, clock, d -> { }, 3,
                Duration.ofMillis(1)).withConcurrency(4);
        runner.park("inc-c", a.waiting());
        WritingBack.Report visits = runner.run("inc-c", a.drafts(), null);
        assertThat(visits.paused()).isFalse();
        WritingBack.RecordsReport records = runner.runRecords("inc-c", a.records(), a.drafts());
        assertThat(records.paused()).isFalse();
        return Conservation.of("inc-c", entries, a, ledger, false);
    }

    @Test
    @DisplayName("EP-8.4 every kind, orphans, a correction, voids, a partial dispense, an unknown code and a corrupt record: received = written + waiting + not for the HIS, per kiosk and kind, before and after a replay")
    void nothingIsLeftBehind() {
        seedInpatient("P000123", "ZY2026001");
        List<JournalEntry> entries = outage();
        // the HIS's item list lacks the new exam's code: that record waits with UNMAPPED_CODE
        CodeMapping mapping = new CodeMapping(Map.of(CodeMapping.Kind.ITEM, Map.of("REG-01", "REG-01", "LAB-CBC", "LAB-CBC",
                "RAD-CXR", "RAD-CXR", "NUR-IV", "NUR-IV", "BED-01", "BED-01", "US-ABD", "US-ABD")));
        InMemoryLedger ledger = new InMemoryLedger();

        Conservation.Ledger first = run(entries, ledger, mapping);

        assertThat(first.lines()).allSatisfy(l -> assertThat(l.balances()).as(l.toString()).isTrue());
        assertThat(first.received()).isEqualTo(entries.size());
        assertThat(first.pending()).isZero();
        assertThat(first.received()).isEqualTo(first.written() + first.waiting() + first.held() + first.notForHis());
        Map<String, Long> waiting = new java.util.TreeMap<>();
        first.lines().forEach(l -> l.waiting().forEach((k, v) -> waiting.merge(k, v, Long::sum)));
        assertThat(waiting).containsEntry("UNREADABLE_RECORD", 1L).containsEntry("UNMAPPED_CODE", 1L)
                .containsEntry("PATIENT_UNRESOLVED", 2L);
        // every kind reached the HIS: the written entries cover all kinds but the breakpoint and the spoiled number
        assertThat(first.lines().stream().filter(l -> l.written() > 0).map(Conservation.Line::kind).distinct())
                .contains("PatientRegistered", "ChargeRecorded", "InvoiceVoided", "IouIssued", "IouExchanged", "PrescriptionWritten",
                        "ClinicalFormCorrected", "ClinicalFormVoided", "RequisitionIssued", "OrderWritten", "ExamRequest", "ChargesExecuted",
                        "AllergyNoted", "DischargeSettled", "Dispensed", "ExamsRegistered");
        assertThat(first.notForHis()).isEqualTo(3); // two breakpoint entries, one spoiled invoice number

        long inHis = resourcesInHis();
        Conservation.Ledger replay = run(entries, ledger, mapping);

        assertThat(replay.lines()).allSatisfy(l -> assertThat(l.balances()).as(l.toString()).isTrue());
        assertThat(replay.written()).isEqualTo(first.written());
        assertThat(replay.waiting()).isEqualTo(first.waiting());
        assertThat(resourcesInHis()).as("a replay adds nothing to the HIS").isEqualTo(inHis);

        // and written again from an empty ledger (a restore): the HIS's conditional creates still create nothing
        Conservation.Ledger fromScratch = run(entries, new InMemoryLedger(), mapping);
        assertThat(fromScratch.balances()).isTrue();
        assertThat(resourcesInHis()).isEqualTo(inHis);
    }

    @Test
    @DisplayName("EP-8.4 a charge whose registration is not in this outage: written under the HIS patient and visit its registration got in an earlier outage; with no such registration it waits on the workbench with its lines and a reason")
    void aChargeOfAnEarlierOutagesRegistrationIsWritten() {
        CodeMapping mapping = new CodeMapping(Map.of(CodeMapping.Kind.ITEM, Map.of("REG-01", "REG-01", "LAB-CBC", "LAB-CBC")));
        InMemoryLedger ledger = new InMemoryLedger();
        List<JournalEntry> earlier = new ArrayList<>();
        UUID reg = new Kiosk("k-cashier", earlier).add("registration", new PatientRegistered("DT-9", null, "司马光", "M",
                LocalDate.of(1980, 5, 17), null, null, "13800138000", "SELF_PAY", null, "0301", null, "REG-01", "普通门诊挂号", 1000));
        assertThat(run(earlier, ledger, mapping).written()).isEqualTo(1);
        var visit = ledger.subjectOf(reg).orElseThrow();

        List<JournalEntry> later = new ArrayList<>();
        Kiosk cashier = new Kiosk("k-cashier-2", later);
        UUID charge = cashier.add("charge", paid(reg, null, "司马光", priced("LAB-CBC", "ITEM", "血常规", "次", 2500, 1)));
        UUID lost = cashier.add("charge", paid(UUID.randomUUID(), null, "王芳", priced("LAB-CBC", "ITEM", "血常规", "次", 2500, 1)));
        Conservation.Ledger count = run(later, ledger, mapping);

        assertThat(count.balances()).isTrue();
        assertThat(count.written()).isEqualTo(1);
        assertThat(ledger.subjectOf(charge)).contains(visit);
        assertThat(ledger.waitingReason(lost)).contains(org.hospital.continuity.server.writeback.WorkbenchReason.PATIENT_UNRESOLVED);
        assertThat(ledger.items()).filteredOn(i -> i.visitId().equals(lost)).singleElement().satisfies(i -> {
            assertThat(i.detail()).contains("registration");
            assertThat(i.captured().lines()).extracting(org.hospital.continuity.server.writeback.VisitDraft.Line::code).containsExactly("LAB-CBC");
        });
        long chargeItems = chargeLinesInHis();
        assertThat(chargeItems).as("the registration fee and the later charge's line").isEqualTo(2);
    }

    @Test
    @DisplayName("EP-6.4 two patients of the same name registered in the outage: a prescription with the outpatient number of the registration slip is written under that registration's patient; a number whose registration bears another name waits on the workbench")
    void theOutpatientNumberWrittenTellsNamesakesApart() {
        CodeMapping mapping = new CodeMapping(Map.of(CodeMapping.Kind.ITEM, Map.of("REG-01", "REG-01")));
        InMemoryLedger ledger = new InMemoryLedger();
        List<JournalEntry> entries = new ArrayList<>();
        Kiosk cashier = new Kiosk("k-cashier", entries);
        Kiosk doctor = new Kiosk("k-doctor", entries);
        UUID first = cashier.add("registration", new PatientRegistered("DT-71", null, "王伟", "M", LocalDate.of(1980, 5, 17), null, null,
                "13800138071", "SELF_PAY", null, "0301", null, "REG-01", "普通门诊挂号", 1000));
        UUID second = cashier.add("registration", new PatientRegistered("DT-72", null, "王伟", "F", LocalDate.of(1991, 2, 3), null, null,
                "13800138072", "SELF_PAY", null, "0301", null, "REG-01", "普通门诊挂号", 1000));
        DrugLine amox = new DrugLine("DRUG-AMOX", "阿莫西林胶囊", null, "盒", new BigDecimal("0.5"), "g", "po", "tid", 1, 3, 1850, 1850);
        UUID forSecond = doctor.add("prescription", new PrescriptionWritten(new PatientOnForm(null, "王伟", null, "DT-72", null, null), "上呼吸道感染",
                List.of(amox), 1850, false, null, false, null, "snap-1", null, null, null));
        UUID byNameOnly = doctor.add("prescription", prescription("王伟", 1, null, null));
        UUID otherName = doctor.add("prescription", new PrescriptionWritten(new PatientOnForm(null, "李娜", null, "DT-71", null, null), "上呼吸道感染",
                List.of(amox), 1850, false, null, false, null, "snap-1", null, null, null));

        Conservation.Ledger count = run(entries, ledger, mapping);

        assertThat(count.balances()).isTrue();
        assertThat(ledger.subjectOf(first)).as("%s", ledger.items()).isPresent();
        assertThat(ledger.subjectOf(second)).as("%s", ledger.items()).isPresent();
        assertThat(ledger.subjectOf(forSecond).orElseThrow().patientRef()).isEqualTo(ledger.subjectOf(second).orElseThrow().patientRef())
                .isNotEqualTo(ledger.subjectOf(first).orElseThrow().patientRef());
        assertThat(ledger.waitingReason(byNameOnly)).as("two registrations bear the name").contains(
                org.hospital.continuity.server.writeback.WorkbenchReason.PATIENT_UNRESOLVED);
        assertThat(ledger.waitingReason(otherName)).contains(org.hospital.continuity.server.writeback.WorkbenchReason.PATIENT_UNRESOLVED);
        assertThat(ledger.items()).filteredOn(i -> i.visitId().equals(otherName)).singleElement()
                .satisfies(i -> assertThat(i.detail()).contains("another name"));
    }
}
