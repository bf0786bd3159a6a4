package org.hospital.continuity.server.writeback.link;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.server.writeback.integration.FhirIdentifiers;
import org.hospital.continuity.server.writeback.integration.R4Validation;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.his.HisRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The FHIR link against the stand-in HIS (HAPI FHIR JPA server, tests/fhir-server): the write-back suite, and every kind
 * of transaction Bundle validated against the R4 base specification with 0 errors.
 */
class FhirLinkTest extends HisLinkSuite {

    static final FhirIdentifiers IDS = FhirIdentifiers.defaults();
    static FhirHisPort his;
    final Map<String, String> patientIds = new HashMap<>();

    @BeforeAll
    static void connect() {
        his = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), IDS, ZoneId.of("Asia/Shanghai"),
                InstantSource.system());
    }

    @Override
    protected HisPort link() {
        return his;
    }

    @Override
    protected void emptyHis() {
        FhirTestServerProcess.reset();
        his.forgetPrices();
    }

    @Override
    protected HisRecord.Subject seedInpatient(String hisPatientId, String inpatientNumber) {
        Patient p = new Patient();
        p.addIdentifier().setSystem(IDS.hisPatient()).setValue(hisPatientId);
        p.addIdentifier().setSystem(IDS.inpatientNumber()).setValue(inpatientNumber);
        p.addName().setText("欧阳娜娜").setFamily("欧阳").addGiven("娜娜");
        String patient = "Patient/" + his.client().create().resource(p).execute().getId().getIdPart();
        Encounter e = new Encounter();
        e.addIdentifier().setSystem(IDS.inpatientNumber()).setValue(inpatientNumber);
        e.setStatus(Encounter.EncounterStatus.INPROGRESS);
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
        e.getSubject().setReference(patient);
        String encounter = "Encounter/" + his.client().create().resource(e).execute().getId().getIdPart();
        patientIds.put(patient, hisPatientId);
        return new HisRecord.Subject(patient, encounter);
    }

    @Override
    protected HisRecord.Subject seedOutpatient() {
        Patient p = new Patient();
        p.addName().setText("司马光").setFamily("司马").addGiven("光");
        String patient = "Patient/" + his.client().create().resource(p).execute().getId().getIdPart();
        Encounter e = new Encounter();
        e.addIdentifier().setSystem(IDS.visit()).setValue(UUID.randomUUID().toString());
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        e.getSubject().setReference(patient);
        return new HisRecord.Subject(patient, "Encounter/" + his.client().create().resource(e).execute().getId().getIdPart());
    }

    @Override
    protected String seedPatient(String family, String given, org.hospital.continuity.sync.matching.Sex sex, java.time.LocalDate birth,
                                 String phone, String nationalId) {
        Patient p = new Patient();
        p.addName().setText(family + given).setFamily(family).addGiven(given);
        p.setGender(sex == org.hospital.continuity.sync.matching.Sex.MALE ? org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.MALE
                : sex == org.hospital.continuity.sync.matching.Sex.FEMALE ? org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE
                : org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.UNKNOWN);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birth.toString()));
        if (phone != null) {
            p.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        }
        if (nationalId != null) {
            p.addIdentifier().setSystem(IDS.nationalId()).setValue(nationalId);
        }
        return "Patient/" + his.client().create().resource(p).execute().getId().getIdPart();
    }

    @Override
    protected String patientIdOf(HisRecord.Subject subject) {
        return patientIds.get(subject.patientRef());
    }

    /** The resource type and identifier a record's first resource is found by. */
    static String[] firstOf(HisRecord r) {
        if (r instanceof HisRecord.MedicationOrder m) {
            return new String[] {"MedicationRequest", IDS.line(), m.lines().get(0).lineId().toString()};
        }
        if (r instanceof HisRecord.ServiceOrder s) {
            return new String[] {"ServiceRequest", IDS.record(), s.recordId().toString()};
        }
        if (r instanceof HisRecord.ExamsDone e) {
            return new String[] {"ServiceRequest", IDS.line(), e.exams().get(0).lineId().toString()};
        }
        if (r instanceof HisRecord.Dispense d) {
            return new String[] {"MedicationDispense", IDS.line(), d.lines().get(0).line().lineId().toString()};
        }
        if (r instanceof HisRecord.Charges c) {
            return new String[] {"ChargeItem", IDS.line(), c.lines().get(0).lineId().toString()};
        }
        if (r instanceof HisRecord.Settlement || r instanceof HisRecord.IouExchange) {
            return new String[] {"Invoice", IDS.record(), r.recordId().toString()};
        }
        if (r instanceof HisRecord.AllergyNoted) {
            return new String[] {"AllergyIntolerance", IDS.record(), r.recordId().toString()};
        }
        throw new IllegalArgumentException(r.getClass().getSimpleName());
    }

    Bundle search(HisRecord r) {
        String[] f = firstOf(r);
        return his.client().search().byUrl(f[0] + "?identifier=" + f[1] + "|" + f[2]).returnBundle(Bundle.class).execute();
    }

    @Override
    protected boolean holds(HisRecord record) {
        return search(record).getEntry().size() == 1;
    }

    @Override
    protected String status(HisRecord record) {
        var resource = search(record).getEntryFirstRep().getResource();
        return ((org.hl7.fhir.r4.model.Base) resource).getNamedProperty("status").getValues().get(0).primitiveValue();
    }

    @Override
    protected long count() {
        long n = 0;
        for (String type : List.of("Patient", "Encounter", "MedicationRequest", "ServiceRequest", "MedicationDispense", "ChargeItem",
                "Account", "Invoice", "AllergyIntolerance", "Provenance")) {
            n += his.client().search().byUrl(type + "?_summary=count").returnBundle(Bundle.class).execute().getTotal();
        }
        return n;
    }

    @Test
    @DisplayName("every kind of record's transaction Bundle, and its void and correction, validate against R4 with 0 errors")
    void everyKindOfBundleIsValidR4() {
        List<HisRecord> records = HisRecordFixtures.everyKind(inpatient, outpatient);
        for (HisRecord r : records) {
            assertThat(R4Validation.errors(his.bundleOf(r))).as(r.getClass().getSimpleName()).isEmpty();
            assertThat(R4Validation.errors(his.bundleOf(HisRecordFixtures.voided(r)))).as("void of " + r.getClass().getSimpleName())
                    .isEmpty();
        }
        assertThat(R4Validation.errors(his.bundleOf(HisRecordFixtures.corrected(records.get(2), UUID.randomUUID())))).isEmpty();
    }
}
