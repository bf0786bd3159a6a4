package org.hospital.continuity.server.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.asAdmin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.notification.app.NotificationJobs;
import org.hospital.continuity.server.notification.app.ReadingNotifications;
import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The incident engine of issue 4 drives the notifications and the board for real: a probe sees the database
 * down (Class I, whole network), the leadership group is mailed; at 30 minutes the pharmacy is told to switch
 * to manual by SMS until it acknowledges the instruction in the app; the board shows it all; recovery tells
 * everybody.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ChannelReceivers.class)
class IncidentNotificationsTest {

    @Inject
    TestClock clock;
    @Inject
    RunningTheIncidentEngine engine;
    @Inject
    NotificationJobs jobs;
    @Inject
    ReadingNotifications reading;

    void tick() {
        engine.tick().await().atMost(Duration.ofSeconds(30));
    }

    /** No open incident left behind by another test: IT declares recovery, the quiet period passes. */
    void settle() {
        String it = TestAccounts.itDuty();
        if (as(it).when().get("/api/incidents/current").then().extract().statusCode() == 404) {
            return;
        }
        String id = as(it).when().get("/api/incidents/current").then().extract().path("id");
        as(it).contentType(ContentType.JSON).body(Map.of("note", "test reset")).when().post("/api/incidents/" + id + "/recovery");
        clock.advance(Duration.ofMinutes(31));
        tick();
    }

