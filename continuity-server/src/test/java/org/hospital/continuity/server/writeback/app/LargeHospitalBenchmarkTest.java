package org.hospital.continuity.server.writeback.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.server.writeback.OutageFixture;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.server.writeback.integration.FhirIdentifiers;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.hospital.continuity.sync.contract.DowntimeRecord.ChargeRecorded;
import org.hospital.continuity.sync.contract.DowntimeRecord.ChargesExecuted;
import org.hospital.continuity.sync.contract.DowntimeRecord.ClinicalLine;
import org.hospital.continuity.sync.contract.DowntimeRecord.DischargeSettled;
import org.hospital.continuity.sync.contract.DowntimeRecord.Dispensed;
import org.hospital.continuity.sync.contract.DowntimeRecord.DrugLine;
import org.hospital.continuity.sync.contract.DowntimeRecord.OrderWritten;
import org.hospital.continuity.sync.contract.DowntimeRecord.PatientOnForm;
import org.hospital.continuity.sync.contract.DowntimeRecord.PatientRegistered;
import org.hospital.continuity.sync.contract.DowntimeRecord.PrescriptionWritten;
import org.hospital.continuity.sync.contract.DowntimeRecord.PricedLine;
import org.hospital.continuity.sync.contract.DowntimeRecord.RequisitionIssued;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.his.CodeMapping;
import org.hospital.continuity.sync.matching.Sex;
import org.hospital.continuity.sync.simulation.OutageDataSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The large hospital's 24-hour outage of docs/benchmarks.md ("Write-back of a large hospital's day"), written back into
 * the stand-in FHIR HIS through the same path the server takes ({@code DowntimeRecords.assemble}, {@code WritingBack.run}
 * for the visits, {@code runRecords} for every other kind). Runs only with {@code -Dwriteback.large=true}.
 * <p>
 * Outpatients: the generated outage of the matching benchmark ({@code OutageDataSet}: common names, twins, slips), each
 * registration with a paid charge at the cashier, a prescription at a doctor's station and its dispense at the pharmacy.
 * Inpatients (already in the HIS with an in-progress stay): a day of orders, drug requisitions and their dispenses, ward
 * charges, and for one in ten a discharge settlement. Goal (EP-8: back-entry of a day's outage): ≤ 1 hour on this machine.
 */
class LargeHospitalBenchmarkTest {

    static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");
    static final FhirIdentifiers IDS = FhirIdentifiers.defaults();

    /** Journals of every kiosk of the outage, in capture order, with the time spread over the day. */
    static final class Journals {
        final List<JournalEntry> all = new ArrayList<>();
        final Map<String, long[]> seqs = new LinkedHashMap<>();
        final int expected;

        Journals(int expected) {
            this.expected = expected;
        }

        UUID add(String kiosk, String stream, DowntimeRecord r) {
            UUID streamId = UUID.randomUUID();
            long seq = ++seqs.computeIfAbsent(kiosk, k -> new long[1])[0];
            Instant at = T0.plus(Duration.ofMillis(86_400_000L * all.size() / Math.max(1, expected)));
            all.add(JournalEntry.seal(UUID.randomUUID(), kiosk, seq, stream, streamId, 1, Contract.CURRENT.eventType(r),
                    Contract.CURRENT.schemaVersion(r), Contract.write(r), at, (at.toEpochMilli() << 16) + all.size(), "acct-" + kiosk));
            return streamId;
        }
    }

    static PricedLine priced(String[] item, int q) {
        long price = Long.parseLong(item[3]);
        return new PricedLine(item[1], "FEE".equals(item[0]) ? "ITEM" : item[0], item[2], null, "DRUG".equals(item[0]) ? "盒" : "次", price, q,
                price * q, null);
    }

    static ClinicalLine line(String code, String name, String unit, long price, int q) {
        return new ClinicalLine(code, name, null, unit, q, price, price * q);
    }

    @Test
    @DisplayName("EP-8 a large hospital's day of downtime records (outpatients and inpatients, every kind) written back into the stand-in HIS within the hour")
    void aLargeHospitalsDay() throws Exception {
        assumeTrue(Boolean.getBoolean("writeback.large"), "benchmark runs with -Dwriteback.large=true");
        int outpatients = Integer.getInteger("writeback.outpatients", 12_000);
        int inpatients = Integer.getInteger("writeback.inpatients", 800);
        int hisSize = Integer.getInteger("writeback.his", 20_000);
        int workers = Integer.getInteger("writeback.workers", 4);
        long seed = Long.getLong("writeback.seed", 1L);
        FhirHisPort his = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), IDS, ZoneId.of("Asia/Shanghai"),
                InstantSource.system());
        FhirTestServerProcess.reset();
        his.forgetPrices();

        OutageDataSet data = OutageDataSet.generate(seed, hisSize, outpatients, 12, T0);
        OutageFixture fx = new OutageFixture(data, "large-" + seed);
        long s0 = System.nanoTime();
        fx.seed(his, IDS);
        List<String[]> wardPatients = seedInpatients(his, inpatients);
        double seedSeconds = (System.nanoTime() - s0) / 1e9;
        System.out.printf(Locale.ROOT, "WRITE-BACK LARGE progress: HIS seeded (%d patients, %d stays) in %.1fs%n", hisSize, wardPatients.size(),
                seedSeconds);

        Journals j = new Journals(outpatients * 4 + inpatients * 12);
        Random rnd = new Random(seed);
        String[][] catalogue = OutageFixture.CATALOGUE;
        String[] departments = {"0301", "0302", "0401", "0502"};
        for (OutageDataSet.Capture c : data.captures()) {
            var f = c.facts();
            String dept = departments[rnd.nextInt(departments.length)];
            UUID reg = j.add(c.kioskId(), "registration", new PatientRegistered(c.downtimeNumber(), null, f.name(),
                    f.sex() == Sex.MALE ? "M" : f.sex() == Sex.FEMALE ? "F" : null, f.birthDate(), null, f.nationalId(), f.phone(), "SELF_PAY",
                    null, dept, null, "REG-01", "普通门诊挂号", 1000));
            PricedLine lab = priced(catalogue[1 + rnd.nextInt(3)], 1);
            PricedLine drug = priced(catalogue[4 + rnd.nextInt(2)], 1 + rnd.nextInt(2));
            j.add(c.kioskId(), "charge", new ChargeRecorded(reg.toString(), c.downtimeNumber(), null, f.name(), List.of(lab, drug),
                    lab.amountFen() + drug.amountFen(), "PAID", "CASH", false, null, "INV-" + c.downtimeNumber(), null));
            PatientOnForm who = new PatientOnForm(null, f.name(), null, c.downtimeNumber(), null, null);
            long unit = drug.unitPriceFen();
            UUID rx = j.add("k-doctor-" + dept, "prescription", new PrescriptionWritten(who, "上呼吸道感染", List.of(new DrugLine(drug.code(),
                    drug.name(), null, "盒", new BigDecimal("0.5"), "g", "po", "tid", drug.quantity(), 3, unit, drug.amountFen())),
                    drug.amountFen(), false, null, false, null, "snap-1", null, null, null));
            j.add("k-pharmacy-outpatient", "dispense", new Dispensed(rx, "prescription", who, List.of(line(drug.code(), drug.name(), "盒",
                    unit, drug.quantity())), drug.amountFen(), "snap-1", null, null, null));
        }
        for (int i = 0; i < wardPatients.size(); i++) {
            String[] p = wardPatients.get(i);
            String ward = "病区" + (1 + i % 20);
            String kiosk = "k-ward-" + (1 + i % 20);
            PatientOnForm who = new PatientOnForm(p[0], p[1], p[2], null, ward, String.valueOf(1 + i / 20));
            j.add(kiosk, "clinical-order", new OrderWritten(who, "ORDER", "一级护理", null, null, null));
            j.add(kiosk, "clinical-order", new OrderWritten(who, "ORDER", "低盐低脂饮食", null, null, null));
            j.add(kiosk, "clinical-order", new OrderWritten(who, "LAB", "血常规", null, null, null));
            for (int r = 0; r < 2; r++) {
                List<ClinicalLine> lines = List.of(line("DRUG-NS500", "氯化钠注射液500ml", "袋", 450, 2), line("DRUG-AMOX", "阿莫西林胶囊", "盒", 1850, 1));
                UUID rq = j.add(kiosk, "requisition", new RequisitionIssued(who, lines, 2750, List.of("WARD_BACK_ENTRY", "PHARMACY_VOUCHER"),
                        "snap-1", null, null, null));
                j.add("k-pharmacy-inpatient", "dispense", new Dispensed(rq, "requisition", who, lines, 2750, "snap-1", null, null, null));
            }
            for (int r = 0; r < 3; r++) {
                j.add(kiosk, "charge-execution", new ChargesExecuted(who, List.of(line("NUR-IV", "静脉输液", "次", 800, 1)), 800, null, "snap-1",
                        null, null));
            }
            if (i % 10 == 0) {
                j.add("k-settlement", "discharge-settlement", new DischargeSettled(p[0], p[2], p[1], ward, String.valueOf(1 + i / 20),
                        List.of(new PricedLine("BED-01", "ITEM", "床位费", null, "日", 5000, 6, 30000, null)), 30000, 50000, -20000, true,
                        "INV-ZY-" + i));
            }
        }

        CodeMapping mapping = new CodeMapping(Map.of(CodeMapping.Kind.ITEM, Map.of("REG-01", "REG-01", "LAB-CBC", "LAB-CBC", "LAB-CRP",
                "LAB-CRP", "RAD-CXR", "RAD-CXR", "NUR-IV", "NUR-IV", "BED-01", "BED-01")));
        InMemoryLedger ledger = new InMemoryLedger();
        InstantSource clock = InstantSource.system();
        WritingBack runner = new WritingBack(his, mapping, new HisCircuit(5, Duration.ofSeconds(30), clock), ledger, clock,
                d -> Thread.sleep(d.toMillis()), 3, Duration.ofMillis(200)).withConcurrency(workers);
        long r0 = System.nanoTime();
        DowntimeRecords.Assembled a = DowntimeRecords.assemble("large-" + seed, j.all);
        runner.park("large-" + seed, a.waiting());
        java.util.concurrent.atomic.AtomicInteger shown = new java.util.concurrent.atomic.AtomicInteger();
        WritingBack.Report visits = runner.run("large-" + seed, a.drafts(), r -> {
            int done = r.written() + r.toWorkbench();
            if (done / 500 > shown.get()) {
                shown.set(done / 500);
                // counts only, no patient data (the partial progress if the run cannot finish)
                System.out.printf(Locale.ROOT, "WRITE-BACK LARGE progress: visits %d of %d in %.1fs%n", done, r.total(),
                        r.took().toNanos() / 1e9);
            }
        });
        System.out.printf(Locale.ROOT, "WRITE-BACK LARGE progress: visits done in %.1fs; %d other records to write%n",
                (System.nanoTime() - r0) / 1e9, a.records().size());
        double visitSeconds = (System.nanoTime() - r0) / 1e9;
        long r1 = System.nanoTime();
        WritingBack.RecordsReport records = runner.runRecords("large-" + seed, a.records(), a.drafts());
        double recordSeconds = (System.nanoTime() - r1) / 1e9;
        double total = (System.nanoTime() - r0) / 1e9;
        his.candidateIndex().ifPresent(ix -> System.out.printf(Locale.ROOT,
                "WRITE-BACK LARGE candidate index: %d full read(s) + %d catch-up(s), %d patients read in %.1fs (inside the visits' time)%n",
                ix.reads().fullReads(), ix.reads().catchUps(), ix.reads().patientsRead(), ix.reads().took().toNanos() / 1e9));
        System.out.printf(Locale.ROOT, "WRITE-BACK LARGE visits: %d written, %d to the workbench in %.1fs; other records: %d written, %d to the workbench in %.1fs%n",
                visits.written(), visits.toWorkbench(), visitSeconds, records.written(), records.toWorkbench(), recordSeconds);
        Conservation.Ledger count = Conservation.of("large-" + seed, j.all, a, ledger, false);

        Map<String, Long> resources = new LinkedHashMap<>();
        long allResources = 0;
        for (String type : List.of("Patient", "Encounter", "MedicationRequest", "ServiceRequest", "MedicationDispense", "ChargeItem",
                "Account", "Invoice", "AllergyIntolerance", "Provenance")) {
            long n = his.client().search().byUrl(type + "?_summary=count").returnBundle(Bundle.class).execute().getTotal();
            resources.put(type, n);
            allResources += n;
        }
        System.out.printf(Locale.ROOT, "WRITE-BACK LARGE %d outpatient visits, %d inpatients, %d journal entries from %d kiosks, %d workers; "
                        + "HIS seeded (%d patients, %d stays) in %.1fs; visits %.1fs, other records %.1fs, total %.1fs (%.1f min); "
                        + "received %d = written %d + waiting %d + held %d + not for the HIS %d; HIS resources %d %s; load %s%n",
                outpatients, inpatients, j.all.size(), j.seqs.size(), workers, hisSize, wardPatients.size(), seedSeconds, visitSeconds, recordSeconds,
                total, total / 60, count.received(), count.written(), count.waiting(), count.held(), count.notForHis(), allResources, resources,
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        assertThat(visits.paused()).isFalse();
        assertThat(records.paused()).isFalse();
        assertThat(count.lines()).allSatisfy(l -> assertThat(l.balances()).as(l.toString()).isTrue());
        assertThat(count.pending()).isZero();
        assertThat(total).as("seconds to write back a large hospital's day").isLessThan(3600);
    }

    /** Inpatients in the HIS, each with an in-progress stay: {hisPatientId, name, inpatientNumber}. */
    static List<String[]> seedInpatients(FhirHisPort his, int n) {
        List<String[]> out = new ArrayList<>();
        String[] surnames = {"欧阳", "司马", "王", "李", "张", "刘", "陈", "杨", "黄", "赵"};
        String[] given = {"建国", "秀英", "桂兰", "志强", "海燕", "德明", "淑珍", "国庆", "丽娟", "永红"};
        for (int from = 0; from < n; from += 100) {
            Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            for (int i = from; i < Math.min(n, from + 100); i++) {
                String id = "ward-" + i;
                String name = surnames[i % surnames.length] + given[(i / surnames.length) % given.length];
                String number = String.format(Locale.ROOT, "ZY2026%05d", i);
                Patient p = new Patient();
                p.setId(id);
                p.addIdentifier().setSystem(IDS.hisPatient()).setValue("IP" + i);
                p.addName().setText(name);
                tx.addEntry().setResource(p).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/" + id);
                Encounter e = new Encounter();
                e.setId("stay-" + i);
                e.addIdentifier().setSystem(IDS.inpatientNumber()).setValue(number);
                e.setStatus(Encounter.EncounterStatus.INPROGRESS);
                e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
                e.getSubject().setReference("Patient/" + id);
                tx.addEntry().setResource(e).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Encounter/stay-" + i);
                out.add(new String[] {"IP" + i, name, number});
            }
            his.client().transaction().withBundle(tx).execute();
        }
        return out;
    }
}
