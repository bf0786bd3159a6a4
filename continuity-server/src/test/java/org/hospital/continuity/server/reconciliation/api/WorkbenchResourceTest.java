package org.hospital.continuity.server.reconciliation.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.writeback.Workbench;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The workbench over REST with the real stand-in FHIR HIS and PostgreSQL (issue 9, EP-8.4, EP-8.5, HR-8/9/12). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FhirTestServerResource.class)
class WorkbenchResourceTest {

    @Inject
    RunningWriteBack running;

    @Inject
    HisPort hisPort;

    @Inject
    Workbench store;

    private static final Random RND = new Random(9);

    private static String phone() {
        return "139" + String.format("%08d", RND.nextInt(100_000_000));
    }

    private FhirHisPort his() {
        return (FhirHisPort) hisPort;
    }

    private static String entry() {
        TestAccounts.department("DATA-ENTRY", null);
        return TestAccounts.user("entry-1", "DATA-ENTRY", "DATA_ENTRY");
    }

    /** A HIS patient "张伟" with this phone; returns its reference. */
    private String hisPatient(String phone) {
        Patient p = new Patient();
        p.addName().setText("张伟").setFamily("张").addGiven("伟");
        p.setGender(Enumerations.AdministrativeGender.MALE);
        p.setBirthDateElement(new DateType("1980-05-17"));
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        return "Patient/" + his().client().create().resource(p).execute().getId().getIdPart();
    }

    private static VisitDraft draft(String incident, String name, String phone, String dept) {
        UUID visit = UUID.randomUUID();
        return new VisitDraft(visit, incident, "kiosk-wb", "DT" + Math.abs(visit.getLeastSignificantBits() % 1_000_000),
                new PatientFacts(visit.toString(), name, Sex.MALE, LocalDate.of(1980, 5, 17), phone, null), dept, null,
                Instant.parse("2026-11-21T02:00:00Z"), "acct-kiosk-wb", "PF-" + visit, List.of(new VisitDraft.Line(
                UUID.nameUUIDFromBytes((visit + ":fee").getBytes()), "FEE", "REG-01", "普通门诊挂号", 1, 1000, false)));
    }

    private int encountersOf(String patientRef) {
        return his().client().search().forResource(Encounter.class).where(Encounter.SUBJECT.hasId(patientRef))
                .returnBundle(Bundle.class).execute().getTotal();
    }

    private int patientsWithPhone(String phone) {
        return his().client().search().forResource(Patient.class).where(Patient.TELECOM.exactly().code(phone))
                .returnBundle(Bundle.class).execute().getTotal();
    }

    private WritingBack.Report run(String incident, List<VisitDraft> drafts) {
        return running.runDrafts(incident, drafts).orElseThrow();
    }

    @Test
    @DisplayName("EP-8.4 a proposal accepted on the workbench completes the write-back; who read and who acted are recorded; a replay creates nothing twice")
    void resolvingAProposalCompletesTheWriteBack() {
        String incident = "wb-" + UUID.randomUUID();
        String knownPhone = phone();
        String newPhone = phone();
        String ref = hisPatient(knownPhone);
        VisitDraft typo = draft(incident, "张为", knownPhone, "0301");
        VisitDraft stranger = draft(incident, "欧阳明", newPhone, "0302");
        List<VisitDraft> drafts = List.of(typo, stranger);

        WritingBack.Report first = run(incident, drafts);
        assertThat(first.written()).isEqualTo(1);
        assertThat(first.toWorkbench()).isEqualTo(1);

        String token = entry();
        String itemId = TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].reason", equalTo("PATIENT_PROPOSAL"))
                .body("[0].visitId", equalTo(typo.visitId().toString())).extract().path("[0].id");

        // EP-8.5: the lead gives the department's parcel to a person; progress counts against EP-8.4
        TestAccounts.as(token).contentType(ContentType.JSON)
                .body(Map.of("splitBy", "DEPARTMENT", "assignments", List.of(Map.of("area", "0301", "owner", "entry-1"))))
                .when().post("/api/workbench/incidents/" + incident + "/parcels")
                .then().statusCode(200).body("[0].area", equalTo("0301")).body("[0].owner", equalTo("entry-1"))
                .body("[0].progress.total", equalTo(1)).body("[0].progress.done", equalTo(0));

