package org.hospital.continuity.server.writeback.integration;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.his.WriteOutcome;
import org.hospital.continuity.sync.matching.NationalId;
import org.hospital.continuity.sync.his.CandidateQuery;
import org.hospital.continuity.sync.his.Candidates;
import org.hospital.continuity.sync.matching.Blocking;
import org.hospital.continuity.sync.matching.MatchDecision;
import org.hospital.continuity.sync.matching.MatchModel;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.PatientMatcher;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real HAPI FHIR JPA server started by the test suite (tests/fhir-server). */
class FhirHisPortTest {

    static FhirHisPort his;
    static final FhirIdentifiers IDS = FhirIdentifiers.defaults();

    @BeforeAll
    static void connect() {
        his = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), IDS, ZoneId.of("Asia/Shanghai"));
    }

    @BeforeEach
    void emptyHis() {
        FhirTestServerProcess.reset();
        his.forgetPrices();
    }

    static final String ID = NationalId.of("110101", LocalDate.of(1980, 5, 17), 123);

    static DowntimeVisit visit(String nationalId, String hisPatientRef) {
        PatientFacts p = new PatientFacts("dt-1", "张伟", Sex.MALE, LocalDate.of(1980, 5, 17), "13800138000", nationalId);
        return new DowntimeVisit(UUID.randomUUID(), "DT-K1-0001", p, hisPatientRef, "0301", "D042",
                Instant.parse("2026-11-21T02:10:00Z"), "kiosk-1", "acct-nurse-7", "incident-42", "PF-000123",
                List.of(new DowntimeVisit.Line(UUID.randomUUID(), DowntimeVisit.Kind.FEE, "REG-01", "普通门诊挂号", 1, 1000, false),
                        new DowntimeVisit.Line(UUID.randomUUID(), DowntimeVisit.Kind.ITEM, "LAB-CBC", "血常规", 1, 2500, false),
                        new DowntimeVisit.Line(UUID.randomUUID(), DowntimeVisit.Kind.DRUG, "DRUG-AMOX", "阿莫西林胶囊", 2, 1850, true)));
    }

    int count(Class<? extends Resource> type) {
        Bundle b = his.client().search().forResource(type).summaryMode(ca.uhn.fhir.rest.api.SummaryEnum.COUNT)
                .returnBundle(Bundle.class).execute();
        return b.getTotal();
    }

    @Test
    @DisplayName("Issue 9: one transaction per visit creates patient, encounter, requests, dispense, charges and provenance")
    void writingAVisitCreatesEveryResourceOnce() {
        WriteOutcome out = his.write(visit(ID, null));

        assertThat(out).isInstanceOf(WriteOutcome.Written.class);
        WriteOutcome.Written w = (WriteOutcome.Written) out;
        // Patient, Encounter, ChargeItem(fee), ServiceRequest + ChargeItem, MedicationRequest + Dispense + ChargeItem, Provenance
        assertThat(w.created()).isEqualTo(9);
        assertThat(w.existing()).isZero();
        assertThat(w.hisPatientRef()).startsWith("Patient/");
        assertThat(count(Patient.class)).isEqualTo(1);
        assertThat(count(Encounter.class)).isEqualTo(1);
    }

    @Test
    @DisplayName("Issue 9: replaying the same visit creates nothing twice (conditional create → 200)")
    void replayingAVisitCreatesNothing() {
        DowntimeVisit v = visit(ID, null);
        WriteOutcome.Written first = (WriteOutcome.Written) his.write(v);
        WriteOutcome.Written again = (WriteOutcome.Written) his.write(v);

        assertThat(again.created()).isZero();
        assertThat(again.existing()).isEqualTo(first.created());
        assertThat(again.hisPatientRef()).isEqualTo(first.hisPatientRef());
        assertThat(again.resourceRefs()).isEqualTo(first.resourceRefs());
        assertThat(count(Encounter.class)).isEqualTo(1);
        assertThat(count(org.hl7.fhir.r4.model.ChargeItem.class)).isEqualTo(3);
    }

    @Test
    @DisplayName("Issue 9: two HIS patients with the same ID number make the conditional create ambiguous (412) and nothing is stored")
    void ambiguousPatientIsAPreconditionFailure() {
        for (int i = 0; i < 2; i++) {
            Patient p = new Patient();
            p.addIdentifier(new Identifier().setSystem(IDS.nationalId()).setValue(ID));
            his.client().create().resource(p).execute();
        }
        WriteOutcome out = his.write(visit(ID, null));

        assertThat(out).isInstanceOf(WriteOutcome.Ambiguous.class);
        assertThat(count(Encounter.class)).isZero();
    }

    @Test
    @DisplayName("Issue 9: a visit matched to a HIS patient is written under that patient; no new patient appears")
    void matchedVisitUsesTheHisPatient() {
        Patient p = new Patient();
        p.addName().setText("张伟");
        String ref = "Patient/" + his.client().create().resource(p).execute().getId().getIdPart();

        WriteOutcome.Written w = (WriteOutcome.Written) his.write(visit(null, ref));

        assertThat(w.hisPatientRef()).isEqualTo(ref);
        assertThat(count(Patient.class)).isEqualTo(1);
        Encounter e = his.client().read().resource(Encounter.class).withUrl(w.resourceRefs().get(0)).execute();
        assertThat(e.getSubject().getReference()).isEqualTo(ref);
    }

    @Test
    @DisplayName("Issue 9: the Provenance names kiosk, operator, breakpoint and paper form")
    void provenanceNamesWhereTheRecordCameFrom() {
        DowntimeVisit v = visit(ID, null);
        his.write(v);

        Provenance prov = his.client().read().resource(Provenance.class).withId("dt-" + v.visitId()).execute();
        assertThat(prov.getAgent()).extracting(a -> a.getWho().getIdentifier().getValue())
                .containsExactly("acct-nurse-7", "kiosk-1");
        assertThat(prov.getPolicy().get(0).getValue()).endsWith("incident-42");
        assertThat(prov.getEntityFirstRep().getWhat().getIdentifier().getValue()).isEqualTo("PF-000123");
        assertThat(prov.getTarget()).hasSize(8);
    }

    @Test
    @DisplayName("Issue 9: candidates come from ID number, exact name, surname with birth date, and phone")
    void candidatesComeFromSeveralSearches() {
        his.write(visit(ID, null));
        Patient twin = new Patient();
        twin.addName().setText("张强").setFamily("张").addGiven("强");
        twin.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1980-05-17"));
        his.client().create().resource(twin).execute();
        Patient stranger = new Patient();
        stranger.addName().setText("李娜").setFamily("李").addGiven("娜");
        his.client().create().resource(stranger).execute();

        Candidates answer = new PatientMatcher(his).candidates(
                new PatientFacts("q", "张伟", Sex.MALE, LocalDate.of(1980, 5, 17), null, null));
        List<PatientFacts> found = answer.patients();

        assertThat(answer.complete()).isTrue();
        assertThat(found).extracting(PatientFacts::name).containsExactlyInAnyOrder("张伟", "张强");
        assertThat(found).filteredOn(f -> "张伟".equals(f.name())).first()
                .satisfies(f -> {
                    assertThat(f.nationalId()).isEqualTo(ID);
                    assertThat(f.phone()).isEqualTo("13800138000");
                    assertThat(f.sex()).isEqualTo(Sex.MALE);
                });
    }

    @Test
    @DisplayName("Issue 9: the HIS's current price is read from its price list")
    void currentPriceComesFromTheHis() {
        his.putPrice("LAB-CBC", 2800);

        assertThat(his.currentPriceFen("LAB-CBC")).contains(2800L);
        assertThat(his.currentPriceFen("LAB-NONE")).isEmpty();
    }

    /** 450 holders of 李明, one born on 1990-03-04, the others spread over other years; none holds a phone or ID. */
    private static void loadNamesakes() {
        List<Patient> all = new java.util.ArrayList<>();
        for (int i = 0; i < 450; i++) {
            Patient p = new Patient();
            p.setId("lm-" + i);
            p.addName().setText("李明").setFamily("李").addGiven("明");
            p.setGender(i % 2 == 0 ? org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.MALE
                    : org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
            LocalDate born = i == 399 ? LocalDate.of(1990, 3, 4) : LocalDate.of(1930, 1, 1).plusDays(i * 41L);
            p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(born.getYear() == 1990 && i != 399 ? born.plusYears(3).toString()
                    : born.toString()));
            all.add(p);
        }
        for (int from = 0; from < all.size(); from += 150) {
            Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            all.subList(from, from + 150).forEach(p -> tx.addEntry().setResource(p).getRequest()
                    .setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/" + p.getIdElement().getIdPart()));
            his.client().transaction().withBundle(tx).execute();
        }
    }

    @Test
    @DisplayName("Candidate search reads every page: all 450 holders of a name, counted exactly; over the name's limit only its birth year is read")
    void candidateSearchReadsEveryPage() {
        loadNamesakes();
        PatientFacts record = new PatientFacts("q", "李明", Sex.MALE, LocalDate.of(1990, 3, 4), null, null);
        Blocking wide = Blocking.withLimits(1_000, 1_000);

        Candidates all = new PatientMatcher(his, wide, MatchModel.defaults()).candidates(record);

        assertThat(all.complete()).isTrue();
        assertThat(all.patients()).hasSize(450).extracting(PatientFacts::ref).contains("Patient/lm-399", "Patient/lm-0", "Patient/lm-449");
        assertThat(all.blocks()).filteredOn(b -> b.block() instanceof CandidateQuery.ByName).singleElement()
                .satisfies(b -> assertThat(b.holders()).isEqualTo(450));
        assertThat(his.patientCount()).isEqualTo(450);

        Candidates narrowed = new PatientMatcher(his, Blocking.withLimits(100, 1_000), MatchModel.defaults()).candidates(record);

        assertThat(narrowed.complete()).isTrue();
        assertThat(narrowed.blocks()).filteredOn(b -> b.block() instanceof CandidateQuery.ByName).singleElement()
                .satisfies(b -> assertThat(b.narrowed()).isTrue())
                .satisfies(b -> assertThat(b.holders()).isEqualTo(450));
        assertThat(narrowed.patients()).extracting(PatientFacts::ref).contains("Patient/lm-399");
        assertThat(narrowed.patients()).as("born in 1990 or on a close date of another year").hasSizeLessThan(20);
    }

    @Test
    @DisplayName("Candidate search never decides on a partial list: more candidates than the cap → incomplete, and matching sends the record to a person (TOO_MANY_CANDIDATES)")
    void overTheCapIsIncomplete() {
        loadNamesakes();
        PatientFacts record = new PatientFacts("q", "李明", Sex.MALE, LocalDate.of(1990, 3, 4), null, null);
        Blocking capped = new Blocking(1_000, 1_000, 30, 2_000, 300);
        PatientMatcher matcher = new PatientMatcher(his, capped, MatchModel.defaults());

        Candidates answer = matcher.candidates(record);

        assertThat(answer.complete()).isFalse();
        assertThat(answer.incompleteReason()).contains("300");
        MatchDecision d = matcher.decide(record, answer, his.patientCount(), java.util.Set.of());
        assertThat(d).isInstanceOf(MatchDecision.Proposed.class);
        assertThat(d.reason()).isEqualTo("TOO_MANY_CANDIDATES");
    }
}
