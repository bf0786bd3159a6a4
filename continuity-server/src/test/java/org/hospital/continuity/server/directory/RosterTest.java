package org.hospital.continuity.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.asAdmin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class RosterTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("HR-15..17 the person holding the night post now is 'on duty now' with a phone, records the handover, and the post cannot be double-booked")
    void onDutyNowAndHandover() {
        String nightIt = TestAccounts.user("night-it", "IT", "IT_DUTY");
        String personId = TestAccounts.personId("night-it");
        ZonedDateTime now = TestClock.now().atZone(ZONE);
        // the 18:00–08:00 night that contains "now" whatever the hour: use a holiday day/night pair around now
        LocalDate day = now.getHour() < 8 ? now.toLocalDate().minusDays(1) : now.toLocalDate();
        boolean isDay = now.getHour() >= 8 && now.getHour() < 20;
        String kind = isDay ? "HOLIDAY_DAY" : "HOLIDAY_NIGHT";
        ZonedDateTime start = isDay ? day.atTime(8, 0).atZone(ZONE) : day.atTime(20, 0).atZone(ZONE);
        ZonedDateTime end = isDay ? day.atTime(20, 0).atZone(ZONE) : day.plusDays(1).atTime(8, 0).atZone(ZONE);
        String shift = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("post", "EMERGENCY_SUPPORT", "personId", personId, "kind", kind,
                        "startsAt", start.toInstant().toString(), "endsAt", end.toInstant().toString()))
                .when().post("/api/roster/shifts").then().statusCode(201).extract().path("id");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("post", "EMERGENCY_SUPPORT", "personId", personId, "kind", kind,
                        "startsAt", start.toInstant().toString(), "endsAt", end.toInstant().toString()))
                .when().post("/api/roster/shifts").then().statusCode(409).body("rule", equalTo("HR-15"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("post", "DATA_OPERATIONS", "personId", personId, "kind", "WEEKDAY_DAY",
                        "startsAt", start.toInstant().toString(), "endsAt", start.plusHours(3).toInstant().toString()))
                .when().post("/api/roster/shifts").then().statusCode(422).body("rule", equalTo("HR-15"));

        as(TestAccounts.cashier()).when().get("/api/roster/on-duty").then().statusCode(200)
                .body("findAll { it.post == 'EMERGENCY_SUPPORT' }.name", hasItem("测试 night-it"))
                .body("find { it.shiftId == '" + shift + "' }.reachBy.kind", hasItem("PHONE"));

        as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("workDone", "巡检", "openProblems", ""))
                .when().post("/api/roster/shifts/" + shift + "/handovers").then().statusCode(403).body("rule", equalTo("HR-16"));
        as(nightIt).contentType(ContentType.JSON).body(Map.of("workDone", "巡检服务器,处理3病区打印机故障", "openProblems", "医保线路偶发中断,已联系运营商"))
                .when().post("/api/roster/shifts/" + shift + "/handovers").then().statusCode(201);
        as(TestAccounts.leader()).when().get("/api/roster/shifts/" + shift + "/handovers").then().statusCode(200)
                .body("openProblems", hasItem("医保线路偶发中断,已联系运营商"));
    }

    @Test
    @DisplayName("EP-9.1 a contact not confirmed for half a year is listed as stale until someone confirms it")
    void staleContacts() {
        String id = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "王主任", "departmentCode", "IT", "roles", List.of("LEADERSHIP"),
                        "contacts", List.of(Map.of("kind", "MAIL", "address", "wang@example.org", "lastConfirmedOn", "2025-01-02"),
                                Map.of("kind", "PHONE", "address", "13900000000"))))
                .when().post("/api/people").then().statusCode(201).extract().path("id");
        var stale = as(TestAccounts.leader()).when().get("/api/contacts/stale").then().statusCode(200).extract().jsonPath();
        assertThat(stale.getList("find { it.id == '" + id + "' }.contacts.kind", String.class)).containsExactly("MAIL");
        String contact = stale.getString("find { it.id == '" + id + "' }.contacts[0].id");
        as(TestAccounts.cashier()).when().post("/api/people/" + id + "/contacts/" + contact + "/confirm").then().statusCode(403);
        asAdmin().when().post("/api/people/" + id + "/contacts/" + contact + "/confirm").then().statusCode(200);
        assertThat(as(TestAccounts.leader()).when().get("/api/contacts/stale").then().extract().jsonPath()
                .getList("id", String.class)).doesNotContain(id);
        asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "PHONE", "address", "1", "lastConfirmedOn", "2999-01-01"))
                .when().post("/api/people/" + id + "/contacts").then().statusCode(422).body("rule", equalTo("EP-9.1"));
    }
}