        // the record as captured and the HIS candidate side by side; the reading is recorded (HR-12)
        TestAccounts.as(token).when().get("/api/workbench/items/" + itemId).then().statusCode(200)
                .body("captured.patient.name", equalTo("张为")).body("candidates[0].patient.ref", equalTo(ref))
                .body("candidates[0].patient.name", equalTo("张伟"));
        String accountId = TestAccounts.as(token).when().get("/api/auth/me").then().statusCode(200).extract().path("accountId");
        assertThat(store.readsOf(typo.visitId(), accountId)).isEqualTo(1);

        TestAccounts.as(token).contentType(ContentType.JSON)
                .body(Map.of("action", "ACCEPT_MATCH", "hisPatientRef", ref, "why", "同一电话，表上名字笔误"))
                .when().post("/api/workbench/items/" + itemId + "/actions")
                .then().statusCode(200).body("outcome", equalTo("WRITE_PENDING"));

        WritingBack.Report second = run(incident, drafts);
        assertThat(second.written()).isEqualTo(1);
        assertThat(encountersOf(ref)).isEqualTo(1);
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items").then().statusCode(200).body("$", hasSize(0));
        TestAccounts.as(token).when().get("/api/workbench/items/" + itemId + "/actions").then().statusCode(200)
                .body("[0].action", equalTo("ACCEPT_MATCH")).body("[0].actor", equalTo(accountId))
                .body("[0].why", equalTo("同一电话，表上名字笔误"));
        TestAccounts.as(TestAccounts.itDuty()).when().get("/api/writeback/incidents/" + incident).then().statusCode(200)
                .body("written", equalTo(2)).body("waitingOnWorkbench", equalTo(0)).body("paused", equalTo(false));
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/parcels").then().statusCode(200)
                .body("[0].progress.done", equalTo(1)).body("[0].progress.importantDone", equalTo(1));

        // replay: everything is settled, nothing is written twice
        WritingBack.Report replay = run(incident, drafts);
        assertThat(replay.written()).isZero();
        assertThat(replay.alreadySettled()).isEqualTo(2);
        assertThat(encountersOf(ref)).isEqualTo(1);
        assertThat(patientsWithPhone(newPhone)).isEqualTo(1);
        assertThat(patientsWithPhone(knownPhone)).isEqualTo(1);

        // a resolved item takes no second action
        TestAccounts.as(token).contentType(ContentType.JSON).body(Map.of("action", "CREATE_NEW", "why", "再试"))
                .when().post("/api/workbench/items/" + itemId + "/actions")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    @DisplayName("HR-9 a correction is a new attributed entry: the next run matches the corrected record")
    void correctionIsANewEntryAndTheNextRunUsesIt() {
        String incident = "wb-" + UUID.randomUUID();
        String knownPhone = phone();
        String ref = hisPatient(knownPhone);
        VisitDraft typo = draft(incident, "张为", knownPhone, "0301");
        run(incident, List.of(typo));
        String token = entry();
        String itemId = TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items")
                .then().statusCode(200).body("$", hasSize(1)).extract().path("[0].id");

        TestAccounts.as(token).contentType(ContentType.JSON)
                .body(Map.of("action", "CORRECT", "field", "name", "newValue", "张伟", "why", "纸质表为张伟"))
                .when().post("/api/workbench/items/" + itemId + "/actions")
                .then().statusCode(200).body("outcome", equalTo("CORRECTED"));

        WritingBack.Report again = run(incident, List.of(typo));
        assertThat(again.written()).isEqualTo(1);
        assertThat(encountersOf(ref)).isEqualTo(1);
        assertThat(typo.patient().name()).as("the captured record is unchanged").isEqualTo("张为");
    }

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    @DisplayName("Issue 9: while another server holds the write-back lock, this one does not run; afterwards it does")
    void oneServerAtATime() {
        String incident = "wb-" + UUID.randomUUID();
        var other = pool.getConnection().await().indefinitely();
        try {
            assertThat(other.query("select pg_try_advisory_lock(" + 0x5742_0009L + ") as got").execute().await().indefinitely()
                    .iterator().next().getBoolean("got")).isTrue();
            assertThat(running.runDrafts(incident, List.of(draft(incident, "诸葛亮", phone(), "0302")))).isEmpty();
            TestAccounts.as(TestAccounts.itDuty()).when().post("/api/writeback/incidents/" + incident + "/run")
                    .then().statusCode(409).contentType("application/problem+json");
        } finally {
            other.query("select pg_advisory_unlock(" + 0x5742_0009L + ")").execute().await().indefinitely();
            other.close().await().indefinitely();
        }
        // a name no other test uses: the HIS must not hold a near namesake (that would be a proposal)
        assertThat(running.runDrafts(incident, List.of(draft(incident, "诸葛亮", phone(), "0302")))).get()
                .satisfies(r -> assertThat(r.written()).isEqualTo(1));
    }

