package org.hospital.continuity.server.reconciliation.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.writeback.FhirTestServerResource;
import org.hospital.continuity.server.writeback.app.RunningWriteBack;
import org.hospital.continuity.server.writeback.app.WritingBack;
import org.hospital.continuity.server.writeback.VisitDraft;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.matching.PatientFacts;
import org.hospital.continuity.sync.matching.Sex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Issue 9: the same person registered at two kiosks in one outage, each with a downtime number of its own and
 * a slip of the pen between them. A person merges or un-merges them on the workbench and the write-back
 * follows: no duplicate patient in the HIS after a merge, separate visits after an un-merge before the write,
 * and an un-merge after the write becomes a follow-up item, never a silent change in the HIS.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FhirTestServerResource.class)
class MergeUnmergeTest {

    private static final Random RND = new Random(0x9_0003);

    @Inject
    RunningWriteBack running;

    @Inject
    HisPort hisPort;

    private FhirHisPort his() {
        return (FhirHisPort) hisPort;
    }

    private static String phone() {
        return "137" + String.format("%08d", RND.nextInt(100_000_000));
    }

    private static String entry() {
        TestAccounts.department("DATA-ENTRY", null);
        return TestAccounts.user("entry-merge", "DATA-ENTRY", "DATA_ENTRY");
    }

    /** A registration at {@code kiosk}: names unknown to the HIS, a birth date no other test uses. */
    private static VisitDraft registration(String incident, String kiosk, String name, LocalDate born, String phone) {
        UUID visit = UUID.randomUUID();
        return new VisitDraft(visit, incident, kiosk, "DT" + Math.abs(visit.getLeastSignificantBits() % 1_000_000),
                new PatientFacts(visit.toString(), name, Sex.FEMALE, born, phone, null), "0301", null,
                Instant.parse("2026-11-21T03:00:00Z"), "acct-" + kiosk, "PF-" + visit, List.of(new VisitDraft.Line(
                UUID.nameUUIDFromBytes((visit + ":fee").getBytes()), "FEE", "REG-01", "普通门诊挂号", 1, 1000, false)));
    }

    private static LocalDate someBirthDate() {
        return LocalDate.of(1931, 1, 1).plusDays(RND.nextInt(3000));
    }

    private WritingBack.Report run(String incident, List<VisitDraft> drafts) {
        return running.runDrafts(incident, drafts).orElseThrow();
    }

    private int patientsWithPhone(String phone) {
        return his().client().search().forResource(Patient.class).where(Patient.TELECOM.exactly().code(phone))
                .returnBundle(Bundle.class).execute().getTotal();
    }

    private List<String> patientsOf(VisitDraft... visits) {
        java.util.Set<String> refs = new java.util.TreeSet<>();
        for (VisitDraft v : visits) {
            Bundle b = his().client().search().forResource(Encounter.class)
                    .where(Encounter.IDENTIFIER.exactly().systemAndCode("urn:hospital-continuity:visit", v.visitId().toString()))
                    .returnBundle(Bundle.class).execute();
            assertThat(b.getEntry()).as("one encounter for visit %s", v.visitId()).hasSize(1);
            refs.add(((Encounter) b.getEntry().get(0).getResource()).getSubject().getReference());
        }
        return List.copyOf(refs);
    }

    private String openItem(String token, String incident, UUID visit, String reason) {
        List<Map<String, Object>> items = TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items")
                .then().statusCode(200).extract().path("$");
        return items.stream().filter(i -> visit.toString().equals(i.get("visitId")) && reason.equals(i.get("reason")))
                .map(i -> (String) i.get("id")).findFirst().orElseThrow(() -> new AssertionError("no " + reason + " item for " + visit));
    }

    private void act(String token, String itemId, String action, String outcome, VisitDraft... visits) {
        TestAccounts.as(token).contentType(ContentType.JSON)
                .body(Map.of("action", action, "why", "纸质挂号单核对", "visitIds", java.util.Arrays.stream(visits)
                        .map(v -> v.visitId().toString()).toList()))
                .when().post("/api/workbench/items/" + itemId + "/actions")
                .then().statusCode(200).body("outcome", equalTo(outcome));
    }

