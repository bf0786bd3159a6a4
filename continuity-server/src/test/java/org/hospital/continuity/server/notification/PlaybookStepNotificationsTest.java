package org.hospital.continuity.server.notification;

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
 * The parties a playbook step names ({@code notify:} in the playbook files) reach concrete people through the
 * directory and the board's EP-8.2 team list, by mail in each person's own language, and nobody else gets the
 * message: the whole-network playbook tells the president's office (EP-5.1), the recovery playbook tells the
 * rush-entry team the board lists (EP-8.5).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ChannelReceivers.class)
class PlaybookStepNotificationsTest {

    @Inject
    TestClock clock;
    @Inject
    RunningTheIncidentEngine engine;
    @Inject
    NotificationJobs jobs;
    @Inject
    ReadingNotifications reading;

    void settle() {
        String it = TestAccounts.itDuty();
        if (as(it).when().get("/api/incidents/current").then().extract().statusCode() == 404) {
            return;
        }
        String id = as(it).when().get("/api/incidents/current").then().extract().path("id");
        as(it).contentType(ContentType.JSON).body(Map.of("note", "test reset")).when().post("/api/incidents/" + id + "/recovery");
        clock.advance(Duration.ofMinutes(31));
        engine.tick().await().atMost(Duration.ofSeconds(30));
    }

    static String person(String name, String department, String role, String mail) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("name", name, "departmentCode", department, "roles", List.of(role),
                        "contacts", List.of(Map.of("kind", "MAIL", "address", mail))))
                .when().post("/api/people").then().statusCode(201).extract().path("id");
    }

    static List<String> subjectsTo(String address) {
        return Arrays.stream(ChannelReceivers.mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).map(PlaybookStepNotificationsTest::subject).toList();
    }

    static MimeMessage firstTo(String address, String subjectStart) {
        return Arrays.stream(ChannelReceivers.mail().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().startsWith(subjectStart);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + address + " starting " + subjectStart
                + "; it got " + subjectsTo(address)));
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("EP-2.3/EP-8.2 the parties a playbook step names get it by mail, in their own language, and only they")
    void playbookStepPartiesAreResolvedToPeople() throws Exception {
        settle();
        String marker = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        TestAccounts.department("PRESIDENT_OFFICE", null);
        String poHeadMail = "po-head-" + marker + "@hospital.test";
        String poHead = person("院办主任" + marker, "PRESIDENT_OFFICE", "DEPARTMENT_HEAD", poHeadMail);
        String poClerkMail = "po-clerk-" + marker + "@hospital.test";
        person("院办文员" + marker, "PRESIDENT_OFFICE", "CASHIER", poClerkMail);
        TestAccounts.department("WARD5-" + marker, "NURSE_STATION");
        String entryMail = "entry-a-" + marker + "@hospital.test";
        String entry = person("录入甲" + marker, "WARD5-" + marker, "DATA_ENTRY", entryMail);
        String otherEntryMail = "entry-b-" + marker + "@hospital.test";
        person("录入乙" + marker, "WARD5-" + marker, "DATA_ENTRY", otherEntryMail);
        TestAccounts.department("PHARM-" + marker, "PHARMACY");
        String pharmacyHeadMail = "pharm-head-" + marker + "@hospital.test";
        person("药房主任" + marker, "PHARM-" + marker, "DEPARTMENT_HEAD", pharmacyHeadMail);
        // the head of the president's office reads English
        asAdmin().contentType(ContentType.JSON).body(Map.of("language", "en"))
                .when().put("/api/notifications/preferences/" + poHead).then().statusCode(200);
        String it = TestAccounts.itDuty();

        // a Class I whole-network outage: ep5-1's first step tells the leadership group and the president's office
        String probe = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "step-db-" + marker, "kind", "TCP", "target", "127.0.0.1:1", "component", "DATABASE_SERVER",
                        "series", "his-db-step-" + marker, "intervalMs", 60000, "timeoutMs", 1000))
                .when().post("/api/probes").then().statusCode(201).extract().path("id");
        as(it).when().post("/api/probes/" + probe + "/run").then().statusCode(200);
        String incident = as(it).when().get("/api/incidents/current").then().statusCode(200).extract().path("id");
        UUID incidentId = UUID.fromString(incident);
        var toOffice = IncidentNotificationsTest.eventually(() -> reading.newest(incidentId, 200).await().indefinitely().stream()
                .filter(w -> w.notification().kind() == NoticeKind.PLAYBOOK_STEP && w.notification().audience().equals("PRESIDENT_OFFICE"))
                .toList(), list -> !list.isEmpty());
        assertThat(toOffice).hasSize(1);
        NotificationDeliveryTest.drain(jobs);

        MimeMessage english = firstTo(poHeadMail, "[Plan] president's office");
        assertThat(english.getContent().toString()).contains("reports to the leadership group", "EP-5.1", "led by IT department",
                "http://continuity.test/board");
        assertThat(subjectsTo(poHeadMail)).noneMatch(s -> s.startsWith("【应急预案】"));
        // the clerk is not a head: an information notice goes to the department's head only; the pharmacy is not named
        assertThat(subjectsTo(poClerkMail)).noneMatch(s -> s.contains("president's office") || s.contains("院办"));
        assertThat(subjectsTo(pharmacyHeadMail)).noneMatch(s -> s.contains("院办") || s.contains("president's office"));

        // EP-8.2/8.3: IT lists one data-entry clerk in the rush-entry team on the board
        as(it).contentType(ContentType.JSON).body(Map.of("team", "RUSH_ENTRY_TEAM", "personName", "录入甲" + marker, "personId", entry))
                .when().post("/api/board/incidents/" + incident + "/teams").then().statusCode(200);

        // 30 minutes: the front desks switch to manual (EP-5.2.1); then the system is back (EP-6.8), and
        // ep6-recovery's parcel-planning step tells the rush-entry team (EP-8.5)
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        engine.tick().await().atMost(Duration.ofSeconds(30));
        as(it).contentType(ContentType.JSON).body(Map.of("note", "core switch replaced")).when()
                .post("/api/incidents/" + incident + "/recovery").then().statusCode(200);
        var toTeam = IncidentNotificationsTest.eventually(() -> reading.newest(incidentId, 300).await().indefinitely().stream()
                .filter(w -> w.notification().kind() == NoticeKind.PLAYBOOK_STEP && w.notification().audience().equals("RUSH_ENTRY_TEAM"))
                .toList(), list -> !list.isEmpty());
        assertThat(toTeam).hasSize(1);
        NotificationDeliveryTest.drain(jobs);
        MimeMessage chinese = firstTo(entryMail, "【应急预案】数据抢录组请知悉");
        assertThat(chinese.getContent().toString()).contains("分片包干", "EP-8.5", "由信息科负责");
        assertThat(subjectsTo(otherEntryMail)).noneMatch(s -> s.startsWith("【应急预案】数据抢录组"));
        assertThat(subjectsTo(poHeadMail)).noneMatch(s -> s.startsWith("[Plan] data rush-entry team"));
        assertThat(subjectsTo(pharmacyHeadMail)).noneMatch(s -> s.startsWith("【应急预案】数据抢录组"));
    }
}
