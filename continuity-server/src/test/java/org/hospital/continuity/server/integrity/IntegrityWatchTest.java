package org.hospital.continuity.server.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.asAdmin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class IntegrityWatchTest {

    @Inject
    TestClock clock;
    @Inject
    RunningTheIncidentEngine engine;

    private static String resource(String name) throws IOException {
        try (InputStream in = IntegrityWatchTest.class.getResourceAsStream("/reference/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String post(String catalogue, String csv, int status) {
        return asAdmin().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/reference/" + catalogue + "/snapshots").then().statusCode(status).extract().asString();
    }

    @Test
    @DisplayName("EP-4.1 a drug dictionary import that deletes a third of the entries is held and raises a Class I incident; kiosks keep the current one")
    void massDeletionIsHeldAndRaisesClassI() throws IOException {
        org.hospital.continuity.server.incident.ScenarioAccess.settle(clock, engine);
        String drugs = resource("drugs.csv");
        String first = post("DRUG_DICTIONARY", drugs, 201);
        assertThat(first).contains("\"status\":\"CURRENT\"");
        // an ordinary approved change: one price changed
        String oneChanged = drugs.replace("D0001,阿莫西林胶囊,0.25g*24粒,盒,8.60", "D0001,阿莫西林胶囊,0.25g*24粒,盒,8.80");
        assertThat(post("DRUG_DICTIONARY", oneChanged, 201)).contains("\"status\":\"CURRENT\"").contains("\"changed\":1");
        as(TestAccounts.cashier()).when().get("/api/reference/DRUG_DICTIONARY/current").then().statusCode(200)
                .body("items.find { it.code == 'D0001' }.priceFen", equalTo(880));

        List<String> lines = Arrays.asList(oneChanged.split("\n"));
        String third = lines.stream().limit(lines.size() - 20).collect(Collectors.joining("\n"));
        String held = post("DRUG_DICTIONARY", third, 201);
        assertThat(held).contains("\"status\":\"HELD\"").contains("\"deleted\":20");
        as(TestAccounts.cashier()).when().get("/api/reference/DRUG_DICTIONARY/current").then().statusCode(200)
                .body("items.size()", equalTo(60));

        var incident = org.hospital.continuity.server.incident.ScenarioAccess.current();
        assertThat(incident.getString("incident.faultClass")).isEqualTo("CLASS_I");
        assertThat(incident.getList("signals.kind", String.class)).contains("INTEGRITY_ALARM");

        // HR-10: the administrator confirms it was an approved revision: it becomes current and the alarm clears
        String heldId = io.restassured.path.json.JsonPath.from(held).getString("id");
        as(TestAccounts.cashier()).when().post("/api/reference/DRUG_DICTIONARY/snapshots/" + heldId + "/accept").then().statusCode(403);
        asAdmin().when().post("/api/reference/DRUG_DICTIONARY/snapshots/" + heldId + "/accept").then().statusCode(200)
                .body("status", equalTo("CURRENT"));
        asAdmin().when().post("/api/reference/DRUG_DICTIONARY/snapshots/" + heldId + "/accept").then().statusCode(409);
        as(TestAccounts.cashier()).when().get("/api/reference/DRUG_DICTIONARY/current").then().body("items.size()", equalTo(40));
        assertThat(org.hospital.continuity.server.incident.ScenarioAccess.current().getString("incident.faultClass")).isNull();
        org.hospital.continuity.server.incident.ScenarioAccess.settle(clock, engine);
    }

    @Test
    @DisplayName("HR-10 an unreadable or emptied price catalogue is refused or held, never served")
    void badImportsAreRefused() throws IOException {
        String items = resource("items.csv");
        post("PRICE_CATALOGUE", items, 201);
        String before = as(TestAccounts.cashier()).when().get("/api/reference/PRICE_CATALOGUE/current").then().statusCode(200)
                .extract().path("snapshot.id");
        assertThat(post("PRICE_CATALOGUE", items.replace("10.00", "10.001"), 422)).contains("line 2");
        assertThat(post("PRICE_CATALOGUE", "code,name\nS1,x", 422)).contains("header");
        post("PRICE_CATALOGUE", items.replace("S0002", "S0001"), 422);
        as(TestAccounts.cashier()).contentType("text/csv").body(items).when().post("/api/reference/PRICE_CATALOGUE/snapshots").then().statusCode(403);
        asAdmin().contentType("text/csv").body(items).when().post("/api/reference/NO_SUCH/snapshots").then().statusCode(404);
        as(TestAccounts.cashier()).when().get("/api/reference/PRICE_CATALOGUE/current").then().body("snapshot.id", equalTo(before));
    }
}
