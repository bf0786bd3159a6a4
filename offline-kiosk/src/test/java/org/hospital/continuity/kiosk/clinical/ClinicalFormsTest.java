package org.hospital.continuity.kiosk.clinical;

import jakarta.inject.Inject;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The clinical downtime forms (doctor, nurse, med-tech, pharmacy) through the kiosk's HTTP API. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class ClinicalFormsTest {

    @Inject
    org.hospital.continuity.kiosk.journal.Journal journal;

    @org.junit.jupiter.api.AfterEach
    void everyEntryJournalledIsARecordOfTheContract() {
        org.hospital.continuity.kiosk.support.ContractCheck.everyEntryIsARecordOfTheContract(journal);
    }

    /** The supervisor who started downtime; reads the kiosk's status. */
    String cookie;
    /** HR-1: each form is written by its role (see ClinicalRoles). */
    static final Map<String, String> WRITER = Map.of("prescriptions", "doctor-1", "orders", "doctor-1", "requisitions", "nurse-1",
            "charge-executions", "nurse-1", "exam-registers", "medtech-1", "dispenses", "pharm-1");
    static final Map<String, String> COOKIES = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void downtime() {
        cookie = Desk.inDowntime();
        given().contentType(ContentType.JSON).body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
    }

    /** A signed-in session of the account (kept for the class; signs in again when it has expired). */
    static String as(String account) {
        String c = COOKIES.get(account);
        if (c == null || given().cookie("kiosk_session", c).get("/api/session").statusCode() != 200) {
            c = Desk.login(account);
            COOKIES.put(account, c);
        }
        return c;
    }

    static String writer(String path) {
        return as(WRITER.get(path));
    }

    JsonPath post(String path, Object body, int status) {
        return given().cookie("kiosk_session", writer(path)).contentType(ContentType.JSON).body(body).post("/api/clinical/" + path)
                .then().statusCode(status).extract().jsonPath();
    }

    /** Posts a bad form and checks 422 at the given fields and that the journal did not grow. */
    void refused(String path, Object body, String... fields) {
        long before = Desk.lastSeq(cookie);
        given().cookie("kiosk_session", writer(path)).contentType(ContentType.JSON).body(body).post("/api/clinical/" + path)
                .then().statusCode(422).body("violations.field", hasItems(fields));
        assertThat(Desk.lastSeq(cookie)).as("nothing stored").isEqualTo(before);
    }

    /** A paper's words as a person reads them: the text between the tags (ids may travel in attributes and the QR only). */
    static String words(String html) {
        return html.replaceAll("<[^>]*>", " ");
    }

    /** A record's number on this kiosk as papers print it ("#" and its journal sequence). */
    static String recordNo(String id) {
        return "#" + read(id).statusCode(200).extract().jsonPath().getLong("kioskSeq");
    }

    /** "快照 " and the reference snapshot's as-of time as papers print it, in the hospital's time zone. */
    static String snapshotAsOf() {
        JsonPath status = given().get("/api/status").then().statusCode(200).extract().jsonPath();
        return "快照 " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of(status.getString("timeZone")))
                .format(java.time.Instant.parse(status.getString("snapshot.generatedAt")));
    }

    /** GET as a clinical reader (the nurse). */
    static io.restassured.response.ValidatableResponse read(String path) {
        return given().cookie("kiosk_session", as("nurse-1")).get("/api/clinical/" + path).then();
    }

    static Map<String, Object> drugLine(String code, Object dose, String unit, int quantity) {
        Map<String, Object> l = new HashMap<>();
        l.put("drugCode", code);
        l.put("dose", dose);
        l.put("doseUnit", unit);
        l.put("route", "po");
        l.put("frequency", "tid");
        l.put("quantity", quantity);
        l.put("days", 7);
        return l;
    }

    static Map<String, Object> prescription(List<Map<String, Object>> lines) {
        Map<String, Object> p = new HashMap<>();
        p.put("knownPatientId", "P0003");
        p.put("diagnosis", "急性上呼吸道感染");
        p.put("lines", lines);
        return p;
    }

    @Test
    @DisplayName("EP-6.4 a prescription is priced from the drug dictionary snapshot and keeps the dictionary version")
    void writesAPrescription() {
        JsonPath r = post("prescriptions", prescription(List.of(drugLine("D0001", "0.5", "g", 2), drugLine("D0010", 1, "片", 1))), 201);
        assertThat(r.getString("type")).isEqualTo("prescription");
        assertThat(r.getString("phase")).isEqualTo("DOWNTIME");
        assertThat(r.getList("details.lines.unitPriceFen", Integer.class)).containsExactly(860, 1200);
        assertThat(r.getLong("details.totalFen")).isEqualTo(2 * 860 + 1200);
        assertThat(r.getString("details.dictionaryVersion")).isEqualTo("v7");
        assertThat(r.getString("details.patient.name")).isEqualTo("孙测试");
        read(r.getString("id")).statusCode(200);
    }

    @Test
    @DisplayName("EP-6.4 a dose unit outside the drug's unit family, a bad route, frequency, quantity or days are refused and nothing is stored")
    void refusesABadPrescription() {
        Map<String, Object> bad = drugLine("D0001", "5", "ml", 0);
        bad.put("route", "xx");
        bad.put("frequency", "q5h");
        bad.put("days", 0);
        refused("prescriptions", prescription(List.of(bad)), "lines[0].doseUnit", "lines[0].quantity", "lines[0].route",
                "lines[0].frequency", "lines[0].days");
        refused("prescriptions", prescription(List.of(drugLine("S0101", 1, "次", 1))), "lines[0].drugCode");
        refused("prescriptions", prescription(List.of(drugLine("D0001", -1, "g", 1))), "lines[0].dose");
        Map<String, Object> noDiagnosis = prescription(List.of(drugLine("D0001", "0.5", "g", 1)));
        noDiagnosis.remove("diagnosis");
        refused("prescriptions", noDiagnosis, "diagnosis");
    }

    @Test
    @DisplayName("EP-6.4.3 discharge medication beyond the remaining funds is refused without a reason, and with one the override is recorded")
    void dischargeMedicationAgainstFunds() {
        Map<String, Object> p = prescription(List.of(drugLine("D0002", "0.1", "g", 200)));
        p.put("knownPatientId", "P0001");
        p.put("dischargeMedication", true);
        refused("prescriptions", p, "overrideReason");
        p.put("overrideReason", "家属当日补交预交金");
        JsonPath r = post("prescriptions", p, 201);
        assertThat(r.getBoolean("details.fundsWarning")).isTrue();
        assertThat(r.getLong("details.remainingFundsFen")).isEqualTo(300000);
        assertThat(r.getString("details.overrideReason")).isEqualTo("家属当日补交预交金");
        Map<String, Object> small = prescription(List.of(drugLine("D0002", "0.1", "g", 2)));
        small.put("knownPatientId", "P0001");
        small.put("dischargeMedication", true);
        assertThat(post("prescriptions", small, 201).getBoolean("details.fundsWarning")).isFalse();
    }

    @Test
    @DisplayName("EP-6.4.4 lab and exam requests carry the discharged / about-to-be-discharged mark; without it they are refused")
    void labRequestsCarryTheDischargeMark() {
        refused("orders", Map.of("knownPatientId", "P0001", "kind", "LAB", "content", "血常规"), "dischargeMark");
        refused("orders", Map.of("patientName", "张<三>", "kind", "NOPE", "content", ""), "patientName", "kind", "content");
        JsonPath r = post("orders", Map.of("knownPatientId", "P0001", "kind", "LAB", "content", "血常规", "dischargeMark",
                "ABOUT_TO_DISCHARGE"), 201);
        assertThat(r.getString("details.dischargeMark")).isEqualTo("ABOUT_TO_DISCHARGE");
        assertThat(post("orders", Map.of("knownPatientId", "P0001", "kind", "ORDER", "content", "一级护理"), 201)
                .getString("details.kind")).isEqualTo("ORDER");
    }

    @Test
    @DisplayName("EP-6.5 a requisition for an inpatient is issued in duplicate and prints two copies with the record id and a QR code")
    void requisitionInDuplicate() {
        refused("requisitions", Map.of("knownPatientId", "P0003", "lines", List.of(Map.of("code", "D0001", "quantity", 1))), "knownPatientId");
        refused("requisitions", Map.of("knownPatientId", "P0001", "lines", List.of(Map.of("code", "S0101", "quantity", -2))),
                "lines[0].code", "lines[0].quantity");
        JsonPath r = post("requisitions", Map.of("knownPatientId", "P0001", "lines", List.of(Map.of("code", "D0001", "quantity", 2))), 201);
        assertThat(r.getString("details.patient.inpatientNumber")).isEqualTo("ZY2026001");
        assertThat(r.getList("details.copies")).containsExactly("WARD_BACK_ENTRY", "PHARMACY_VOUCHER");
        assertThat(r.getLong("details.totalFen")).isEqualTo(1720);
        String id = r.getString("id");
        String html = read(id + "/print").statusCode(200).contentType(ContentType.HTML).extract().asString();
        assertThat(html.split("class=\"copy\"", -1)).hasSize(3);
        // papers name people and records as people know them: the operator by name, the record by its number on this
        // kiosk; the record id travels in the QR code and the data attributes, never as words
        assertThat(html).contains("停机期间手工单据", "data-record-id=\"" + id + "\"", "data:image/svg+xml;base64,", "第一联：病区补录联",
                "第二联：药房发药凭证", "护士戊", "本机序号");
        assertThat(words(html)).contains(recordNo(id)).doesNotContain(id, "nurse-1");
    }

    @Test
    @DisplayName("EP-6.5 the charge-execution record prices ward charges from the snapshot; a bad one is refused")
    void chargeExecution() {
        refused("charge-executions", Map.of("knownPatientId", "P0001", "lines", List.of()), "lines");
        JsonPath r = post("charge-executions", Map.of("knownPatientId", "P0001", "lines", List.of(Map.of("code", "S0101", "quantity", 1)),
                "note", "晨间采血"), 201);
        assertThat(r.getLong("details.totalFen")).isEqualTo(2000);
    }

    @Test
    @DisplayName("EP-6.6 the manual exam register keeps the request-form stub number and the price written by hand")
    void examRegister() {
        refused("exam-registers", Map.of("patientName", "王五", "stubNumber", "", "exams", List.of(Map.of("description", "腹部B超", "priceFen", -5))),
                "stubNumber", "exams[0].priceFen");
        JsonPath r = post("exam-registers", Map.of("patientName", "王五", "stubNumber", "JC-0042",
                "exams", List.of(Map.of("description", "腹部B超", "priceFen", 12000), Map.of("itemCode", "S0101", "priceFen", 2000))), 201);
        assertThat(r.getString("details.stubNumber")).isEqualTo("JC-0042");
        assertThat(r.getList("details.exams.description")).containsExactly("腹部B超", "血常规");
        assertThat(r.getLong("details.totalFen")).isEqualTo(14000);
    }

    @Test
    @DisplayName("EP-6.7 HR-9 pharmacy dispenses against a requisition written on another kiosk, relayed by the server as its latest correction")
    void dispensingAgainstAnotherKiosksRecord() {
        String asked = java.util.UUID.randomUUID().toString();
        String corrected = java.util.UUID.randomUUID().toString();
        Map<String, Object> payload = Map.of("patient", Map.of("knownPatientId", "P0001", "name", "病区患者", "inpatientNumber", "ZY2026001"),
                "lines", List.of(Map.of("code", "D0010", "name", "药", "quantity", 4, "unitPriceFen", 100, "amountFen", 400)), "totalFen", 400);
        org.hospital.continuity.kiosk.support.StandInServerResource.server().relay(asked, Map.of("recordId", corrected,
                "streamType", "requisition", "eventType", "RequisitionIssued", "payload", payload, "status", "ACTIVE",
                "asWritten", asked, "kioskId", "kiosk-ward-9", "recordedAt", "2026-11-21T02:00:00Z"));
        refused("dispenses", Map.of("fillsRecordId", asked, "lines", List.of(Map.of("code", "D0010", "quantity", 5))), "lines[0].quantity");

        JsonPath d = post("dispenses", Map.of("fillsRecordId", asked, "lines", List.of(Map.of("code", "D0010", "quantity", 3))), 201);

        assertThat(d.getString("details.fills")).isEqualTo(corrected);
        assertThat(d.getString("details.fillsAsWritten")).isEqualTo(asked);
        assertThat(d.getString("details.fillsType")).isEqualTo("requisition");
        assertThat(d.getString("details.patient.inpatientNumber")).isEqualTo("ZY2026001");
    }

    @Test
    @DisplayName("EP-6.7 pharmacy dispenses against a prescription or requisition it refers to, only drugs and quantities written there")
    void dispensing() {
        String rx = post("prescriptions", prescription(List.of(drugLine("D0001", "0.5", "g", 2))), 201).getString("id");
        refused("dispenses", Map.of("fillsRecordId", "00000000-0000-0000-0000-000000000000", "lines", List.of(Map.of("code", "D0001", "quantity", 1))),
                "fillsRecordId");
        refused("dispenses", Map.of("fillsRecordId", rx, "lines", List.of(Map.of("code", "D0002", "quantity", 1), Map.of("code", "D0001", "quantity", 3))),
                "lines[0].code", "lines[1].quantity");
        JsonPath d = post("dispenses", Map.of("fillsRecordId", rx, "lines", List.of(Map.of("code", "D0001", "quantity", 2))), 201);
        assertThat(d.getString("details.fills")).isEqualTo(rx);
        assertThat(d.getString("details.fillsType")).isEqualTo("prescription");
        assertThat(d.getLong("details.totalFen")).isEqualTo(1720);
        String req = post("requisitions", Map.of("knownPatientId", "P0001", "lines", List.of(Map.of("code", "D0010", "quantity", 1))), 201)
                .getString("id");
        assertThat(post("dispenses", Map.of("fillsRecordId", req, "lines", List.of(Map.of("code", "D0010", "quantity", 1))), 201)
                .getString("details.patient.inpatientNumber")).isEqualTo("ZY2026001");
        // the pharmacist's paper says which prescription it fills by that prescription's number on this kiosk, not its id
        String paper = words(read(d.getString("id") + "/print").statusCode(200).extract().asString());
        assertThat(paper).contains("所依据记录", "本机序号 " + recordNo(rx)).doesNotContain(rx);
    }

    @Test
    @DisplayName("EP-6.4 downtime reports: the ward census and the orders written here print with the snapshot version and age on every page")
    void downtimeReports() {
        String order = post("orders", Map.of("knownPatientId", "P0001", "kind", "EXAM", "content", "胸部CT", "dischargeMark", "DISCHARGED"), 201)
                .getString("id");
        String census = read("reports/census").statusCode(200).contentType(ContentType.HTML).extract().asString();
        // the reports say how old the snapshot is by its as-of time in words (no version code)
        assertThat(census).contains("赵演示", "ZY2026001", "肾内一病区", snapshotAsOf(), "已过", "thead{display:table-header-group}",
                "海鲜（荨麻疹） 轻度").doesNotContain("孙测试");
        String orders = read("reports/orders").statusCode(200).extract().asString();
        assertThat(orders).contains(recordNo(order), "胸部CT", "已出院", snapshotAsOf());
        assertThat(words(orders)).as("the order by its number on this kiosk, not its id").doesNotContain(order);
        read("reports/nothing").statusCode(404);
        given().get("/api/clinical/reports/census").then().statusCode(401);
    }
}
