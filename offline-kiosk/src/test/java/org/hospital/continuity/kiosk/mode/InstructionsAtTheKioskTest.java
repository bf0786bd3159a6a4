package org.hospital.continuity.kiosk.mode;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Recorded;
import org.hospital.continuity.kiosk.mode.integration.InstructionWire;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServer;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * EP-6.1 as people do it at a kiosk: only an instruction this kiosk received is acknowledged (by its short number),
 * an acknowledgement given while the server is unreachable is journaled and delivered later, and a phoned instruction
 * needs a second person with a supervisor role confirming with their password.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class InstructionsAtTheKioskTest {

    @Inject
    Journal journal;

    private StandInServer server;
    private String cashier;

    @BeforeEach
    void signedIn() {
        server = StandInServerResource.server();
        Desk.enrolled();
        given().contentType(ContentType.JSON).body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
        cashier = Desk.login("cashier-1");
    }

    @AfterEach
    void serverBack() {
        server.instructionsDown(false);
    }

    private boolean downtime() {
        return given().cookie("kiosk_session", cashier).get("/api/mode").then().statusCode(200).extract().path("downtime");
    }

    /** Back to normal operation on a phoned restart notice (two people), whatever the tests before left. */
    private void normal() {
        if (downtime()) {
            given().cookie("kiosk_session", Desk.login("super-1")).contentType(ContentType.JSON).body(Desk.phoned("电话通知：测试前恢复正常"))
                    .post("/api/mode/normal").then().statusCode(200);
        }
    }

    @Test
    @DisplayName("EP-6.1 an instruction id or number this kiosk never received is refused in the kiosk's words, and nothing is stored")
    void anInstructionNeverReceivedIsRefused() {
        normal();
        long before = journal.lastSeq();
        given().cookie("kiosk_session", cashier).post("/api/mode/instructions/987654/acknowledgement").then().statusCode(404)
                .body("detail", containsString("本机没有收到这条通知")).body("rule", equalTo("EP-6.1"));
        // the mode routes: a made-up id, a number never received, a well-formed id never received — 422 naming the field
        for (String madeUp : List.of("made-up-123", "987654", "第987655号", UUID.randomUUID().toString())) {
            given().cookie("kiosk_session", cashier).contentType(ContentType.JSON)
                    .body(Map.of("source", "ANNOUNCED", "instructionId", madeUp)).post("/api/mode/downtime").then().statusCode(422)
                    .contentType("application/problem+json").body("type", equalTo("/problems/instruction-not-received"))
                    .body("detail", containsString("本机没有收到这条通知")).body("rule", equalTo("EP-6.1"))
                    .body("violations.field", hasItem("instructionId"));
            assertThat(journal.lastSeq()).as("nothing journaled for " + madeUp).isEqualTo(before);
            assertThat(downtime()).isFalse();
        }
        // leaving downtime likewise: the kiosk in downtime (phoned, two people) stays in it
        given().cookie("kiosk_session", Desk.login("super-1")).contentType(ContentType.JSON).body(Desk.phoned("电话通知：转入手工操作"))
                .post("/api/mode/downtime").then().statusCode(200);
        long inDowntime = journal.lastSeq();
        for (String madeUp : List.of("made-up-123", "987654", UUID.randomUUID().toString())) {
            given().cookie("kiosk_session", cashier).contentType(ContentType.JSON)
                    .body(Map.of("source", "ANNOUNCED", "instructionId", madeUp)).post("/api/mode/normal").then().statusCode(422)
                    .contentType("application/problem+json").body("detail", containsString("本机没有收到这条通知"))
                    .body("violations.field", hasItem("instructionId"));
            assertThat(journal.lastSeq()).as("nothing journaled for " + madeUp).isEqualTo(inDowntime);
            assertThat(downtime()).isTrue();
        }
        normal();
    }

    @Test
    @DisplayName("EP-6.1 acknowledged with the server unreachable: journaled at once, the kiosk switches, the server gets it later with the time it was given")
    void anAcknowledgementWaitsForTheServer() {
        normal();
        InstructionWire.Instruction manual = server.announce("MANUAL", "信息科通知：门诊挂号收费转入手工操作", null);
        given().cookie("kiosk_session", cashier).post("/api/mode/instruction/pull").then().statusCode(200);
        JsonPath listed = given().cookie("kiosk_session", cashier).get("/api/mode/instructions").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getLong("find { it.id == '" + manual.id() + "' }.number")).isEqualTo(manual.number());

        server.instructionsDown(true);
        long before = journal.lastSeq();
        JsonPath acked = given().cookie("kiosk_session", cashier).post("/api/mode/instructions/" + manual.number() + "/acknowledgement")
                .then().statusCode(200).extract().jsonPath();
        assertThat(acked.getBoolean("acknowledgedHere")).isTrue();
        assertThat(acked.getBoolean("deliveryPending")).isTrue();
        assertThat(downtime()).as("the kiosk follows at once").isTrue();
        Recorded ack = journal.bySeq(before + 1).orElseThrow();
        assertThat(ack.entry().eventType()).isEqualTo("InstructionAcknowledged");
        assertThat(ack.entry().actor()).isEqualTo("cashier-1");
        assertThat(ack.entry().payload()).contains(manual.id().toString()).contains("\"deliveredAtOnce\":false").contains("收款员甲");
        // the server reads it as a record of the contract: a push holding it is stored, not refused (EP-6.1)
        assertThat(org.hospital.continuity.sync.contract.Contract.CURRENT.check(ack.entry()))
                .isInstanceOf(org.hospital.continuity.sync.contract.Contract.Readable.class);
        assertThat(journal.bySeq(before + 2).orElseThrow().entry().eventType()).isEqualTo("DowntimeEntered");
        assertThat(server.acknowledgements()).noneMatch(a -> a.startsWith(manual.id().toString()));

        // the server answers again: the next pull delivers it, with the time it was given here
        server.instructionsDown(false);
        given().cookie("kiosk_session", cashier).post("/api/mode/instruction/pull").then().statusCode(200);
        assertThat(server.acknowledgements()).contains(manual.id() + "→cashier-1");
        InstructionWire.Instruction atServer = server.announced().stream().filter(i -> i.id().equals(manual.id())).findFirst().orElseThrow();
        java.time.Instant given = java.time.Instant.parse(org.hospital.continuity.kiosk.journal.CanonicalJson.tree(ack.entry().payload())
                .path("acknowledgedAt").asText());
        assertThat(atServer.acknowledgedAt()).as("the time it was given at the kiosk, not the time of delivery").isEqualTo(given);
        given().cookie("kiosk_session", cashier).get("/api/mode/instructions").then().statusCode(200)
                .body("find { it.id == '" + manual.id() + "' }.deliveryPending", equalTo(false));
        assertThat(journal.lastSeq()).as("delivering writes nothing more to the journal").isEqualTo(before + 2);
    }

    @Test
    @DisplayName("EP-6.1 a phoned instruction needs a second person with a supervisor role and their password; both names are journaled and flagged for IT")
    void aPhonedInstructionNeedsASupervisorsConfirmation() {
        normal();
        long before = journal.lastSeq();
        Map<String, Object> phoned = new HashMap<>(Map.of("source", "SUPERVISOR", "reason", "信息科王工来电：全院网络故障，转入手工"));
        given().cookie("kiosk_session", cashier).contentType(ContentType.JSON).body(phoned).post("/api/mode/downtime").then().statusCode(403)
                .body("rule", equalTo("EP-6.1")).body("violations.field", hasItem("confirmerAccountId"));
        // a signed-in second person without a supervisor role is refused (403). Not cashier-9: the lockout test (HR-3)
        // locks that account on this kiosk, and a locked or wrong password is a field error (422) checked before the role
        phoned.put("confirmerAccountId", "doctor-1");
        phoned.put("confirmerPassword", StandInServer.PASSWORD);
        given().cookie("kiosk_session", cashier).contentType(ContentType.JSON).body(phoned).post("/api/mode/downtime").then().statusCode(403)
                .body("detail", containsString("主管"));
        phoned.put("confirmerAccountId", "cashier-1");
        given().cookie("kiosk_session", cashier).contentType(ContentType.JSON).body(phoned).post("/api/mode/downtime").then().statusCode(403)
                .body("detail", containsString("另一位主管"));
        phoned.put("confirmerAccountId", "super-1");
        phoned.put("confirmerPassword", "wrong-one-1");
        given().cookie("kiosk_session", cashier).contentType(ContentType.JSON).body(phoned).post("/api/mode/downtime").then().statusCode(422)
                .body("violations.field", hasItem("confirmerPassword"));
        assertThat(journal.lastSeq()).as("nothing stored on a refusal").isEqualTo(before);
        assertThat(downtime()).isFalse();

        phoned.put("confirmerPassword", StandInServer.PASSWORD);
        phoned.put("instructionNumber", 31);
        given().cookie("kiosk_session", cashier).contentType(ContentType.JSON).body(phoned).post("/api/mode/downtime").then().statusCode(200);
        Recorded breakpoint = journal.bySeq(before + 1).orElseThrow();
        assertThat(breakpoint.entry().eventType()).isEqualTo("DowntimeEntered");
        assertThat(breakpoint.entry().actor()).isEqualTo("cashier-1");
        assertThat(breakpoint.entry().payload()).contains("\"confirmedBy\":\"super-1\"").contains("\"confirmedByName\":\"收费组长乙\"")
                .contains("\"requestedByName\":\"收款员甲\"").contains("\"itReview\":true").contains("\"instructionNumber\":31")
                .contains("信息科王工来电");

        // leaving follows the same rule
        given().cookie("kiosk_session", cashier).contentType(ContentType.JSON)
                .body(Map.of("source", "SUPERVISOR", "reason", "电话通知：系统已恢复")).post("/api/mode/normal").then().statusCode(403);
        given().cookie("kiosk_session", cashier).contentType(ContentType.JSON).body(Desk.phoned("电话通知：系统已恢复"))
                .post("/api/mode/normal").then().statusCode(200);
        assertThat(journal.bySeq(before + 2).orElseThrow().entry().payload()).contains("\"confirmedBy\":\"super-2\"").contains("\"itReview\":true");
    }
}
