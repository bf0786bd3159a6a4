package org.hospital.continuity.server.writeback.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.his.HisRecord;
import org.hospital.continuity.sync.his.WriteOutcome;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The write-back suite every HIS link passes (FHIR R4 and HL7 v2): a downtime visit is written under a new patient and
 * the records written under the references it answered; each kind of downtime record is written, is in the HIS
 * afterwards, and a replay creates nothing; a void and a correction leave the record in the HIS with its new status
 * (HR-9) and replay as nothing; a known patient and its inpatient stay are found; the candidate search reads every
 * holder and says when its list is not complete. A link's test class extends this and says how to reach and inspect
 * its HIS.
 */
public abstract class HisLinkSuite {

    /** The link under test. */
    protected abstract HisPort link();

    /** Empties the HIS (between tests). */
    protected abstract void emptyHis();

    /** Puts a patient with the HIS id and an inpatient stay of the number into the HIS; answers the link's references. */
    protected abstract HisRecord.Subject seedInpatient(String hisPatientId, String inpatientNumber);

    /** Puts an outpatient into the HIS (with an encounter of a downtime visit), answering the link's references. */
    protected abstract HisRecord.Subject seedOutpatient();

    /** True when the HIS holds the record (its first resource or message, by the kiosk's record or line id). */
    protected abstract boolean holds(HisRecord record);

    /** The status the HIS now gives the record (the link's words: {@code entered-in-error}, {@code cancelled} …). */
    protected abstract String status(HisRecord record);

    /** How many resources (or messages) the HIS holds in all. */
    protected abstract long count();

    /** Puts a patient into the HIS (name as family + given); answers the link's reference. */
    protected abstract String seedPatient(String family, String given, Sex sex, LocalDate birth, String phone, String nationalId);

    protected HisRecord.Subject inpatient;
    protected HisRecord.Subject outpatient;

