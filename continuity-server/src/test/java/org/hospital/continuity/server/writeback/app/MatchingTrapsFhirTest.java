package org.hospital.continuity.server.writeback.app;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.WorkbenchItem;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.server.writeback.integration.FhirIdentifiers;
import org.hospital.continuity.sync.his.CodeMapping;
import org.hospital.continuity.sync.matching.NationalId;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching traps through the real FHIR path (stand-in HIS, {@code FhirHisPort}, {@code WritingBack}): each one
 * produced a wrong automatic outcome before candidate retrieval read every page and matching weighed every candidate.
 */
class MatchingTrapsFhirTest {

    static final FhirIdentifiers IDS = FhirIdentifiers.defaults();
    static FhirHisPort his;

    @BeforeAll
    static void connect() {
        his = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), IDS, ZoneId.of("Asia/Shanghai"));
    }

    @BeforeEach
    void emptyHis() {
        FhirTestServerProcess.reset();
        his.forgetPrices();
    }

    static Patient patient(String id, String name, Sex sex, LocalDate born, String phone, String idNumber) {
        Patient p = new Patient();
        p.setId(id);
        if (idNumber != null) {
            p.addIdentifier(new Identifier().setSystem(IDS.nationalId()).setValue(idNumber));
        }
        p.addName().setText(name).setFamily(name.substring(0, 1)).addGiven(name.substring(1));
        p.setGender(sex == Sex.MALE ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType(born.toString()));
        if (phone != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        }
        return p;
    }

    static void load(List<Patient> patients) {
        for (int from = 0; from < patients.size(); from += 200) {
            Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            for (Patient p : patients.subList(from, Math.min(patients.size(), from + 200))) {
                tx.addEntry().setResource(p).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/" + p.getIdElement().getIdPart());
            }
            his.client().transaction().withBundle(tx).execute();
        }
    }

    /** Unrelated patients, so the HIS has a population. */
    static List<Patient> background(int n) {
        List<Patient> out = new ArrayList<>();
        String[] names = {"赵立新", "钱多多", "孙思远", "周子航", "吴佩珊", "郑海燕", "冯一鸣", "陈晓东", "褚卫国", "卫东方"};
        for (int i = 0; i < n; i++) {
            LocalDate d = LocalDate.of(1940, 1, 1).plusDays(i * 13L);
            Sex sex = i % 2 == 0 ? Sex.MALE : Sex.FEMALE;
            out.add(patient("bg-" + i, names[i % names.length] + (char) ('甲' + i % 10), sex, d, String.format("139%08d", i),
                    NationalId.of("320102", d, 2 * (i % 400) + (sex == Sex.MALE ? 1 : 2))));
        }
        return out;
    }

    static VisitDraft draft(String key, PatientFacts p) {
        UUID visit = UUID.nameUUIDFromBytes(("trap:" + key).getBytes(StandardCharsets.UTF_8));
        return new VisitDraft(visit, "traps", "kiosk-1", "DT01" + key, new PatientFacts(visit.toString(), p.name(), p.sex(),
                p.birthDate(), p.phone(), p.nationalId()), "0301", null, Instant.parse("2026-11-21T08:00:00Z"), "acct-kiosk-1",
                "PF-" + key, List.of(new VisitDraft.Line(UUID.nameUUIDFromBytes(("line:" + key).getBytes(StandardCharsets.UTF_8)),
                "FEE", "REG-01", "普通门诊挂号", 1, 1000, false)));
    }

    static InMemoryLedger run(List<VisitDraft> drafts) {
        InMemoryLedger ledger = new InMemoryLedger();
        new WritingBack(his, new CodeMapping(Map.of()), new HisCircuit(5, Duration.ofMinutes(1), Instant::now), ledger, Instant::now,
                d -> { }, 3, Duration.ofMillis(1)).run("traps", drafts, null);
        return ledger;
    }

    static List<String> candidatesOf(InMemoryLedger ledger, UUID visit) {
        return ledger.items().stream().filter(i -> i.visitId().equals(visit) && i.blocking())
                .flatMap(i -> i.candidates().stream()).map(s -> s.candidate().ref()).toList();
    }

    @Test
    @DisplayName("The 202nd 王刚 of the HIS (same name and sex, birth date a day off, new phone, no ID number) is found on a later page: no new patient is created for him")
    void the202ndNamesake() {
        List<Patient> all = background(300);
        LocalDate born = LocalDate.of(1985, 3, 14);
        for (int i = 1; i <= 250; i++) {
            LocalDate d = i == 202 ? born : LocalDate.of(1940, 2, 3).plusDays(i * 97L);
            all.add(patient("wg-" + i, "王刚", Sex.MALE, i != 202 && d.getYear() == 1985 ? d.plusYears(2) : d,
                    String.format("137%08d", i), null));
        }
        load(all);
        VisitDraft d = draft("202", new PatientFacts("x", "王刚", Sex.MALE, born.plusDays(1), "18899990000", null));

        InMemoryLedger ledger = run(List.of(d));

        assertThat(ledger.writtenVisits()).as("written automatically (a new patient for one the HIS holds)").doesNotContainKey(d.visitId());
        assertThat(candidatesOf(ledger, d.visitId())).contains("Patient/wg-202");
    }

    @Test
    @DisplayName("Twins equal on name, sex, birth date and phone: the twin without an ID number is never written to the other twin by same-outage grouping")
    void twinsEqualOnEveryGroupingField() {
        LocalDate born = LocalDate.of(2016, 8, 9);
        String idA = NationalId.of("310104", born, 202);
        String idB = NationalId.of("310104", born, 204);
        List<Patient> all = background(300);
        all.add(patient("twin-a", "张一凡", Sex.FEMALE, born, "13912345678", idA));
        all.add(patient("twin-b", "张一凡", Sex.FEMALE, born, "13912345678", idB));
        load(all);
        VisitDraft a = draft("twin-a", new PatientFacts("x", "张一凡", Sex.FEMALE, born, "13912345678", idA));
        VisitDraft b = draft("twin-b", new PatientFacts("x", "张一凡", Sex.FEMALE, born, "13912345678", null));

        InMemoryLedger ledger = run(List.of(a, b));

        assertThat(ledger.writtenVisits().get(a.visitId()).outcome().hisPatientRef()).isEqualTo("Patient/twin-a");
        assertThat(ledger.writtenVisits()).as("the twin without ID number written automatically").doesNotContainKey(b.visitId());
        assertThat(candidatesOf(ledger, b.visitId())).contains("Patient/twin-a", "Patient/twin-b");
    }

    @Test
    @DisplayName("A homophone slip (汪伟 written for 王伟, no ID number, new phone) is found by birth date and sound: no new patient is created")
    void homophoneSlip() {
        LocalDate born = LocalDate.of(1971, 11, 2);
        List<Patient> all = background(300);
        all.add(patient("ww", "王伟", Sex.MALE, born, "13655554444", NationalId.of("440103", born, 135)));
        load(all);
        VisitDraft slip = draft("slip", new PatientFacts("x", "汪伟", Sex.MALE, born, "18600001111", null));

        InMemoryLedger ledger = run(List.of(slip));

        assertThat(ledger.writtenVisits()).as("written automatically (a new patient for one the HIS holds)").doesNotContainKey(slip.visitId());
        assertThat(candidatesOf(ledger, slip.visitId())).first().isEqualTo("Patient/ww");
    }
}