    @Test
    @DisplayName("issue 9 a near-duplicate pair waits for a person; merged, both visits go under one new HIS patient; replay creates nothing")
    void mergeBeforeWriteBackGivesOnePatient() {
        String incident = "merge-" + UUID.randomUUID();
        LocalDate born = someBirthDate();
        String phoneA = phone();
        String phoneB = phone();
        VisitDraft a = registration(incident, "kiosk-a", "欧阳晓岚", born, phoneA);
        VisitDraft b = registration(incident, "kiosk-b", "欧阳小岚", born, phoneB);
        List<VisitDraft> outage = List.of(a, b);

        WritingBack.Report first = run(incident, outage);
        assertThat(first.written()).as("nothing is written while a person may still merge").isZero();
        assertThat(first.toWorkbench()).isEqualTo(2);
        String token = entry();
        String itemA = openItem(token, incident, a.visitId(), "POSSIBLE_DUPLICATE");
        TestAccounts.as(token).when().get("/api/workbench/items/" + itemA).then().statusCode(200)
                .body("candidates[0].patient.ref", equalTo(b.visitId().toString()))
                .body("candidates[0].patient.name", equalTo("欧阳小岚"));

        act(token, itemA, "MERGE", "MERGED", a, b);
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items").then().statusCode(200).body("$", hasSize(0));

        WritingBack.Report second = run(incident, outage);
        assertThat(second.written()).isEqualTo(2);
        assertThat(second.createdPatients()).as("one new patient, the other visit joins it").isEqualTo(1);
        assertThat(patientsOf(a, b)).hasSize(1);
        assertThat(patientsWithPhone(phoneA) + patientsWithPhone(phoneB)).isEqualTo(1);

        WritingBack.Report replay = run(incident, outage);
        assertThat(replay.written()).isZero();
        assertThat(patientsWithPhone(phoneA) + patientsWithPhone(phoneB)).isEqualTo(1);

        // un-merge after the write: the HIS is not changed silently; a person follows up there
        act(token, itemA, "UNMERGE", "FOLLOW_UP_IN_HIS", a, b);
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].reason", equalTo("FOLLOW_UP_IN_HIS")).body("[0].blocking", equalTo(false));
        WritingBack.Report after = run(incident, outage);
        assertThat(after.written()).isZero();
        assertThat(patientsOf(a, b)).hasSize(1);
        assertThat(patientsWithPhone(phoneA) + patientsWithPhone(phoneB)).isEqualTo(1);
    }

    @Test
    @DisplayName("issue 9 an un-merge before write-back restores separate visits under separate patients")
    void unmergeBeforeWriteBackKeepsVisitsApart() {
        String incident = "merge-" + UUID.randomUUID();
        LocalDate born = someBirthDate();
        VisitDraft a = registration(incident, "kiosk-a", "司马文静", born, phone());
        VisitDraft b = registration(incident, "kiosk-b", "司马文菁", born, phone());
        List<VisitDraft> outage = List.of(a, b);
        run(incident, outage);
        String token = entry();
        String itemB = openItem(token, incident, b.visitId(), "POSSIBLE_DUPLICATE");

        act(token, itemB, "MERGE", "MERGED", a, b);
        act(token, itemB, "UNMERGE", "UNMERGED", b, a);
        TestAccounts.as(token).when().get("/api/workbench/items/" + itemB + "/actions").then().statusCode(200)
                .body("action", containsInAnyOrder("MERGE", "UNMERGE"));

        WritingBack.Report r = run(incident, outage);
        assertThat(r.written()).isEqualTo(2);
        assertThat(r.createdPatients()).isEqualTo(2);
        assertThat(patientsOf(a, b)).as("two people, two HIS patients").hasSize(2);
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    @DisplayName("issue 9 a merge after both visits were written under two patients becomes a follow-up item, nothing changes in the HIS")
    void mergeAfterWriteBackIsAFollowUp() {
        String incident = "merge-" + UUID.randomUUID();
        LocalDate born = someBirthDate();
        VisitDraft a = registration(incident, "kiosk-a", "上官婉清", born, phone());
        VisitDraft b = registration(incident, "kiosk-b", "上官宛清", born, phone());
        List<VisitDraft> outage = List.of(a, b);
        run(incident, outage);
        String token = entry();
        // a person first keeps them apart (different people, both written), then learns they are one
        act(token, openItem(token, incident, a.visitId(), "POSSIBLE_DUPLICATE"), "UNMERGE", "UNMERGED", a, b);
        assertThat(run(incident, outage).written()).isEqualTo(2);
        List<String> two = patientsOf(a, b);
        assertThat(two).hasSize(2);
        String itemA = TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items?open=false")
                .then().statusCode(200).extract().path("find { it.visitId == '" + a.visitId() + "' }.id");

        act(token, itemA, "MERGE", "FOLLOW_UP_IN_HIS", a, b);
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].reason", equalTo("FOLLOW_UP_IN_HIS"))
                .body("[0].detail", org.hamcrest.Matchers.containsString(two.get(0)))
                .body("[0].detail", org.hamcrest.Matchers.containsString(two.get(1)));
        assertThat(run(incident, outage).written()).isZero();
        assertThat(patientsOf(a, b)).as("the HIS is not changed silently").isEqualTo(two);
    }
}
