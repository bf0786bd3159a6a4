package org.hospital.continuity.server.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.server.platform.TestAccounts.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class IncidentEventStreamTest {

    @TestHTTPResource("/api/incidents/events")
    URI events;
    @Inject
    TestClock clock;
    @Inject
    RunningTheIncidentEngine engine;
    @Inject
    org.hospital.continuity.server.incident.persistence.IncidentStore store;

    @Test
    @DisplayName("EP-3.1 a filed fault report reaches the Server-Sent Events stream of incident events as JSON")
    void faultReportAppearsOnTheStream() throws Exception {
        Scenario.settle(clock, engine);
        String token = TestAccounts.leader();
        CompletableFuture<String> seen = new CompletableFuture<>();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(HttpRequest.newBuilder(events)
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().filter(l -> l.startsWith("data:") && l.contains("SIGNAL_RECEIVED") && l.contains("SF-03")).findFirst()
                .ifPresent(seen::complete));
        Thread.sleep(1000); // the subscription is in place
        as(TestAccounts.cashier()).contentType(ContentType.JSON)
                .body(Map.of("location", "门诊收费处3号窗", "terminal", "SF-03", "symptom", "HIS无法登录", "area", "OUTPATIENT_REGISTRATION",
                        "symptomCode", "CANNOT_CONNECT"))
                .when().post("/api/fault-reports").then().statusCode(201);
        String line = seen.get(20, TimeUnit.SECONDS);
        assertThat(line).contains("\"kind\":\"SIGNAL_RECEIVED\"").contains("SF-03").contains("incidentId");
        assertThat(response.get(1, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        response.cancel(true);
        Scenario.settle(clock, engine);
    }

    @Test
    @DisplayName("a client reconnecting with after=<last seq> first gets the events it missed, in order")
    void reconnectingClientCatchesUp() throws Exception {
        Scenario.settle(clock, engine);
        long before = store.lastEventSeq(store.pool()).await().atMost(Duration.ofSeconds(10));
        as(TestAccounts.cashier()).contentType(ContentType.JSON)
                .body(Map.of("location", "门诊收费处5号窗", "terminal", "SF-05", "symptom", "无法登录", "area", "OUTPATIENT_REGISTRATION",
                        "symptomCode", "CANNOT_CONNECT"))
                .when().post("/api/fault-reports").then().statusCode(201);
        CompletableFuture<String> seen = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(events + "?after=" + before)).header("Authorization", "Bearer " + TestAccounts.leader())
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().filter(l -> l.startsWith("data:")).findFirst().ifPresent(seen::complete));
        String first = seen.get(20, TimeUnit.SECONDS);
        assertThat(first).contains("\"seq\":" + (before + 1)).contains("SIGNAL_RECEIVED").contains("SF-05");
        response.cancel(true);
        Scenario.settle(clock, engine);
    }

    @Test
    @DisplayName("EP-3.2 IT verifies a report as not reproduced: the report is cleared and the incident becomes quiet")
    void notReproducedClearsTheReport() {
        Scenario.settle(clock, engine);
        String id = as(TestAccounts.cashier()).contentType(ContentType.JSON)
                .body(Map.of("location", "门诊收费处4号窗", "terminal", "SF-04", "symptom", "打印机不出票", "area", "OUTPATIENT_REGISTRATION",
                        "symptomCode", "TERMINAL_BROKEN"))
                .when().post("/api/fault-reports").then().statusCode(201).extract().path("id");
        assertThat(Scenario.current().getString("incident.faultClass")).isEqualTo("CLASS_II");
        as(TestAccounts.cashier()).contentType(ContentType.JSON).body(Map.of("outcome", "NOT_REPRODUCED"))
                .when().post("/api/fault-reports/" + id + "/verification").then().statusCode(403);
        as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("outcome", "NOT_REPRODUCED", "cause", "OPERATOR_ERROR"))
                .when().post("/api/fault-reports/" + id + "/verification").then().statusCode(409).body("rule", org.hamcrest.Matchers.equalTo("EP-3.2"));
        as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("outcome", "NOT_REPRODUCED", "note", "已与收费处核实"))
                .when().post("/api/fault-reports/" + id + "/verification").then().statusCode(200)
                .body("verification", org.hamcrest.Matchers.equalTo("NOT_REPRODUCED"))
                .body("verifiedBy", org.hamcrest.Matchers.equalTo("测试 it-duty-1"));
        as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED"))
                .when().post("/api/fault-reports/" + id + "/verification").then().statusCode(409);
        assertThat(Scenario.current().getString("incident.faultClass")).isNull();
        Scenario.settle(clock, engine);
    }

    @Test
    @DisplayName("EP-5.2 early manual mode needs an incident: the engine's refusal comes back as 409 with its clause")
    void manualModeWithoutIncidentIsRefused() {
        Scenario.settle(clock, engine);
        as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("department", "EMERGENCY", "reason", "危重病人抢救"))
                .when().post("/api/incidents/manual-mode-requests").then().statusCode(409)
                .body("rule", org.hamcrest.Matchers.equalTo("EP-5.2"));
        as(TestAccounts.itDuty()).when().get("/api/incidents/current").then().statusCode(404);
    }

    @Test
    @DisplayName("EP-4.3 IT confirms an operator error: the diagnosis lowers the report to Class III with the evidence")
    void diagnosisLowersTheClass() {
        Scenario.settle(clock, engine);
        String id = as(TestAccounts.cashier()).contentType(ContentType.JSON)
                .body(Map.of("location", "药房1号窗", "terminal", "YF-01", "symptom", "无法进入发药程序", "area", "PHARMACY",
                        "symptomCode", "PROGRAM_WONT_OPEN"))
                .when().post("/api/fault-reports").then().statusCode(201).extract().path("id");
        as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED", "cause", "OPERATOR_ERROR", "note", "密码输错"))
                .when().post("/api/fault-reports/" + id + "/verification").then().statusCode(200);
        var incident = Scenario.current();
        assertThat(incident.getString("incident.faultClass")).isEqualTo("CLASS_III");
        assertThat(incident.getList("timeline.findAll { it.kind == 'CLASS_CHANGED' }.data.to", String.class)).contains("CLASS_II", "CLASS_III");
        Scenario.settle(clock, engine);
    }
}