    @BeforeEach
    void seed() {
        emptyHis();
        inpatient = seedInpatient("P" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000), "ZY2026001");
        outpatient = seedOutpatient();
    }

    @Test
    @DisplayName("EP-8.4 every kind of record is written and is in the HIS; a replay creates nothing")
    void everyKindIsWrittenAndAReplayCreatesNothing() {
        List<HisRecord> records = HisRecordFixtures.everyKind(inpatient, outpatient);
        for (HisRecord r : records) {
            WriteOutcome out = link().write(r);
            assertThat(out).as(r.getClass().getSimpleName() + " " + out).isInstanceOf(WriteOutcome.Written.class);
            assertThat(((WriteOutcome.Written) out).created()).as(r.getClass().getSimpleName()).isPositive();
            assertThat(holds(r)).as(r.getClass().getSimpleName()).isTrue();
        }
        long before = count();
        for (HisRecord r : records) {
            WriteOutcome again = link().write(r);
            assertThat(again).isInstanceOf(WriteOutcome.Written.class);
            assertThat(((WriteOutcome.Written) again).created()).as("replay of " + r.getClass().getSimpleName()).isZero();
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    @DisplayName("HR-9 a void gives the record its new status in the HIS, the old version stays; a replayed void changes nothing")
    void aVoidIsTheRecordsNewStatus() {
        List<HisRecord> records = HisRecordFixtures.everyKind(inpatient, outpatient);
        HisRecord prescription = records.get(0);
        HisRecord wardCharges = records.get(6);
        link().write(prescription);
        link().write(wardCharges);

        assertThat(link().write(HisRecordFixtures.voided(prescription))).isInstanceOf(WriteOutcome.Written.class);
        HisRecord.Amendment voidCharges = HisRecordFixtures.voided(wardCharges);
        assertThat(link().write(voidCharges)).isInstanceOf(WriteOutcome.Written.class);

        assertThat(status(prescription)).isEqualTo("entered-in-error");
        assertThat(status(wardCharges)).isEqualTo("entered-in-error");
        long before = count();
        WriteOutcome again = link().write(voidCharges);
        assertThat(((WriteOutcome.Written) again).created()).isZero();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    @DisplayName("HR-9 a correction supersedes the record (cancelled / revoked) and the correcting record is written beside it")
    void aCorrectionSupersedesTheRecord() {
        List<HisRecord> records = HisRecordFixtures.everyKind(inpatient, outpatient);
        HisRecord.ServiceOrder order = (HisRecord.ServiceOrder) records.get(2);
        link().write(order);
        HisRecord.ServiceOrder correcting = new HisRecord.ServiceOrder(UUID.randomUUID(), order.subject(), order.source(), order.kind(),
                "二级护理", null, order.recordId());

        assertThat(link().write(correcting)).isInstanceOf(WriteOutcome.Written.class);
        assertThat(link().write(HisRecordFixtures.corrected(order, correcting.recordId()))).isInstanceOf(WriteOutcome.Written.class);

        assertThat(status(order)).isEqualTo("revoked");
        assertThat(status(correcting)).isEqualTo("active");
    }

    @Test
    @DisplayName("a patient the kiosks knew is found with its inpatient stay; an unknown one is not")
    void knownPatientsAreFound() {
        assertThat(link().knownPatient(patientIdOf(inpatient), "ZY2026001")).hasValueSatisfying(s -> {
            assertThat(s.patientRef()).isEqualTo(inpatient.patientRef());
            assertThat(s.encounterRef()).isEqualTo(inpatient.encounterRef());
        });
        assertThat(link().knownPatient("NOBODY-1", null)).isEmpty();
    }

    /** The HIS id {@link #seedInpatient} gave the inpatient. */
    protected abstract String patientIdOf(HisRecord.Subject subject);

    @Test
    @DisplayName("EP-8.4 a visit is written with a new patient, a record goes under the references it answered, a replay creates nothing")
    void aVisitIsWrittenAndItsRecordsFollowIt() {
        PatientFacts person = new PatientFacts("dt-1", "欧阳明", Sex.MALE, LocalDate.of(1979, 3, 8), "13900139000", null);
        DowntimeVisit visit = new DowntimeVisit(UUID.randomUUID(), "DT-K1-0007", person, null, "0301", "D042",
                Instant.parse("2026-11-21T02:10:00Z"), "kiosk-1", "acct-cashier-3", "incident-42", "PF-000123",
                List.of(new DowntimeVisit.Line(UUID.randomUUID(), DowntimeVisit.Kind.FEE, "REG-01", "普通门诊挂号", 1, 1000, false, "次"),
                        new DowntimeVisit.Line(UUID.randomUUID(), DowntimeVisit.Kind.ITEM, "LAB-CBC", "血常规", 1, 2500, false, "次"),
                        new DowntimeVisit.Line(UUID.randomUUID(), DowntimeVisit.Kind.DRUG, "DRUG-AMOX", "阿莫西林胶囊", 2, 1850, true, "盒")));
        WriteOutcome out = link().write(visit);
        assertThat(out).as(out.toString()).isInstanceOf(WriteOutcome.Written.class);
        WriteOutcome.Written w = (WriteOutcome.Written) out;
        assertThat(w.created()).isPositive();
        assertThat(w.hisPatientRef()).isNotBlank();
        assertThat(w.encounterRef()).isNotBlank();

        long before = count();
        WriteOutcome again = link().write(visit);
        assertThat(((WriteOutcome.Written) again).created()).as("replay of the visit").isZero();
        assertThat(((WriteOutcome.Written) again).hisPatientRef()).isEqualTo(w.hisPatientRef());
        assertThat(count()).isEqualTo(before);

        HisRecord.Charges later = new HisRecord.Charges(UUID.randomUUID(), new HisRecord.Subject(w.hisPatientRef(), w.encounterRef()),
                HisRecordFixtures.source(), List.of(HisRecordFixtures.line(false, "LAB-CRP", "C反应蛋白", 1, "次", 3000)), null);
        assertThat(link().write(later)).isInstanceOf(WriteOutcome.Written.class);
        assertThat(holds(later)).isTrue();

        // the patient the visit created is found by the candidate search, under the same reference the write answered
        Candidates found = link().candidates(new CandidateQuery(List.of(new CandidateQuery.ByName("欧阳明", 1000, 1979, Sex.MALE, Set.of())),
                5000));
        assertThat(found.complete()).isTrue();
        assertThat(found.patients()).extracting(PatientFacts::name).contains("欧阳明");
    }

    @Test
    @DisplayName("the candidate search reads every holder with exact counts, narrows a crowded name by birth year, and says when it cannot")
    void theCandidateSearchIsCompleteOrSaysSo() {
        String y1980 = seedPatient("张", "伟", Sex.MALE, LocalDate.of(1980, 5, 17), "13800138000", null);
        seedPatient("张", "伟", Sex.MALE, LocalDate.of(1991, 2, 3), null, null);
        seedPatient("张", "伟", Sex.FEMALE, LocalDate.of(2001, 7, 9), null, null);
        String nationalId = org.hospital.continuity.sync.matching.NationalId.of("110101", LocalDate.of(1975, 1, 2), 321);
        String holder = seedPatient("李", "娜", Sex.FEMALE, LocalDate.of(1975, 1, 2), "13700137000", nationalId);

        Candidates all = link().candidates(new CandidateQuery(List.of(new CandidateQuery.ByName("张伟", 1000, 1980, Sex.MALE, Set.of())), 5000));
        assertThat(all.complete()).isTrue();
        assertThat(all.patients()).hasSize(3);
        assertThat(all.blocks().get(0).holders()).isEqualTo(3);
        assertThat(all.blocks().get(0).narrowed()).isFalse();

        Candidates narrowed = link().candidates(new CandidateQuery(List.of(new CandidateQuery.ByName("张伟", 2, 1980, Sex.MALE, Set.of())), 5000));
        assertThat(narrowed.complete()).isTrue();
        assertThat(narrowed.patients()).extracting(PatientFacts::ref).containsExactly(y1980);
        assertThat(narrowed.blocks().get(0).holders()).as("the count of every holder, not only those read").isEqualTo(3);
        assertThat(narrowed.blocks().get(0).narrowed()).isTrue();

        Candidates cannot = link().candidates(new CandidateQuery(List.of(new CandidateQuery.ByName("张伟", 2, null, Sex.UNKNOWN, Set.of())), 5000));
        assertThat(cannot.complete()).as("a crowded name without a birth year cannot be narrowed").isFalse();

        Candidates tooMany = link().candidates(new CandidateQuery(List.of(new CandidateQuery.ByName("张伟", 1000, 1980, Sex.MALE, Set.of())), 2));
        assertThat(tooMany.complete()).as("more candidates than the query allows").isFalse();

        Candidates byId = link().candidates(new CandidateQuery(List.of(new CandidateQuery.ByIdNumbers(Set.of(nationalId)),
                new CandidateQuery.ByPhone("13700137000", 30), new CandidateQuery.ByBirthDate(LocalDate.of(1975, 1, 2), 1000, Set.of("李"))), 5000));
        assertThat(byId.complete()).isTrue();
        assertThat(byId.patients()).singleElement().satisfies(p -> {
            assertThat(p.ref()).isEqualTo(holder);
            assertThat(p.name()).isEqualTo("李娜");
            assertThat(p.nationalId()).isEqualTo(nationalId);
            assertThat(p.phone()).isEqualTo("13700137000");
            assertThat(p.sex()).isEqualTo(Sex.FEMALE);
            assertThat(p.birthDate()).isEqualTo(LocalDate.of(1975, 1, 2));
        });
        assertThat(link().patientCount()).isGreaterThanOrEqualTo(4);
    }
}
