package org.hospital.continuity.kiosk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.hospital.continuity.sync.wire.RequestSanity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.hospital.continuity.testsupport.RouteInventory;

/**
 * The adversarial suite on the kiosk's local API (issue 11): every route from the kiosk's OpenAPI document gets
 * malformed and truncated JSON, wrong types, huge strings and arrays, deep nesting, injection strings, path
 * traversal, unknown enum values, negative/NaN numbers, invalid UTF-8, and forged or replayed session cookies.
 * Never a 5xx or a stack trace, hostile bodies and addresses refused with a 4xx, nothing stored in SQLite
 * (besides the audit log of the refusals), the kiosk healthy afterwards.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
@io.quarkus.test.junit.TestProfile(AdversarialTest.OwnKiosk.class)
class AdversarialTest {

    /** A kiosk of its own (own data folder): hostile values that happen to form a valid request stay out of other tests. */
    public static class OwnKiosk implements io.quarkus.test.junit.QuarkusTestProfile {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    private static final Set<String> CHANGING_BY_DESIGN = Set.of("audit_log", "audit_shipping", "kiosk_heartbeat");
    private static final List<String> PATH_ATTACKS = List.of("..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e", "'%20OR%20'1'%3D'1",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "-1", "NaN", "99999999999999999999999", "NO_SUCH_VALUE", "x".repeat(3000), "%00",
            "%C0%AF", "%FF%FE");
    private static final List<String> QUERY_ATTACKS = List.of("' OR '1'='1", "<script>alert(1)</script>", "../../etc/passwd", "-1",
            "NaN", "-99999999999999999999", "NO_SUCH_VALUE", "y".repeat(5000));

    @Inject
    KioskDatabase database;

    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    /**
     * One hostile value in one declared field, run after the "nothing stored" check: a single field can make a
     * complete, valid request (a free-text reason), which is then stored as ordinary text; such answers are
     * counted as "accepted as data", and must never be a 5xx or show a trace.
     */
    private final List<Runnable> deferred = new ArrayList<>();
    private final List<String> acceptedAsData = new ArrayList<>();

    private void field(Op op, String what, ExtractableResponse<Response> r) {
        check("field", op, what, r, false);
        if (r.statusCode() < 400) {
            acceptedAsData.add(op.method() + " " + op.path() + " " + what + " → " + r.statusCode());
        }
    }

    private record Op(String method, String path, JsonNode operation, RouteInventory.Route route) {
    }

    private static List<byte[]> badBodies() {
        List<byte[]> out = new ArrayList<>();
        for (String s : List.of("{", "{\"a\":", "[", "not json", "", "null", "[]", "42", "\"text\"", "true", "{\"x\": NaN}",
                "{\"x\": 1e999999}", "{\"a\":1}{\"b\":2}", "{\"name\": \"<script>alert(1)</script>\"}")) {
            out.add(s.getBytes(StandardCharsets.UTF_8));
        }
        out.add("[".repeat(20_000).getBytes(StandardCharsets.UTF_8));
        out.add(("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        out.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
        out.add(("{\"a\":[" + "1,".repeat(100_000) + "1]").getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static String contentType(Op op) {
        var content = op.operation().path("requestBody").path("content");
        return content.fieldNames().hasNext() ? content.fieldNames().next() : "application/json";
    }

    private List<Op> operations(JsonNode doc) {
        Map<String, List<RouteInventory.Route>> routes = RouteInventory.byKey(RouteInventory.scan("org.hospital.continuity.kiosk"));
        List<Op> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            var p = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = p.getValue().fields(); m.hasNext(); ) {
                var o = m.next();
                String key = o.getKey().toUpperCase() + " " + RouteInventory.normalise(p.getKey());
                if (routes.containsKey(key)) {
                    ops.add(new Op(o.getKey().toUpperCase(), p.getKey(), o.getValue(), routes.get(key).get(0)));
                }
            }
        }
        return ops;
    }

    private void check(String category, Op op, String what, ExtractableResponse<Response> r, boolean must4xx) {
        counts.merge(category, 1, Integer::sum);
        String body = r.asString();
        String where = category + " " + op.method() + " " + op.path() + " [" + what + "] → " + r.statusCode();
        if (r.statusCode() >= 500) {
            failures.add(where + " (server error) " + body.substring(0, Math.min(300, body.length())));
        } else if (must4xx && (r.statusCode() < 400 || r.statusCode() > 499)) {
            failures.add(where + " (expected a 4xx)");
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("at org.") || body.contains("at java.")) {
            failures.add(where + " (stack trace or exception name in the body)");
        }
    }

    @Test
    @DisplayName("HR-13 every kiosk route answers hostile input with a clear 4xx, stores nothing, shows no stack trace, and the kiosk stays healthy")
    void everyRouteSurvivesHostileInput() throws Exception {
        Desk.inDowntime();
        String cookie = Desk.login("super-1");
        String replayed = Desk.login("super-1");
        given().cookie("kiosk_session", replayed).delete("/api/session").then().statusCode(204);
        JsonNode doc = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        JsonNode schemas = doc.path("components").path("schemas");
        List<Op> ops = operations(doc);
        assertThat(ops).hasSizeGreaterThan(20);
        Map<String, String> before = fingerprint();
        for (Op op : ops) {
            String ct = contentType(op);
            boolean body = op.operation().has("requestBody");
            if (body) {
                int i = 0;
                for (byte[] b : badBodies()) {
                    check("body", op, "bad body #" + i++, given().config(RAW).cookie("kiosk_session", cookie).contentType(ct).body(b)
                            .request(op.method(), op.path().replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000")).then().extract(), true);
                }
                JsonNode schema = op.operation().path("requestBody").path("content").path("application/json").path("schema");
                String ref = schema.path("$ref").asText("");
                JsonNode props = (ref.startsWith("#/components/schemas/") ? schemas.path(ref.substring(21)) : schema).path("properties");
                List<Object> values = new ArrayList<>(List.of("' OR '1'='1' --", "<img src=x onerror=alert(1)>", "../../../etc/passwd",
                        "NO_SUCH_ENUM_VALUE", -1, Long.MIN_VALUE, Double.MAX_VALUE, "NaN", true, List.of(1, 2), Map.of("n", List.of()),
                        "z".repeat(100_000)));
                values.add(java.util.Collections.nCopies(20_000, "a"));
                for (Iterator<String> f = props.fieldNames(); f.hasNext(); ) {
                    String field = f.next();
                    for (Object v : values) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put(field, v);
                        byte[] bytes = JSON.writeValueAsBytes(m);
                        deferred.add(() -> field(op, field, given().config(RAW).cookie("kiosk_session", cookie).contentType("application/json")
                                .body(bytes).request(op.method(), op.path().replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000"))
                                .then().extract()));
                    }
                }
            }
            if (op.path().contains("{")) {
                for (String attack : PATH_ATTACKS) {
                    RequestSpecification r = given().config(RAW).cookie("kiosk_session", cookie).urlEncodingEnabled(false);
                    if (body) {
                        r = r.contentType(ct).body("{}");
                    }
                    boolean malformed = RequestSanity.pathProblem("/" + attack).isPresent();
                    check(malformed ? "path" : "path-unknown-id", op, attack.substring(0, Math.min(30, attack.length())),
                            r.request(op.method(), op.path().replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(attack))).then().extract(),
                            malformed || !op.method().equals("GET"));
                }
            }
            for (JsonNode p : op.operation().path("parameters")) {
                if (!"query".equals(p.path("in").asText())) {
                    continue;
                }
                for (String attack : QUERY_ATTACKS) {
                    RequestSpecification r = given().config(RAW).cookie("kiosk_session", cookie).queryParam(p.path("name").asText(), attack);
                    if (body) {
                        r = r.contentType(ct).body("{}");
                    }
                    check("query", op, p.path("name").asText(), r.request(op.method(),
                            op.path().replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000")).then().extract(), false);
                }
            }
            if (!op.route().permitAll()) {
                for (String forged : List.of(replayed, "forged-" + "A".repeat(43), "' OR '1'='1", "A".repeat(4000))) {
                    RequestSpecification r = given().config(RAW).cookie("kiosk_session", forged);
                    if (body) {
                        r = r.contentType(ct).body("{}");
                    }
                    ExtractableResponse<Response> resp = r.request(op.method(),
                            op.path().replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000")).then().extract();
                    check("credential", op, "forged/replayed session", resp, true);
                    if (resp.statusCode() != 401) {
                        failures.add("credential " + op.method() + " " + op.path() + " → " + resp.statusCode() + " (expected 401)");
                    }
                }
            }
            oversize(op);
        }
        int refusedCases = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("ADVERSARIAL kiosk cases before fields=" + refusedCases + " by category=" + counts + " routes=" + ops.size());
        Map<String, String> after = fingerprint();
        before.forEach((t, f) -> {
            if (!f.equals(after.get(t))) {
                failures.add("table " + t + " changed during the attacks");
            }
        });
        deferred.forEach(Runnable::run);
        System.out.println("ADVERSARIAL field values accepted as ordinary data: " + acceptedAsData.size() + " " + acceptedAsData);
        assertThat(failures).as("hostile requests not answered with a clean 4xx, or something stored").isEmpty();
        given().get("/q/health/live").then().statusCode(200);
        given().cookie("kiosk_session", cookie).get("/api/status").then().statusCode(200);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("ADVERSARIAL total cases=" + total + " by category=" + counts);
        assertThat(total).isGreaterThan(500);
    }

    private Map<String, String> fingerprint() throws Exception {
        return database.read(c -> {
            Map<String, String> out = new TreeMap<>();
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select name from sqlite_master where type = 'table' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                if (CHANGING_BY_DESIGN.contains(t) || t.startsWith("sqlite_")) {
                    continue;
                }
                StringBuilder b = new StringBuilder();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from \"" + t + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                    java.util.Collections.sort(rows);
                    rows.forEach(b::append);
                }
                out.put(t, Integer.toHexString(b.toString().hashCode()) + ":" + b.length());
            }
            return out;
        });
    }

    /**
     * Oversize requests over a raw socket, on every route (HR-13): an address of 70,000 characters (414), a 30 KB header
     * (431) and, where the route takes a body, a chunked body just over the route's limit (413) — each problem+json with
     * a Chinese title, never the HTTP decoder's bare answer; like every refused category, they must store nothing.
     */
    private void oversize(Op op) {
        String path = op.path().replaceAll("\\{[^}]+}", "5f0e7a4e-0000-4000-8000-000000000000");
        oversizeCase(op, "request line", 414, op.method() + " " + path + "?pad=" + "a".repeat(70_000), null);
        oversizeCase(op, "headers", 431, op.method() + " " + path, "X-Filler: " + "b".repeat(30_000));
        if (op.operation().has("requestBody")) {
            long limit = 256L * 1024;
            oversizeCase(op, "chunked body", 413, op.method() + " " + path, null, new byte[(int) limit + 65_536]);
        }
    }

    private void oversizeCase(Op op, String what, int expected, String requestLine, String header) {
        oversizeCase(op, what, expected, requestLine, header, null);
    }

    private void oversizeCase(Op op, String what, int expected, String requestLine, String header, byte[] chunked) {
        counts.merge("oversize", 1, Integer::sum);
        String head = requestLine + " HTTP/1.1\r\nHost: localhost:" + io.restassured.RestAssured.port
                + (header == null ? "" : "\r\n" + header)
                + (chunked == null ? "\r\nConnection: close" : "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked");
        String where = "oversize " + op.method() + " " + op.path() + " [" + what + "]";
        try {
            org.hospital.continuity.testsupport.RawHttp.Answer a = org.hospital.continuity.testsupport.RawHttp.send(io.restassured.RestAssured.port, head, chunked);
            if (a.status() != expected || !a.contentType().startsWith("application/problem+json")
                    || !a.body().matches("(?s).*\"title\":\"[^\"]*\\p{IsHan}.*")) {
                failures.add(where + " → " + a.status() + " " + a.contentType() + " " + a.body().substring(0, Math.min(200, a.body().length()))
                        + " (expected a " + expected + " problem+json with a Chinese title)");
            }
        } catch (Exception e) {
            failures.add(where + " → no answer (" + e.getClass().getSimpleName() + ")");
        }
    }
}