    static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < until) {
            Thread.sleep(200);
            value = probe.get();
        }
        return value;
    }

    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(ChannelReceivers.mail().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    @DisplayName("EP-4.5/EP-5.2/EP-6.1 a whole-network outage mails the leadership group, calls the pharmacy until it acknowledges, and recovery tells all")
    void wholeNetworkOutageReachesPeople() throws Exception {
        settle();
        String marker = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        TestAccounts.department("IT", null);
        String presidentMail = "president-" + marker + "@hospital.test";
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "院长" + marker, "departmentCode", "IT", "roles", List.of("LEADERSHIP"),
                "contacts", List.of(Map.of("kind", "MAIL", "address", presidentMail)))).when().post("/api/people").then().statusCode(201);
        TestAccounts.department("PHARM-" + marker, "PHARMACY");
        String pharmacist = TestAccounts.user("pharm-head-" + marker, "PHARM-" + marker, "DEPARTMENT_HEAD", "PHARMACIST");
        String it = TestAccounts.itDuty();

        String probe = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "notify-db-" + marker, "kind", "TCP", "target", "127.0.0.1:1", "component", "DATABASE_SERVER",
                        "series", "his-db-notify-" + marker, "intervalMs", 60000, "timeoutMs", 1000))
                .when().post("/api/probes").then().statusCode(201).extract().path("id");
        as(it).when().post("/api/probes/" + probe + "/run").then().statusCode(200);
        String incident = as(it).when().get("/api/incidents/current").then().statusCode(200).extract().path("id");
        UUID incidentId = UUID.fromString(incident);

        // the relay publishes the timeline; Class I → the leadership group and IT on duty
        var raised = eventually(() -> reading.newest(incidentId, 50).await().indefinitely(),
                list -> list.stream().filter(w -> w.notification().kind() == NoticeKind.CLASS_I_DECLARED).count() >= 2);
        assertThat(raised).extracting(w -> w.notification().audience()).contains("LEADERSHIP_GROUP", "IT_ON_DUTY");
        NotificationDeliveryTest.drain(jobs);
        MimeMessage toPresident = mailsTo(presidentMail).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("【一类故障】");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(toPresident.getContent().toString()).contains("请应急领导组成员立即到位", "http://continuity.test/ack/");

        // 30 minutes: the EP-5.2.1 step; the pharmacy's head gets an SMS (their phone in the directory)
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        tick();
        var manual = eventually(() -> reading.newest(incidentId, 100).await().indefinitely().stream()
                        .filter(w -> w.notification().kind() == NoticeKind.MANUAL_SWITCH && w.notification().audience().equals("PHARMACY")).toList(),
                list -> !list.isEmpty());
        assertThat(manual).hasSize(1);
        String instruction = manual.get(0).notification().subjectRef().substring("instruction:".length());
        // the playbooks' ladder settings name the leadership group for this step: it is told too
        // (raised from its own typed event, which the relay may deliver after the switch's: waited for, not sampled)
        assertThat(eventually(() -> reading.newest(incidentId, 100).await().indefinitely(),
                list -> list.stream().anyMatch(w -> w.notification().kind() == NoticeKind.LADDER_STEP
                        && w.notification().audience().equals("LEADERSHIP_GROUP"))))
                .anyMatch(w -> w.notification().kind() == NoticeKind.LADDER_STEP && w.notification().audience().equals("LEADERSHIP_GROUP"));
        NotificationDeliveryTest.drain(jobs);
        var sms = ChannelReceivers.received("/sms", b -> b.contains("【转入手工操作】药房"));
        assertThat(sms).isNotEmpty();
        assertThat(mailsTo(presidentMail)).anyMatch(m -> {
            try {
                return m.getSubject().startsWith("【停机超过30分钟】");
            } catch (Exception e) {
                return false;
            }
        });

        // the board shows the class and the pharmacy's pending acknowledgement
        as(TestAccounts.leader()).when().get("/api/board").then().statusCode(200)
                .body("incident.id", org.hamcrest.Matchers.equalTo(incident))
                .body("incident.faultClass", org.hamcrest.Matchers.equalTo("CLASS_I"))
                .body("incident.thresholds[0].passed", org.hamcrest.Matchers.equalTo(true))
                .body("departments.find { it.code == 'PHARMACY' }.acknowledged", org.hamcrest.Matchers.equalTo(false));

        // EP-6.1: the pharmacy acknowledges the instruction in the app; nobody calls them again
        as(pharmacist).when().post("/api/instructions/" + instruction + "/acknowledgements").then().statusCode(200);
        int smsBefore = ChannelReceivers.received("/sms", b -> b.contains("转入手工操作】药房")).size();
        clock.advance(Duration.ofMinutes(6));
        NotificationDeliveryTest.drain(jobs);
        assertThat(ChannelReceivers.received("/sms", b -> b.contains("转入手工操作】药房"))).hasSize(smsBefore);
        var acked = reading.one(manual.get(0).notification().id()).await().indefinitely().notification();
        assertThat(acked.acknowledgedBy()).contains("(instruction)");
        as(TestAccounts.leader()).when().get("/api/board").then()
                .body("departments.find { it.code == 'PHARMACY' }.mode", org.hamcrest.Matchers.equalTo("MANUAL"))
                .body("departments.find { it.code == 'PHARMACY' }.acknowledged", org.hamcrest.Matchers.equalTo(true));

        // EP-6.8: IT declares the system back: everybody is told
        as(it).contentType(ContentType.JSON).body(Map.of("note", "core switch replaced")).when()
                .post("/api/incidents/" + incident + "/recovery").then().statusCode(200);
        var recovery = eventually(() -> reading.newest(incidentId, 200).await().indefinitely().stream()
                .filter(w -> w.notification().kind() == NoticeKind.RECOVERY).toList(), list -> list.size() >= 3);
        assertThat(recovery).extracting(w -> w.notification().audience()).contains("ALL_DEPARTMENTS", "LEADERSHIP_GROUP", "IT_DEPARTMENT");
        NotificationDeliveryTest.drain(jobs);
        assertThat(mailsTo(presidentMail)).anyMatch(m -> {
            try {
                return m.getSubject().startsWith("【恢复运行通知】");
            } catch (Exception e) {
                return false;
            }
        });
        given().when().get("/api/board").then().statusCode(401);
    }
}