    @Test
    @DisplayName("HR-1 only data-entry staff and IT administrators work the queue; progress is for IT and leadership")
    void wrongRolesAreRefused() {
        String id = UUID.randomUUID().toString();
        TestAccounts.as(TestAccounts.cashier()).when().get("/api/workbench/incidents/x/items").then().statusCode(403);
        TestAccounts.as(TestAccounts.cashier()).when().get("/api/workbench/items/" + id).then().statusCode(403);
        TestAccounts.as(TestAccounts.leader()).contentType(ContentType.JSON).body(Map.of("action", "CREATE_NEW", "why", "x"))
                .when().post("/api/workbench/items/" + id + "/actions").then().statusCode(403);
        TestAccounts.as(TestAccounts.cashier()).when().get("/api/writeback/incidents/x").then().statusCode(403);
        TestAccounts.as(TestAccounts.leader()).when().post("/api/writeback/incidents/x/run").then().statusCode(403);
        TestAccounts.as(entry()).when().get("/api/writeback/incidents/x").then().statusCode(403);
        TestAccounts.as(TestAccounts.leader()).when().get("/api/writeback/incidents/x").then().statusCode(200);
    }

    @Test
    @DisplayName("HR-8 bad input is refused as problem+json: no reason, unknown item, unknown action, a patient not proposed")
    void badInputIsRefused() {
        String token = entry();
        String incident = "wb-" + UUID.randomUUID();
        String knownPhone = phone();
        hisPatient(knownPhone);
        run(incident, List.of(draft(incident, "张为", knownPhone, "0301")));
        String itemId = TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items")
                .then().statusCode(200).extract().path("[0].id");

        TestAccounts.as(token).contentType(ContentType.JSON).body(Map.of("action", "CREATE_NEW"))
                .when().post("/api/workbench/items/" + itemId + "/actions")
                .then().statusCode(422).contentType("application/problem+json");
        TestAccounts.as(token).contentType(ContentType.JSON).body(Map.of("action", "ACCEPT_MATCH", "hisPatientRef", "Patient/nobody", "why", "x"))
                .when().post("/api/workbench/items/" + itemId + "/actions")
                .then().statusCode(409).contentType("application/problem+json");
        TestAccounts.as(token).contentType(ContentType.JSON).body(Map.of("action", "ACCEPT_MATCH", "why", "x"))
                .when().post("/api/workbench/items/" + itemId + "/actions")
                .then().statusCode(422).contentType("application/problem+json");
        TestAccounts.as(token).contentType(ContentType.JSON).body(Map.of("action", "CORRECT", "field", "birthDate", "newValue", "1980/5/17", "why", "x"))
                .when().post("/api/workbench/items/" + itemId + "/actions")
                .then().statusCode(422).contentType("application/problem+json");
        TestAccounts.as(token).contentType(ContentType.JSON).body(Map.of("action", "MARK_TRACED", "why", "x"))
                .when().post("/api/workbench/items/" + itemId + "/actions")
                .then().statusCode(409).contentType("application/problem+json");
        TestAccounts.as(token).contentType(ContentType.JSON).body("{\"action\":\"SHRUG\",\"why\":\"x\"}")
                .when().post("/api/workbench/items/" + itemId + "/actions").then().statusCode(400);
        TestAccounts.as(token).when().get("/api/workbench/items/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        TestAccounts.as(token).contentType(ContentType.JSON)
                .body(Map.of("splitBy", "DEPARTMENT", "assignments", List.of(Map.of("area", "9999", "owner", "entry-1"))))
                .when().post("/api/workbench/incidents/" + incident + "/parcels")
                .then().statusCode(422).contentType("application/problem+json");
    }
}
