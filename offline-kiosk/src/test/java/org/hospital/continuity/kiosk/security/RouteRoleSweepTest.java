package org.hospital.continuity.kiosk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.hospital.continuity.testsupport.RouteInventory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HR-1 on the kiosk, route by route and role by role: every route of the local API is called by every kind of caller
 * (no session, a forged bearer token, a cashier, a cashier lead, a nurse, a doctor, a med-tech, a pharmacist) and the
 * answer is compared with the table below: a caller the table does not allow gets 401 (no session) or 403 before
 * anything is read or stored; an allowed caller gets past the role rule (any answer but 401/403). A route missing
 * from the table fails the test, so a new endpoint needs its line here.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class RouteRoleSweepTest {

    static final Set<String> ANYONE = Set.of("none", "forged", "cashier", "lead", "nurse", "doctor", "medtech", "pharmacist");
    static final Set<String> STAFF = Set.of("cashier", "lead", "nurse", "doctor", "medtech", "pharmacist");
    static final Set<String> CASHIER = Set.of("cashier", "lead");
    static final Set<String> CLINICAL = Set.of("nurse", "doctor", "medtech", "pharmacist");

    /** Route → who may call it (the kiosk's role table, HR-1). */
    static final Map<String, Set<String>> TABLE = new TreeMap<>();

    static {
        RouteRolesTest.PUBLIC_ROUTES.keySet().forEach(k -> TABLE.put(k, ANYONE));
        for (String k : List.of("POST /api/registrations", "GET /api/registrations", "GET /api/registrations/{id}/slip",
                "POST /api/charges", "GET /api/charges", "GET /api/invoices", "POST /api/invoices/{invoiceNo}/void",
                "POST /api/invoices/spoiled", "GET /api/ious", "POST /api/ious/{id}/exchange", "GET /api/charges/{id}/invoice",
                "GET /api/ious/{id}/slip", "POST /api/discharge-settlements", "GET /api/discharge-settlements",
                "GET /api/discharge-settlements/{id}/paper")) {
            TABLE.put(k, CASHIER); // EP-6.2, EP-6.3: the cashier's desk
        }
        TABLE.put("GET /api/audit", Set.of("lead"));
        TABLE.put("GET /api/audit/verification", Set.of("lead"));
        TABLE.put("POST /api/clinical/prescriptions", Set.of("doctor")); // EP-6.4
        TABLE.put("POST /api/clinical/orders", Set.of("doctor"));
        TABLE.put("POST /api/clinical/requisitions", Set.of("nurse")); // EP-6.5
        TABLE.put("POST /api/clinical/charge-executions", Set.of("nurse"));
        TABLE.put("POST /api/clinical/exam-registers", Set.of("medtech")); // EP-6.6
        TABLE.put("POST /api/clinical/dispenses", Set.of("pharmacist")); // EP-6.7
        for (String k : List.of("GET /api/clinical/reports/{report}", "GET /api/clinical/patients/{patientId}/allergies",
                "POST /api/clinical/{id}/void", "POST /api/clinical/{id}/corrections", "GET /api/clinical/recent",
                "GET /api/clinical/{id}", "GET /api/clinical/{id}/print", "GET /api/relay", "GET /api/ward-reports",
                "GET /api/ward-reports/page", "GET /api/ward-reports/pdf", "POST /api/ward-reports/print")) {
            TABLE.put(k, CLINICAL); // HR-12: clinical records for clinical staff
        }
        for (String k : List.of("GET /api/fault-reports", "POST /api/fault-reports", "POST /api/fault-reports/refresh",
                "GET /api/patients", "GET /api/journal", "GET /api/journal/integrity", "GET /api/clinical/forms",
                "GET /api/session", "POST /api/kiosk/snapshot/refresh", "POST /api/kiosk/pools/{pool}/refill",
                "POST /api/mode/downtime", "POST /api/mode/normal", "GET /api/mode/instructions", "GET /api/mode/instruction",
                "POST /api/mode/instruction/pull", "POST /api/mode/instructions/{ref}/acknowledgement",
                "GET /api/reference/patients")) {
            TABLE.put(k, STAFF); // EP-3 fault reports, EP-6.1 the switch: every member of staff on their own kiosk
        }
    }

    static final Map<String, String> ACCOUNTS = Map.of("cashier", "cashier-1", "lead", "super-1", "nurse", "nurse-1",
            "doctor", "doctor-1", "medtech", "medtech-1", "pharmacist", "pharm-1");

    static String concrete(String template) {
        return template.replace("{id}", "5f0e7a4e-0000-4000-8000-000000000000").replace("{invoiceNo}", "FP00000001")
                .replace("{pool}", "PATIENT").replace("{language}", "zh-CN").replace("{report}", "orders").replace("{ref}", "77")
                .replace("{patientId}", "P0001");
    }

    RequestSpecification as(String who) {
        RequestSpecification r = given().contentType("application/json").body("{}").redirects().follow(false);
        return switch (who) {
            case "none" -> r;
            case "forged" -> r.header("Authorization", "Bearer 0123456789abcdef").cookie("kiosk_session", "forged-session-token");
            default -> r.cookie("kiosk_session", Desk.login(ACCOUNTS.get(who)));
        };
    }

    @Test
    @DisplayName("HR-1 every kiosk route × every caller answers as the role table says; refusals are 401/403 problem+json and store nothing")
    void sweep() {
        Desk.inDowntime();
        Map<String, List<RouteInventory.Route>> routes = RouteInventory.byKey(RouteInventory.scan("org.hospital.continuity.kiosk"));
        assertThat(TABLE.keySet()).as("routes in the table that the kiosk no longer has").isSubsetOf(routes.keySet());
        List<String> problems = new ArrayList<>();
        routes.keySet().stream().filter(k -> !TABLE.containsKey(k)).forEach(k -> problems.add(k + ": not in the role table"));
        String lead = Desk.login("super-1");
        long seqBefore = Desk.lastSeq(lead);
        int calls = 0;
        Map<String, Integer> refusalsByRoute = new LinkedHashMap<>();
        for (String key : TABLE.keySet()) {
            if (key.equals("DELETE /api/session") || key.equals("POST /api/session")) {
                continue; // signing in and out: covered by the session tests; every caller may try
            }
            String method = key.substring(0, key.indexOf(' '));
            String path = concrete(key.substring(key.indexOf(' ') + 1));
            for (String who : ANYONE) {
                Response r = as(who).request(method, path);
                calls++;
                int status = r.statusCode();
                boolean allowed = TABLE.get(key).contains(who);
                if (allowed && (status == 401 || status == 403)) {
                    problems.add(key + " as " + who + ": " + status + " but the table allows it");
                } else if (!allowed) {
                    int expected = who.equals("none") || who.equals("forged") ? 401 : 403;
                    if (status != expected) {
                        problems.add(key + " as " + who + ": " + status + ", expected " + expected);
                    } else if (!String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                        problems.add(key + " as " + who + ": refusal is not problem+json");
                    }
                    refusalsByRoute.merge(key, 1, Integer::sum);
                }
                if (status >= 500) {
                    problems.add(key + " as " + who + ": " + status);
                }
            }
        }
        System.out.println("ADVERSARIAL kiosk route-role sweep cases=" + calls + " routes=" + TABLE.size());
        assertThat(problems).as("route × role answers that differ from the table").isEmpty();
        assertThat(calls).isGreaterThan(400);
        assertThat(refusalsByRoute).containsKey("POST /api/registrations").containsKey("POST /api/clinical/prescriptions");
        // refused calls journal nothing; the allowed ones above were all incomplete bodies (422/404), so nothing at all
        assertThat(Desk.lastSeq(lead)).isEqualTo(seqBefore);
    }
}
