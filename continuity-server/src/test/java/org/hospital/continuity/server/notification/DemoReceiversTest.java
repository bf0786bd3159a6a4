package org.hospital.continuity.server.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.notification.app.NotificationJobs;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * run.sh's demo mode: with the {@code demo} profile the server's notifications go out over real SMTP and HTTP to
 * receivers inside the server (SMTP sink, SMS gateway and WeCom / DingTalk robot stand-ins, the DingTalk one
 * checking signatures), and the receivers' page lists them. The profile's own settings of application.properties
 * are used, only the ports are free ones.
 */
@QuarkusTest
@TestProfile(DemoReceiversTest.DemoProfile.class)
class DemoReceiversTest {

    public static class DemoProfile implements QuarkusTestProfile {
        static final int HTTP = freePort();
        static final int SMTP = freePort();

        @Override
        public String getConfigProfile() {
            return "test,demo";
        }

        /** Only the database: the other tests' channel receivers (GreenMail, webhook server) must not take the mail. */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.http.test-port", String.valueOf(HTTP), "quarkus.http.port", String.valueOf(HTTP),
                    "DEMO_SMTP_PORT", String.valueOf(SMTP));
        }

        static int freePort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    NotificationJobs jobs;

    @Test
    @DisplayName("in demo mode a notice reaches the built-in SMTP, SMS and robot receivers, and their page lists it")
    void noticesReachTheBuiltInReceivers() {
        String marker = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String mail = "leader-" + marker.toLowerCase() + "@hospital.test";
        String phone = "1390000" + (1000 + Math.abs(marker.hashCode() % 9000));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "演示领导" + marker, "departmentCode", "IT", "roles", List.of("LEADERSHIP"),
                        "contacts", List.of(Map.of("kind", "MAIL", "address", mail), Map.of("kind", "PHONE", "address", phone))))
                .when().post("/api/people").then().statusCode(201);
        as(TestAccounts.itDuty()).contentType(ContentType.JSON).body(Map.of("audience", "LEADERSHIP_GROUP"))
                .when().post("/api/notifications/test").then().statusCode(200);
        NotificationDeliveryTest.drain(jobs);

        List<Map<String, Object>> received = given().when().get("/demo/receivers/received").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(received).anyMatch(r -> "EMAIL".equals(r.get("channel")) && String.valueOf(r.get("to")).equals(mail)
                && String.valueOf(r.get("subject")).contains("测试"));
        assertThat(received).anyMatch(r -> "SMS".equals(r.get("channel")) && phone.equals(r.get("to")));
        assertThat(received).anyMatch(r -> "WECOM".equals(r.get("channel")));
        assertThat(received).anyMatch(r -> "DINGTALK".equals(r.get("channel")) && "signature valid".equals(r.get("note")));

        given().when().get("/demo/receivers").then().statusCode(200)
                .body(containsString("演示接收端"), containsString(mail), containsString("signature valid"));
        given().when().get("/demo/receivers?lang=en").then().statusCode(200).body(containsString("Demo receivers"));
        // a robot request with a wrong signature is refused, as DingTalk would
        given().contentType(ContentType.JSON).body("{\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}")
                .when().post("/demo/receivers/dingtalk/demo-dingtalk?timestamp=1&sign=forged").then().statusCode(200)
                .body(containsString("310000"));
    }
}
