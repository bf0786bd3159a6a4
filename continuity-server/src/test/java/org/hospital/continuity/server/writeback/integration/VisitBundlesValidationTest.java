package org.hospital.continuity.server.writeback.integration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hospital.continuity.sync.his.DowntimeVisit;
import org.hospital.continuity.sync.matching.NationalId;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The transaction Bundle of a downtime visit, as sent, against the R4 base specification (HAPI's validator): 0 errors,
 * for a new patient (compound surname), a patient matched in the HIS, with fee, item and a dispensed drug line.
 */
class VisitBundlesValidationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant WRITTEN = Instant.parse("2026-11-22T01:15:00Z");
    static final VisitBundles BUNDLES = new VisitBundles(FhirIdentifiers.defaults(), SHANGHAI, "http://his.example/fhir",
            InstantSource.fixed(WRITTEN));

    static DowntimeVisit visit(String name, String hisPatientRef) {
        String id = NationalId.of("110101", LocalDate.of(1980, 5, 17), 123);
        PatientFacts p = new PatientFacts("dt-1", name, Sex.FEMALE, LocalDate.of(1980, 5, 17), "13800138000", id);
        return new DowntimeVisit(UUID.randomUUID(), "DT-K1-0001", p, hisPatientRef, "0301", "D042",
                Instant.parse("2026-11-21T02:10:00Z"), "kiosk-1", "acct-nurse-7", "incident-42", "PF-000123",
                List.of(new DowntimeVisit.Line(UUID.randomUUID(), DowntimeVisit.Kind.FEE, "REG-01", "普通门诊挂号", 1, 1000, false, "次"),
                        new DowntimeVisit.Line(UUID.randomUUID(), DowntimeVisit.Kind.ITEM, "LAB-CBC", "血常规", 1, 2500, false, "次"),
                        new DowntimeVisit.Line(UUID.randomUUID(), DowntimeVisit.Kind.DRUG, "DRUG-AMOX", "阿莫西林胶囊", 2, 1850, true, "盒")));
    }

    @Test
    @DisplayName("a visit's transaction Bundle with a new patient validates against R4 with 0 errors")
    void newPatientBundleIsValid() {
        Bundle tx = BUNDLES.transaction(visit("欧阳娜娜", null));

        assertThat(R4Validation.errors(tx)).isEmpty();
    }

    @Test
    @DisplayName("the validator is not a formality: the relative Provenance fullUrl sent before is an error")
    void aRelativeFullUrlIsAnError() {
        Bundle tx = BUNDLES.transaction(visit("张伟", null));
        Bundle.BundleEntryComponent prov = tx.getEntry().get(tx.getEntry().size() - 1);
        prov.setFullUrl("Provenance/" + prov.getResource().getIdElement().getIdPart());

        assertThat(R4Validation.errors(tx)).isNotEmpty();
    }

    @Test
    @DisplayName("a visit's transaction Bundle under a HIS patient validates against R4 with 0 errors")
    void matchedPatientBundleIsValid() {
        Bundle tx = BUNDLES.transaction(visit("司马光", "Patient/123"));

        assertThat(R4Validation.errors(tx)).isEmpty();
    }

    @Test
    @DisplayName("compound surnames stay whole, times carry the hospital's offset, quantities their unit, the dispense its hand-over; Provenance is absolute and recorded at write-back")
    void whatAValidatingHisExpects() {
        Bundle tx = BUNDLES.transaction(visit("欧阳娜娜", null));
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(tx);

        Patient p = (Patient) tx.getEntry().get(0).getResource();
        assertThat(p.getNameFirstRep().getFamily()).isEqualTo("欧阳");
        assertThat(p.getNameFirstRep().getGivenAsSingleString()).isEqualTo("娜娜");
        Encounter e = resource(tx, Encounter.class);
        assertThat(e.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-11-21T10:10:00+08:00");
        assertThat(resource(tx, MedicationRequest.class).getDispenseRequest().getQuantity().getUnit()).isEqualTo("盒");
        MedicationDispense md = resource(tx, MedicationDispense.class);
        assertThat(md.getQuantity().getUnit()).isEqualTo("盒");
        assertThat(md.hasWhenHandedOver()).isTrue();
        assertThat(resource(tx, ChargeItem.class).getQuantity().getUnit()).isEqualTo("次");
        Bundle.BundleEntryComponent provEntry = tx.getEntry().get(tx.getEntry().size() - 1);
        assertThat(provEntry.getFullUrl()).startsWith("http://his.example/fhir/Provenance/dt-");
        Provenance prov = (Provenance) provEntry.getResource();
        assertThat(prov.getRecordedElement().getValueAsString()).isEqualTo("2026-11-22T09:15:00.000+08:00");
        assertThat(prov.getOccurredDateTimeType().getValueAsString()).isEqualTo("2026-11-21T10:10:00+08:00");
        assertThat(json).doesNotContain("\"quantity\":{\"value\":2}");
    }

    static <T> T resource(Bundle b, Class<T> type) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow();
    }
}
