package org.hospital.continuity.server.writeback.integration;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.server.writeback.OutageFixture;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.his.WriteOutcome;
import org.hospital.continuity.sync.matching.Blocking;
import org.hospital.continuity.sync.matching.MatchDecision;
import org.hospital.continuity.sync.matching.NationalId;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.PatientMatcher;
import org.hospital.continuity.sync.matching.Sex;
import org.hospital.continuity.sync.simulation.InMemoryHis;
import org.hospital.continuity.sync.simulation.OutageDataSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write-back's candidate index over the stand-in FHIR HIS (tests/fhir-server): it decides as the per-visit FHIR
 * searches and the in-memory reference HIS do, and it keeps up with the HIS — a patient staff register in the HIS after
 * the index was read is found, a patient the HIS changed is found by its new values only, a patient the write-back
 * created is a candidate at once.
 */
class FhirCandidateIndexTest {

    static final FhirIdentifiers IDS = FhirIdentifiers.defaults();
    static FhirHisPort indexed;

    @BeforeAll
    static void connect() {
        indexed = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), IDS, ZoneId.of("Asia/Shanghai"));
    }

    @BeforeEach
    void emptyHis() {
        FhirTestServerProcess.reset();
        indexed.forgetPrices();
    }

    static String create(FhirHisPort his, String name, Sex sex, LocalDate born, String phone, String nationalId) {
        Patient p = new Patient();
        if (nationalId != null) {
            p.addIdentifier(new Identifier().setSystem(IDS.nationalId()).setValue(nationalId));
        }
        p.addName().setText(name).setFamily(name.substring(0, 1)).addGiven(name.substring(1));
        p.setGender(sex == Sex.MALE ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType(born.toString()));
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        return "Patient/" + his.client().create().resource(p).execute().getId().getIdPart();
    }

    static List<String> refs(Candidates c) {
        return c.patients().stream().map(PatientFacts::ref).toList();
    }

    /** What a decision says, independent of the order equal candidates come in. */
    static String summary(MatchDecision d) {
        if (d instanceof MatchDecision.Matched m) {
            return "MATCHED " + m.hisPatientRef() + " " + m.reason();
        }
        if (d instanceof MatchDecision.CreateNew n) {
            return "NEW " + n.reason();
        }
        MatchDecision.Proposed p = (MatchDecision.Proposed) d;
        return "PROPOSED " + p.reason() + " " + new TreeSet<>(p.candidates().stream().map(s -> s.candidate().ref()).toList());
    }

    @Test
    @DisplayName("EP-8.4 a generated outage: every decision from the candidate index equals the per-visit FHIR searches' and the in-memory HIS's")
    void decisionsEqualThePerVisitSearchAndTheInMemoryHis() {
        FhirHisPort searching = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), IDS, ZoneId.of("Asia/Shanghai"),
                java.time.InstantSource.system(), false);
        OutageFixture fx = new OutageFixture(OutageDataSet.generate(20261122L, 2_000, 300, 4, Instant.parse("2026-11-21T00:00:00Z")), "idx");
        fx.seed(indexed, IDS);
        searching.forgetPrices();
        InMemoryHis memory = new InMemoryHis(fx.data.his().stream().map(OutageDataSet.HisPatient::facts).toList());
        PatientMatcher byIndex = new PatientMatcher(indexed);
        PatientMatcher bySearch = new PatientMatcher(searching);
        PatientMatcher inMemory = new PatientMatcher(memory);
        List<String> differ = new ArrayList<>();
        int matched = 0;
        for (VisitDraft d : fx.drafts) {
            String a = summary(byIndex.decide(d.patient(), Set.of()));
            String b = summary(bySearch.decide(d.patient(), Set.of()));
            String c = summary(inMemory.decide(d.patient(), Set.of()));
            if (!a.equals(b) || !a.equals(c)) {
                differ.add(d.visitId() + ": index " + a + " / search " + b + " / memory " + c);
            }
            matched += a.startsWith("MATCHED") ? 1 : 0;
        }
        assertThat(differ).as("decisions that differ").isEmpty();
        assertThat(matched).as("the outage's returning patients are matched").isGreaterThan(200);
        assertThat(indexed.candidateIndex().orElseThrow().reads().fullReads()).as("the HIS's patients were read once").isEqualTo(1);
    }

    @Test
    @DisplayName("EP-8.4 a patient staff register in the HIS after the index was read is found (one _lastUpdated search), and decided as a match")
    void aPatientCreatedInTheHisAfterTheIndexWasReadIsFound() throws Exception {
        String earlier = create(indexed, "李娜", Sex.FEMALE, LocalDate.of(1975, 3, 9), "13911112222", null);
        assertThat(indexed.patientCount()).isEqualTo(1); // the index is read now

        String nid = NationalId.of("110101", LocalDate.of(1990, 7, 1), 321);
        String later = create(indexed, "周杰", Sex.MALE, LocalDate.of(1990, 7, 1), "13722223333", nid);
        Thread.sleep(1_300); // past the catch-up interval (one second)

        PatientFacts record = new PatientFacts("dt-1", "周杰", Sex.MALE, LocalDate.of(1990, 7, 1), "13722223333", nid);
        Candidates found = indexed.candidates(Blocking.defaults().plan(record));
        assertThat(refs(found)).containsExactly(later);
        assertThat(indexed.patientCount()).isEqualTo(2);
        MatchDecision d = new PatientMatcher(indexed).decide(record, Set.of());
        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
        assertThat(((MatchDecision.Matched) d).hisPatientRef()).isEqualTo(later);
        FhirCandidateIndex.Reads reads = indexed.candidateIndex().orElseThrow().reads();
        assertThat(reads.fullReads()).as("caught up, not read again").isEqualTo(1);
        assertThat(reads.catchUps()).isPositive();
        assertThat(refs(indexed.candidates(Blocking.defaults().plan(new PatientFacts("dt-2", "李娜", Sex.FEMALE,
                LocalDate.of(1975, 3, 9), null, null))))).contains(earlier);
    }

    @Test
    @DisplayName("EP-8.4 a write-back run starts by catching the index up: a patient the HIS registered a moment ago (within the catch-up interval) is a candidate of that run")
    void aRunStartsWithACatchUp() {
        create(indexed, "李娜", Sex.FEMALE, LocalDate.of(1975, 3, 9), "13911112222", null);
        assertThat(indexed.patientCount()).isEqualTo(1); // the index is read now
        String moment = create(indexed, "赵敏", Sex.FEMALE, LocalDate.of(1988, 4, 2), "13566667777", null);
        PatientFacts record = new PatientFacts("dt-3", "赵敏", Sex.FEMALE, LocalDate.of(1988, 4, 2), "13566667777", null);
        indexed.catchUp(); // what WritingBack.run does first (a question alone, within a second of the read, answers from the index as read)
        assertThat(refs(indexed.candidates(Blocking.defaults().plan(record)))).containsExactly(moment);
        assertThat(indexed.candidateIndex().orElseThrow().reads().fullReads()).as("caught up, not read again").isEqualTo(1);
    }

    @Test
    @DisplayName("A patient the HIS changed is found by the new phone only once the index caught up")
    void aPatientChangedInTheHisIsReplaced() throws Exception {
        String ref = create(indexed, "王芳", Sex.FEMALE, LocalDate.of(1982, 1, 5), "13600001111", null);
        assertThat(indexed.patientCount()).isEqualTo(1);
        Patient p = indexed.client().read().resource(Patient.class).withId(ref).execute();
        p.getTelecomFirstRep().setValue("13600009999");
        indexed.client().update().resource(p).execute();
        Thread.sleep(1_300);

        Candidates byOld = indexed.candidates(new CandidateQuery(List.of(new CandidateQuery.ByPhone("13600001111", 30)), 5_000));
        Candidates byNew = indexed.candidates(new CandidateQuery(List.of(new CandidateQuery.ByPhone("13600009999", 30)), 5_000));
        assertThat(byOld.blocks().get(0).holders()).isZero();
        assertThat(refs(byNew)).containsExactly(ref);
        assertThat(indexed.patientCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("A patient the write-back created (201) is a candidate at once, before any catch-up")
    void aPatientTheWriteBackCreatedIsACandidateAtOnce() {
        assertThat(indexed.patientCount()).isZero();
        WriteOutcome.Written w = (WriteOutcome.Written) indexed.write(FhirHisPortTest.visit(FhirHisPortTest.ID, null));
        PatientFacts record = new PatientFacts("dt-9", "张伟", Sex.MALE, LocalDate.of(1980, 5, 17), "13800138000", FhirHisPortTest.ID);
        assertThat(refs(indexed.candidates(Blocking.defaults().plan(record)))).containsExactly(w.hisPatientRef());
    }

    @Test
    @DisplayName("EP-8.4 a patient the HIS deleted is no candidate after the next catch-up (the patients' history lists the deletion), no full read needed")
    void aPatientTheHisDeletedIsDropped() throws Exception {
        String kept = create(indexed, "陈静", Sex.FEMALE, LocalDate.of(1979, 6, 3), "13700001111", null);
        String gone = create(indexed, "陈静", Sex.FEMALE, LocalDate.of(1979, 6, 3), "13700002222", null);
        assertThat(indexed.patientCount()).isEqualTo(2);
        indexed.client().delete().resourceById(new org.hl7.fhir.r4.model.IdType(gone)).execute();
        Thread.sleep(1_300);

        PatientFacts record = new PatientFacts("dt-4", "陈静", Sex.FEMALE, LocalDate.of(1979, 6, 3), null, null);
        assertThat(refs(indexed.candidates(Blocking.defaults().plan(record)))).containsExactly(kept);
        assertThat(indexed.patientCount()).isEqualTo(1);
        FhirCandidateIndex.Reads reads = indexed.candidateIndex().orElseThrow().reads();
        assertThat(reads.fullReads()).as("caught up, not read again").isEqualTo(1);
        assertThat(reads.dropped()).isEqualTo(1);
    }

    @Test
    @DisplayName("EP-8.4 a patient the HIS merged into another (link replaced-by) is no candidate after the next catch-up; the surviving record is")
    void aPatientTheHisMergedAwayIsDropped() throws Exception {
        String survivor = create(indexed, "刘洋", Sex.MALE, LocalDate.of(1968, 2, 14), "13800002222", null);
        String merged = create(indexed, "刘洋", Sex.MALE, LocalDate.of(1968, 2, 14), "13800003333", null);
        assertThat(indexed.patientCount()).isEqualTo(2);
        Patient p = indexed.client().read().resource(Patient.class).withId(merged).execute();
        p.setActive(false);
        p.addLink().setType(Patient.LinkType.REPLACEDBY).setOther(new org.hl7.fhir.r4.model.Reference(survivor));
        indexed.client().update().resource(p).execute();
        indexed.catchUp();

        PatientFacts record = new PatientFacts("dt-5", "刘洋", Sex.MALE, LocalDate.of(1968, 2, 14), "13800003333", null);
        assertThat(refs(indexed.candidates(Blocking.defaults().plan(record)))).containsExactly(survivor);
        assertThat(indexed.patientCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("EP-8.4 readiness keeps the index ahead: the first call reads the HIS's patients, later calls only catch up, and a run then starts without a full read")
    void keptAheadBeforeTheRun() {
        create(indexed, "孙丽", Sex.FEMALE, LocalDate.of(1991, 9, 9), "13900004444", null);
        indexed.keepAhead();
        String later = create(indexed, "孙丽", Sex.FEMALE, LocalDate.of(1991, 9, 9), "13900005555", null);
        indexed.keepAhead();
        FhirCandidateIndex.Reads ahead = indexed.candidateIndex().orElseThrow().reads();
        assertThat(ahead.fullReads()).isEqualTo(1);
        assertThat(ahead.catchUps()).isEqualTo(1);

        indexed.catchUp(); // the run's start
        PatientFacts record = new PatientFacts("dt-6", "孙丽", Sex.FEMALE, LocalDate.of(1991, 9, 9), "13900005555", null);
        assertThat(refs(indexed.candidates(Blocking.defaults().plan(record)))).contains(later);
        assertThat(indexed.candidateIndex().orElseThrow().reads().fullReads()).as("no full read in the run").isEqualTo(1);
    }
}
