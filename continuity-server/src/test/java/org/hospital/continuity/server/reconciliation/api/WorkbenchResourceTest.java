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

    /**
     * A birth date of its own for each phone: the HIS this class fills holds many 张伟, and a date every one of them
     * shared would make name and date carry no evidence (matching weighs a value by how many patients hold it).
     */
    private static LocalDate bornOf(String phone) {
        return LocalDate.of(1940, 1, 1).plusDays(Math.floorMod(phone.hashCode(), 25_000));
    }

    private static boolean populated;

    /**
     * A HIS of some hundreds of unrelated patients, as a hospital's is (matching weighs an agreement by the share of
     * patients holding the value: in a HIS of a handful, agreeing on a birth date and a phone proves little); the
     * cached patient count is read afresh.
     */
    private void population() {
        if (!populated) {
            String[] names = {"赵立新", "钱多多", "孙思远", "周子航", "吴佩珊", "郑海燕", "冯一鸣", "陈晓东", "褚卫国", "卫东方"};
            for (int from = 0; from < 600; from += 200) {
                Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
                for (int i = from; i < from + 200; i++) {
                    Patient p = new Patient();
                    p.setId("wb-bg-" + i);
                    p.addName().setText(names[i % names.length] + (char) ('甲' + i % 10));
                    p.setGender(i % 2 == 0 ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
                    p.setBirthDateElement(new DateType(LocalDate.of(1935, 1, 1).plusDays(i * 37L).toString()));
                    p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(String.format("135%08d", i));
                    tx.addEntry().setResource(p).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/wb-bg-" + i);
                }
                his().client().transaction().withBundle(tx).execute();
            }
            populated = true;
        }
        his().forgetPrices();
    }

    /** A HIS patient "张伟" with this phone; returns its reference. */
    private String hisPatient(String phone) {
        population();
        Patient p = new Patient();
        p.addName().setText("张伟").setFamily("张").addGiven("伟");
        p.setGender(Enumerations.AdministrativeGender.MALE);
        p.setBirthDateElement(new DateType(bornOf(phone).toString()));
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        return "Patient/" + his().client().create().resource(p).execute().getId().getIdPart();
    }

    private static VisitDraft draft(String incident, String name, String phone, String dept) {
        UUID visit = UUID.randomUUID();
        return new VisitDraft(visit, incident, "kiosk-wb", "DT" + Math.abs(visit.getLeastSignificantBits() % 1_000_000),
                new PatientFacts(visit.toString(), name, Sex.MALE, bornOf(phone), phone, null), dept, null,
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

    private static String head() {
        TestAccounts.department("DATA-ENTRY", null);
        return TestAccounts.user("head-entry", "DATA-ENTRY", "DEPARTMENT_HEAD");
    }

    private static String accountOf(String token) {
        return TestAccounts.as(token).when().get("/api/auth/me").then().statusCode(200).extract().path("accountId");
    }

    private String correctionWaiting(String token, String itemId, String newValue) {
        return TestAccounts.as(token).contentType(ContentType.JSON)
                .body(Map.of("action", "CORRECT", "field", "name", "newValue", newValue, "why", "纸质表为" + newValue))
                .when().post("/api/workbench/items/" + itemId + "/actions")
                .then().statusCode(200).body("outcome", equalTo("APPROVAL_PENDING")).extract().path("actionId");
    }

    @Test
    @DisplayName("HR-9 a correction takes effect only once the clerk's department head approves it: both names in the action and the audit log; the next run matches the corrected record")
    void correctionIsANewEntryAndTheNextRunUsesIt() {
        String incident = "wb-" + UUID.randomUUID();
        String knownPhone = phone();
        String ref = hisPatient(knownPhone);
        VisitDraft typo = draft(incident, "张为", knownPhone, "0301");
        run(incident, List.of(typo));
        String token = entry();
        String itemId = TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items")
                .then().statusCode(200).body("$", hasSize(1)).extract().path("[0].id");

        String requestId = correctionWaiting(token, itemId, "张伟");
        // waiting: nothing of the record changed, the item stays open, a second correction of it waits its turn
        TestAccounts.as(token).contentType(ContentType.JSON)
                .body(Map.of("action", "CORRECT", "field", "phone", "newValue", "13900000000", "why", "再改"))
                .when().post("/api/workbench/items/" + itemId + "/actions")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("/problems/correction-pending"));
        WritingBack.Report waiting = run(incident, List.of(typo));
        assertThat(waiting.written()).as("a correction waiting for approval changes nothing").isZero();
        assertThat(encountersOf(ref)).isZero();
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(itemId));
        TestAccounts.as(token).when().get("/api/workbench/items/" + itemId + "/actions").then().statusCode(200).body("$", hasSize(0));

        // the department head sees it beside the value as captured, and approves it
        String head = head();
        TestAccounts.as(head).when().get("/api/workbench/incidents/" + incident + "/corrections")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(requestId))
                .body("[0].capturedValue", equalTo("张为")).body("[0].newValue", equalTo("张伟"))
                .body("[0].requestedByName", equalTo("测试 entry-1")).body("[0].status", equalTo("PENDING"));
        String actionId = TestAccounts.as(head).contentType(ContentType.JSON).body(Map.of("note", "已核对纸质登记表"))
                .when().post("/api/workbench/corrections/" + requestId + "/approval")
                .then().statusCode(200).body("outcome", equalTo("CORRECTED")).extract().path("actionId");
        TestAccounts.as(head).contentType(ContentType.JSON).body(Map.of("note", "再批一次"))
                .when().post("/api/workbench/corrections/" + requestId + "/approval")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("/problems/correction-decided"));

        // both names and the reasons: the action is the clerk's, approved by the head
        String clerkId = accountOf(token);
        String headId = accountOf(head);
        TestAccounts.as(token).when().get("/api/workbench/items/" + itemId + "/actions").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(actionId)).body("[0].action", equalTo("CORRECT"))
                .body("[0].actor", equalTo(clerkId)).body("[0].actorName", equalTo("测试 entry-1"))
                .body("[0].why", equalTo("纸质表为张伟")).body("[0].approvedBy", equalTo(headId))
                .body("[0].approvedByName", equalTo("测试 head-entry")).body("[0].approvalWhy", equalTo("已核对纸质登记表"));
        var audited = pool.preparedQuery("select actor, detail from audit_log where action = 'CORRECTION_APPROVED' and record_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(requestId)).await().indefinitely();
        assertThat(audited.rowCount()).isEqualTo(1);
        var row = audited.iterator().next();
        assertThat(row.getString("actor")).isEqualTo(headId);
        assertThat(row.getString("detail")).contains("asked-by=" + clerkId + " (测试 entry-1)").contains("decided-by=" + headId + " (测试 head-entry)")
                .contains("field=name").doesNotContain("张");

        WritingBack.Report again = run(incident, List.of(typo));
        assertThat(again.written()).isEqualTo(1);
        assertThat(encountersOf(ref)).isEqualTo(1);
        assertThat(typo.patient().name()).as("the captured record is unchanged").isEqualTo("张为");
    }

    @Test
    @DisplayName("HR-9 the clerk cannot approve their own correction, nor can another role or another department's head (403); a refusal leaves the record as it was and stays decided (409)")
    void approvalNeedsASecondPersonOfTheApprovingRole() {
        String incident = "wb-" + UUID.randomUUID();
        String knownPhone = phone();
        String ref = hisPatient(knownPhone);
        VisitDraft typo = draft(incident, "张为", knownPhone, "0301");
        run(incident, List.of(typo));
        // a clerk who is also a department head: the role alone does not let them approve their own
        TestAccounts.department("DATA-ENTRY", null);
        String both = TestAccounts.user("entry-head-1", "DATA-ENTRY", "DATA_ENTRY", "DEPARTMENT_HEAD");
        String itemId = TestAccounts.as(both).when().get("/api/workbench/incidents/" + incident + "/items")
                .then().statusCode(200).body("$", hasSize(1)).extract().path("[0].id");
        String requestId = correctionWaiting(both, itemId, "张伟");

        TestAccounts.as(both).contentType(ContentType.JSON).body(Map.of("note", "自己批"))
                .when().post("/api/workbench/corrections/" + requestId + "/approval")
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/approval-self"))
                .body("rule", equalTo("HR-9"));
        TestAccounts.as(both).header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(Map.of("why", "自己拒"))
                .when().post("/api/workbench/corrections/" + requestId + "/refusal")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("申请更正的本人不能批准或拒绝自己的更正"));
        // another clerk (no approving role) and another department's head
        TestAccounts.as(entry()).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .when().post("/api/workbench/corrections/" + requestId + "/approval")
                .then().statusCode(403).contentType("application/problem+json");
        TestAccounts.department("WARD-7", null);
        String otherHead = TestAccounts.user("head-ward-7", "WARD-7", "DEPARTMENT_HEAD");
        TestAccounts.as(otherHead).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .when().post("/api/workbench/corrections/" + requestId + "/approval")
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/approval-other-department"));
        TestAccounts.as(otherHead).when().get("/api/workbench/incidents/" + incident + "/corrections")
                .then().statusCode(200).body("$", hasSize(0));
        TestAccounts.as(head()).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .when().post("/api/workbench/corrections/" + UUID.randomUUID() + "/approval")
                .then().statusCode(404).contentType("application/problem+json");

        // the head refuses: a reason is required; then the record stays as it was
        String head = head();
        TestAccounts.as(head).contentType(ContentType.JSON).body(Map.of("why", " "))
                .when().post("/api/workbench/corrections/" + requestId + "/refusal")
                .then().statusCode(422).contentType("application/problem+json");
        TestAccounts.as(head).contentType(ContentType.JSON).body(Map.of("why", "纸质表也写作张为，需先核实身份证"))
                .when().post("/api/workbench/corrections/" + requestId + "/refusal")
                .then().statusCode(200).body("outcome", equalTo("REFUSED"));
        TestAccounts.as(head).contentType(ContentType.JSON).body(Map.of("note", "改主意"))
                .when().post("/api/workbench/corrections/" + requestId + "/approval")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("/problems/correction-decided"));
        TestAccounts.as(both).when().get("/api/workbench/items/" + itemId + "/actions").then().statusCode(200).body("$", hasSize(0));
        TestAccounts.as(both).when().get("/api/workbench/items/" + itemId + "/corrections").then().statusCode(200)
                .body("[0].status", equalTo("REFUSED")).body("[0].decidedByName", equalTo("测试 head-entry"))
                .body("[0].decisionWhy", equalTo("纸质表也写作张为，需先核实身份证")).body("[0].requestedByName", equalTo("测试 entry-head-1"));
        assertThat(run(incident, List.of(typo)).written()).as("a refused correction changes nothing").isZero();
        assertThat(encountersOf(ref)).isZero();
        TestAccounts.as(both).when().get("/api/workbench/incidents/" + incident + "/items")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(itemId));
        var refusedAudit = pool.preparedQuery("select count(*) as n from audit_log where action = 'CORRECTION_REFUSED' and record_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(requestId)).await().indefinitely();
        assertThat(refusedAudit.iterator().next().getLong("n")).isEqualTo(1);
        // the database itself refuses a request decided by the one who asked (HR-9 backstop)
        assertThat(pool.preparedQuery("update workbench_correction_request set decided_by = requested_by where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(requestId))).onItem().transform(r -> "updated")
                .onFailure().recoverWithItem("refused").await().indefinitely()).isEqualTo("refused");
    }

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    @DisplayName("Issue 9: while another server holds the write-back lock, this one does not run; afterwards it does")
    void oneServerAtATime() {
        population();
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
        // a name no other test uses and a birth date nobody in the HIS holds: the HIS must not hold a near namesake, nor
        // a patient of the same sex born that day (without an ID number either would make "a new patient" uncertain)
        VisitDraft stranger = draft(incident, "诸葛亮", phone(), "0302");
        VisitDraft rareDate = new VisitDraft(stranger.visitId(), incident, stranger.kioskId(), stranger.downtimeNumber(),
                new PatientFacts(stranger.visitId().toString(), "诸葛亮", Sex.MALE, LocalDate.of(1911, 2, 3),
                        stranger.patient().phone(), null), stranger.departmentCode(), null, stranger.registeredAt(),
                stranger.operator(), stranger.paperFormId(), stranger.lines());
        assertThat(running.runDrafts(incident, List.of(rareDate))).get()
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
