package org.hospital.continuity.kiosk.mode;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.hospital.continuity.kiosk.mode.integration.InstructionWire;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.journal.Recorded;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServer;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** EP-6.1 / EP-8.3: the kiosk pulls the server's announced instructions, follows them and acknowledges them by name. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class AnnouncedInstructionTest {

    @Inject
    Journal journal;

    private static JsonPath pull(String cookie) {
        return given().cookie("kiosk_session", cookie).post("/api/mode/instruction/pull").then().statusCode(200).extract().jsonPath();
    }

    private static boolean downtime(String cookie) {
        return given().cookie("kiosk_session", cookie).get("/api/mode").then().statusCode(200).extract().path("downtime");
    }

    private Recorded entry(long seq) {
        return journal.bySeq(seq).orElseThrow();
    }

    @Test
    @DisplayName("EP-6.1 EP-8.3 an acknowledged announcement switches the kiosk into downtime (breakpoint) and a restart notice acknowledged here out of it")
    void followsTheAnnouncedInstructions() {
        StandInServer server = StandInServerResource.server();
        Desk.enrolled();
        String supervisor = Desk.login("super-1");
        if (downtime(supervisor)) {
            given().cookie("kiosk_session", supervisor).contentType(ContentType.JSON)
                    .body(Desk.phoned("测试前恢复正常")).post("/api/mode/normal").then().statusCode(200);
        }
        String cashier = Desk.login("cashier-1");

        // announced, acknowledged at another workstation of the department → the kiosk follows: downtime, breakpoint
        InstructionWire.Instruction manual = server.announce("MANUAL", "信息科通知：HIS故障，门诊收费转手工操作", "收费组长乙");
        long before = journal.lastSeq();
        JsonPath pulled = pull(cashier);
        assertThat(pulled.getBoolean("reachable")).isTrue();
        assertThat(pulled.getString("latest.id")).isEqualTo(manual.id().toString());
        assertThat(pulled.getBoolean("latest.followed")).isTrue();
        assertThat(downtime(cashier)).isTrue();
        assertThat(journal.lastSeq()).isEqualTo(before + 1);
        Recorded breakpoint = entry(before + 1);
        assertThat(breakpoint.entry().eventType()).isEqualTo("DowntimeEntered");
        assertThat(breakpoint.entry().payload()).contains("\"source\":\"ANNOUNCED\"").contains(manual.id().toString());
        assertThat(breakpoint.entry().actor()).isEqualTo("kiosk:K-TEST0001");
        given().cookie("kiosk_session", cashier).get("/api/status").then().statusCode(200)
                .body("instruction.id", org.hamcrest.Matchers.equalTo(manual.id().toString()))
                .body("instruction.acknowledgedBy", org.hamcrest.Matchers.equalTo("收费组长乙"));

        // pulled again: followed once, no second breakpoint
        pull(cashier);
        assertThat(journal.lastSeq()).isEqualTo(before + 1);

        // the restart notice, not yet acknowledged: shown, not followed
        InstructionWire.Instruction restart = server.announce("RECOVERING", "信息科通知：HIS已恢复，开始补录", null);
        JsonPath waiting = pull(cashier);
        assertThat(waiting.getString("latest.id")).isEqualTo(restart.id().toString());
        assertThat(waiting.getBoolean("latest.acknowledged")).isFalse();
        assertThat(downtime(cashier)).as("the mode changes only once a named person acknowledged").isTrue();

        // the cashier signed in here acknowledges: named acknowledgement to the server, the kiosk leaves downtime
        JsonPath acknowledged = given().cookie("kiosk_session", cashier).post("/api/mode/instructions/" + restart.id() + "/acknowledgement")
                .then().statusCode(200).extract().jsonPath();
        assertThat(acknowledged.getBoolean("acknowledged")).isTrue();
        assertThat(acknowledged.getBoolean("followed")).isTrue();
        assertThat(server.acknowledgements()).contains(restart.id() + "→cashier-1");
        assertThat(downtime(cashier)).isFalse();
        // the acknowledgement given here is journaled (delivered at once), then the kiosk leaves downtime
        Recorded ack = entry(before + 2);
        assertThat(ack.entry().eventType()).isEqualTo("InstructionAcknowledged");
        assertThat(ack.entry().actor()).isEqualTo("cashier-1");
        assertThat(ack.entry().payload()).contains(restart.id().toString()).contains("\"deliveredAtOnce\":true");
        Recorded left = entry(before + 3);
        assertThat(left.entry().eventType()).isEqualTo("DowntimeLeft");
        assertThat(left.entry().actor()).isEqualTo("cashier-1");
        assertThat(left.entry().payload()).contains(restart.id().toString());

        // acknowledging twice is refused and changes nothing here
        given().cookie("kiosk_session", cashier).post("/api/mode/instructions/" + restart.id() + "/acknowledgement").then().statusCode(409);
        pull(cashier);
        assertThat(journal.lastSeq()).isEqualTo(before + 3);
        assertThat(downtime(cashier)).isFalse();

        // a new outage is announced and followed; a supervisor then ends it by phone: the old announcement is not followed again
        InstructionWire.Instruction again = server.announce("MANUAL", "信息科通知：HIS再次故障", "收费组长乙");
        pull(cashier);
        assertThat(downtime(cashier)).isTrue();
        assertThat(entry(before + 4).entry().payload()).contains(again.id().toString());
        given().cookie("kiosk_session", supervisor).contentType(ContentType.JSON)
                .body(Desk.phoned("电话通知：HIS已恢复")).post("/api/mode/normal").then().statusCode(200);
        pull(cashier);
        assertThat(downtime(cashier)).as("an instruction is followed once; the supervisors' later decision stands").isFalse();
        assertThat(journal.lastSeq()).isEqualTo(before + 5);
        assertThat(server.acknowledgements()).hasSize(1);
    }
}
