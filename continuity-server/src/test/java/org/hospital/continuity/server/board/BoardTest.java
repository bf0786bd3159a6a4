package org.hospital.continuity.server.board;

import static io.restassured.RestAssured.given;
import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.itDuty;
import static org.hospital.continuity.server.platform.TestAccounts.leader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hospital.continuity.server.board.app.RemindingTheBoard;
import org.hospital.continuity.server.notification.ChannelReceivers;
import org.hospital.continuity.server.platform.TestClock;
import org.hospital.continuity.server.notification.app.ReadingNotifications;
import org.hospital.continuity.server.platform.PostgresResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ChannelReceivers.class)
class BoardTest {

    @Inject
    TestIncidentSource incidents;
    @Inject
    TestClock clock;
    @Inject
    RemindingTheBoard reminding;
    @Inject
    ReadingNotifications notifications;


    @TestHTTPResource("/api/board/stream")
    URL stream;

    @AfterEach
    void reset() {
        incidents.useEngine();
    }

    @Test
    @DisplayName("the snapshot shows the class with its evidence and the elapsed outage against 30 min / 6 h / 24 h")
    void snapshotShowsClassEvidenceAndThresholds() {
        UUID id = UUID.randomUUID();
        incidents.show(Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofMinutes(40)));
        as(leader()).when().get("/api/board").then().statusCode(200)
                .body("incident.id", equalTo(id.toString()))
                .body("incident.faultClass", equalTo("CLASS_I"))
                .body("incident.evidence[0].zh", containsString("全院网络不通"))
                .body("incident.thresholds.clause", equalTo(java.util.List.of("EP-5.2.1", "EP-5.2.2", "EP-5.2.3")))
                .body("incident.thresholds.passed", equalTo(java.util.List.of(true, false, false)))
                .body("departments.code", hasItem("PHARMACY"))
                .body("teams.code", equalTo(java.util.List.of("REPAIR_TEAM", "LIAISON_TEAM", "COORDINATION_TEAM", "RUSH_ENTRY_TEAM")))
                .body("kiosks.rows", org.hamcrest.Matchers.notNullValue())
                .body("reconciliation.available", equalTo(true))
                .body("reconciliation.recoveredAt", nullValue())
                .body("reconciliation.total", equalTo(0))
                .body("statusReportDue.overdue", equalTo(false));
        int elapsed = as(leader()).when().get("/api/board").then().extract().path("incident.elapsedSeconds");
        assertThat(elapsed).isBetween(40 * 60, 41 * 60);
    }

    @Test
    @DisplayName("without an incident the board says so and still lists unverified fault reports")
    void noIncident() {
        incidents.clear();
        as(itDuty()).contentType("application/json")
                .body("{\"reporter\":\"护士甲\",\"location\":\"5病区护士站\",\"terminal\":\"HS-05\",\"symptom\":\"医嘱无法保存\"}")
                .when().post("/api/fault-reports").then().statusCode(201);
        as(leader()).when().get("/api/board").then().statusCode(200)
                .body("incident", nullValue())
                .body("openFaultReports.location", hasItem("5病区护士站"));
        as(leader()).when().get("/board").then().statusCode(200).body(containsString("应急领导组故障看板"));
    }

    @Test
    @DisplayName("status reports (Conditions / Actions / Needs) are recorded, shown newest first, and refused with patient data (HR-12)")
    void statusReports() {
        UUID id = UUID.randomUUID();
        incidents.show(Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofMinutes(70)));
        as(leader()).when().get("/api/board").then().body("statusReportDue.overdue", equalTo(true));
        as(itDuty()).contentType("application/json")
                .body("{\"conditions\":\"核心交换机电源故障，全院网络中断\",\"actions\":\"更换备用电源，厂商已到场\",\"needs\":\"请总务科保障机房供电\",\"author\":\"信息科赵科长\"}")
                .when().post("/api/board/incidents/" + id + "/status-reports").then().statusCode(200)
                .body("author", equalTo("测试 it-duty-1"));
        as(itDuty()).contentType("application/json")
                .body("{\"conditions\":\"第二次\",\"actions\":\"继续\",\"author\":\"信息科赵科长\"}")
                .when().post("/api/board/incidents/" + id + "/status-reports").then().statusCode(200);
        as(itDuty()).contentType("application/json")
                .body("{\"conditions\":\"患者 11010519491231002X 无法结算\",\"actions\":\"x\",\"author\":\"赵\"}")
                .when().post("/api/board/incidents/" + id + "/status-reports").then().statusCode(422)
                .body("rule", equalTo("HR-12"));
        as(itDuty()).contentType("application/json").body("{\"conditions\":\"\",\"actions\":\"\",\"author\":\"\"}")
                .when().post("/api/board/incidents/" + id + "/status-reports").then().statusCode(422)
                .body("violations.field", hasItem("conditions"));
        as(leader()).when().get("/api/board").then()
                .body("statusReports", hasSize(2))
                .body("statusReports[0].conditions", equalTo("第二次"))
                .body("statusReportDue.overdue", equalTo(false))
                .body("timeline.kind", hasItem("STATUS_REPORT"));
        as(itDuty()).contentType("application/json").body("{\"conditions\":\"a\",\"actions\":\"b\",\"author\":\"c\"}")
                .when().post("/api/board/incidents/" + UUID.randomUUID() + "/status-reports").then().statusCode(404);
    }

    @Test
    @DisplayName("a status report overdue raises one reminder to the incident lead, never two for the same hour")
    void statusReportReminder() {
        UUID id = UUID.randomUUID();
        incidents.show(Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofMinutes(65)));
        reminding.remindDue().await().atMost(Duration.ofSeconds(30));
        reminding.remindDue().await().atMost(Duration.ofSeconds(30));
        var raised = notifications.newest(id, 50).await().indefinitely();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).notification().kind().name()).isEqualTo("STATUS_REPORT_DUE");
        assertThat(raised.get(0).notification().audience()).isEqualTo("IT_ON_DUTY");
        assertThat(raised.get(0).deliveries().get(0).body()).contains("距上次情况通报已1小时5分钟");
        clock.advance(Duration.ofHours(1));
        reminding.remindDue().await().atMost(Duration.ofSeconds(30));
        assertThat(notifications.newest(id, 50).await().indefinitely()).hasSize(2);
    }

    @Test
    @DisplayName("EP-8.2 team members are picked from the directory, added and released, and shown per team")
    void teams() {
        UUID id = UUID.randomUUID();
        incidents.show(Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofMinutes(10)));
        String li = org.hospital.continuity.server.platform.TestAccounts.asAdmin().contentType("application/json")
                .body("{\"name\":\"李工\",\"departmentCode\":\"IT\",\"roles\":[\"IT_DUTY\"]}")
                .when().post("/api/people").then().statusCode(201).extract().path("id");
        String assignment = as(itDuty()).contentType("application/json")
                .body("{\"team\":\"REPAIR_TEAM\",\"personId\":\"" + li + "\",\"note\":\"核心交换机\",\"by\":\"赵科长\"}")
                .when().post("/api/board/incidents/" + id + "/teams").then().statusCode(200).extract().path("id");
        as(itDuty()).contentType("application/json").body("{\"team\":\"REPAIR_TEAM\",\"personId\":\"" + li + "\",\"by\":\"赵科长\"}")
                .when().post("/api/board/incidents/" + id + "/teams").then().statusCode(409).body("rule", equalTo("EP-8.2"));
        // a typed name that is nobody in the directory would never be notified: refused, nothing stored
        as(itDuty()).contentType("application/json").body("{\"team\":\"REPAIR_TEAM\",\"personName\":\"王工\"}")
                .when().post("/api/board/incidents/" + id + "/teams").then().statusCode(422);
        as(itDuty()).contentType("application/json").body("{\"team\":\"REPAIR_TEAM\",\"personId\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/board/incidents/" + id + "/teams").then().statusCode(422).body("rule", equalTo("EP-8.2"));
        as(leader()).when().get("/api/board").then().body("teams[0].members", hasSize(1)).body("teams[0].members[0].name", equalTo("李工"));
        as(itDuty()).contentType("application/json").body("{\"by\":\"赵科长\"}")
                .when().post("/api/board/incidents/" + id + "/teams/" + assignment + "/release").then().statusCode(204);
        as(leader()).when().get("/api/board").then().body("teams[0].members", hasSize(0));
        as(itDuty()).contentType("application/json").body("{\"by\":\"赵科长\"}")
                .when().post("/api/board/incidents/" + id + "/teams/" + assignment + "/release").then().statusCode(404);
    }

    @Test
    @DisplayName("EP-8.6 after recovery the fault report is written by IT, submitted, frozen, and prints from the timeline")
    void faultReportAfterRecovery() {
        UUID id = UUID.randomUUID();
        var outage = Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofHours(2));
        incidents.show(Incidents.afterThirtyMinutes(outage, outage.outageStart().plus(Duration.ofMinutes(30))));
        as(itDuty()).contentType("application/json").body("{\"conditions\":\"交换机更换中\",\"actions\":\"厂商到场\",\"author\":\"赵科长\"}")
                .when().post("/api/board/incidents/" + id + "/status-reports").then().statusCode(200);
        as(itDuty()).contentType("application/json").body("{\"by\":\"赵科长\"}")
                .when().post("/api/board/incidents/" + id + "/fault-report/submit").then().statusCode(409).body("rule", equalTo("EP-8.6"));
        incidents.show(Incidents.closed(Incidents.afterThirtyMinutes(outage, outage.outageStart().plus(Duration.ofMinutes(30))),
                clock.instant().minusSeconds(5)));

        as(leader()).when().get("/api/board").then().body("faultReport.state", equalTo("OPEN"))
                .body("faultReport.deadline", org.hamcrest.Matchers.notNullValue());
        as(itDuty()).contentType("application/json")
                .body("{\"rootCause\":\"核心交换机电源模块损坏\",\"preventiveMeasures\":\"双电源改造；备件常备\",\"followUps\":\"厂商一周内提交分析\",\"by\":\"赵科长\"}")
                .when().put("/api/board/incidents/" + id + "/fault-report").then().statusCode(200)
                .body("submittedAt", nullValue());
        as(itDuty()).contentType("application/json").body("{\"by\":\"赵科长\"}")
                .when().post("/api/board/incidents/" + id + "/fault-report/submit").then().statusCode(200);
        as(itDuty()).contentType("application/json").body("{\"rootCause\":\"改\",\"by\":\"某人\"}")
                .when().put("/api/board/incidents/" + id + "/fault-report").then().statusCode(409).body("rule", equalTo("HR-9"));

        String html = as(leader()).when().get("/board/incidents/" + id + "/report").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(html).contains("故障排除报告及恢复记录", "一类故障", "核心交换机电源模块损坏", "双电源改造；备件常备",
                "故障超过30分钟", "情况通报(测试 it-duty-1)", "已提交", "信息科负责人签字", "@media print");
        assertThat(html).doesNotContain("fault-report-form");
        as(leader()).when().get("/board/incidents/" + id + "/report?lang=en").then().statusCode(200)
                .body(containsString("Fault-resolution report and recovery record")).body(containsString("Submitted"));
        as(leader()).when().get("/board/incidents/" + UUID.randomUUID() + "/report").then().statusCode(404);
    }

    @Test
    @DisplayName("the SSE stream sends a snapshot at once and a new one when the incident changes")
    void streamIsLive() throws Exception {
        UUID id = UUID.randomUUID();
        var picture = Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofMinutes(5));
        incidents.show(picture);
        BlockingQueue<JsonObject> snapshots = new ArrayBlockingQueue<>(100);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(stream.toURI())
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + leader()).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).contains("text/event-stream");
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        snapshots.add(new JsonObject(line.substring(5).trim()));
                    }
                }
            } catch (Exception ignored) {
                // closed by the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        JsonObject first = snapshots.poll(20, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.getJsonObject("incident").getString("faultClass")).isEqualTo("CLASS_I");

        incidents.show(Incidents.regraded(picture, "CLASS_II"));
        JsonObject next = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            JsonObject s = snapshots.poll(1, TimeUnit.SECONDS);
            if (s != null && s.getJsonObject("incident") != null && "CLASS_II".equals(s.getJsonObject("incident").getString("faultClass"))) {
                next = s;
                break;
            }
        }
        assertThat(next).as("a new snapshot after the class changed").isNotNull();
        response.body().close();
    }

    @Test
    @DisplayName("HR-1 the board is for signed-in staff; the leadership group reads it but does not write on it")
    void accessRules() {
        UUID id = UUID.randomUUID();
        incidents.show(Incidents.wholeNetworkOutage(id, clock.instant(), Duration.ofMinutes(10)));
        given().when().get("/api/board").then().statusCode(401);
        given().when().get("/board").then().statusCode(200).body(containsString("id=\"login-form\""));
        as(leader()).when().get("/board").then().statusCode(200).body(containsString("\"canWrite\":false"));
        as(itDuty()).when().get("/board").then().statusCode(200).body(containsString("\"canWrite\":true"));
        as(leader()).contentType("application/json").body("{\"conditions\":\"a\",\"actions\":\"b\"}")
                .when().post("/api/board/incidents/" + id + "/status-reports").then().statusCode(403);
        as(leader()).contentType("application/json").body("{\"team\":\"REPAIR_TEAM\",\"personId\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/board/incidents/" + id + "/teams").then().statusCode(403);
    }
}
