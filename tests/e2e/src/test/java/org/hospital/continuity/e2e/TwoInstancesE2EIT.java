package org.hospital.continuity.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two packaged servers against one external PostgreSQL (the hospital's HA PostgreSQL in production), with
 * the EP-5.2 ladder shortened by configuration (4 s / 12 s / 20 s instead of 30 min / 6 h / 24 h). A probe
 * sees the database server down; once the first ladder row fired, one instance is killed (SIGKILL) and started
 * again. The ladder carries on: every row fires exactly once, every department is told exactly once, and the
 * restarted instance sees the same incident (it rebuilt the engine's state from the journal).
 */
class TwoInstancesE2EIT {

    private static final String ADMIN_PASSWORD = "E2e-Passw0rd-seed";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode call(String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, url, r.body()).isEqualTo(expected);
        return r.body().isEmpty() ? null : json.readTree(r.body());
    }

    private JsonNode await(String what, Duration timeout, ThrowingSupplier<JsonNode> read, Predicate<JsonNode> done) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("timed out waiting for " + what + "; last: " + last);
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static Map<String, String> props(EmbeddedPostgres pg, Path data) {
        Map<String, String> p = new HashMap<>();
        p.put("quarkus.http.port", "0");
        p.put("continuity.data-dir", data.toString());
        p.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + pg.getPort() + "/postgres");
        p.put("quarkus.datasource.username", "postgres");
        p.put("quarkus.datasource.password", "postgres");
        p.put("continuity.auth.initial-admin.password", ADMIN_PASSWORD);
        p.put("continuity.auth.pbkdf2-iterations", "20000");
        p.put("continuity.incident.ladder.front-desk", "PT4S");
        p.put("continuity.incident.ladder.wards-and-theatres", "PT12S");
        p.put("continuity.incident.ladder.whole-hospital", "PT20S");
        p.put("continuity.incident.tick", "PT0.2S");
        return p;
    }

    @Test
    @DisplayName("two instances on one database: killing one mid-ladder and restarting it loses no step and repeats none")
    void killingOneInstanceMidLadder() throws Exception {
        Path root = AppProcess.root();
        Path jar = root.resolve("continuity-server/target/quarkus-app/quarkus-run.jar");
        Path data = Files.createTempDirectory("continuity-two-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             AppProcess a = AppProcess.start("server-a", jar, props(pg, data.resolve("a")), Map.of());
             AppProcess b = AppProcess.start("server-b", jar, props(pg, data.resolve("b")), Map.of())) {
            String urlA = a.awaitBaseUrl(Duration.ofSeconds(120));
            String urlB = b.awaitBaseUrl(Duration.ofSeconds(120));

            String admin = call("POST", urlB + "/api/auth/login", null,
                    "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", 200).path("token").asText();
            // the probe runs on whichever instance claims it; 2 s rounds
            call("POST", urlA + "/api/probes", admin, """
                    {"name":"his-db","kind":"TCP","target":"127.0.0.1:1","component":"DATABASE_SERVER","series":"his-db",
                     "intervalMs":2000,"timeoutMs":500}""", 201);

            JsonNode incident = await("an open Class I incident", Duration.ofSeconds(30),
                    () -> get(urlB + "/api/incidents/current", admin), n -> n != null && "CLASS_I".equals(n.path("faultClass").asText()));
            String id = incident.path("id").asText();
            await("the 30-minute row (4 s here)", Duration.ofSeconds(30), () -> call("GET", urlB + "/api/incidents/" + id, admin, null, 200),
                    n -> steps(n).contains("FRONT_DESK"));

            a.kill(); // power cut on one instance mid-ladder
            // …and it is started again while the ladder runs on: it replays the journal and joins the clock
            try (AppProcess a2 = AppProcess.start("server-a2", jar, props(pg, data.resolve("a")), Map.of())) {
                String urlA2 = a2.awaitBaseUrl(Duration.ofSeconds(120));
                JsonNode restarted = await("the 24-hour row (20 s here), seen by the restarted instance", Duration.ofSeconds(60),
                        () -> call("GET", urlA2 + "/api/incidents/" + id, admin, null, 200), n -> steps(n).contains("WHOLE_HOSPITAL"));
                assertThat(restarted.path("manualDepartments")).hasSize(12);
                Thread.sleep(2000); // any duplicate would have been written by now
                assertThat(steps(call("GET", urlA2 + "/api/incidents/" + id, admin, null, 200)))
                        .containsExactly("FRONT_DESK", "WARDS_AND_THEATRES", "WHOLE_HOSPITAL");
            }
            JsonNode after = call("GET", urlB + "/api/incidents/" + id, admin, null, 200);
            assertThat(steps(after)).containsExactly("FRONT_DESK", "WARDS_AND_THEATRES", "WHOLE_HOSPITAL");

            JsonNode instructions = call("GET", urlB + "/api/incidents/" + id + "/instructions", admin, null, 200);
            Map<String, Integer> switches = new HashMap<>();
            for (JsonNode i : instructions) {
                if ("SWITCH_TO_MANUAL".equals(i.path("kind").asText())) {
                    switches.merge(i.path("party").asText(), 1, Integer::sum);
                }
            }
            assertThat(switches).hasSize(12).allSatisfy((dept, n) -> assertThat(n).as(dept).isEqualTo(1));
            long downSignals = 0;
            for (JsonNode s : after.path("signals")) {
                if ("PROBE_RESULT".equals(s.path("kind").asText())) {
                    downSignals++;
                }
            }
            assertThat(downSignals).as("repeated DOWN rounds fold into one signal").isEqualTo(1);
        }
    }

    private JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? json.readTree(r.body()) : null;
    }

    private static List<String> steps(JsonNode incident) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : incident.path("timeline")) {
            if ("LADDER_STEP_REACHED".equals(e.path("kind").asText())) {
                out.add(e.path("data").path("step").asText());
            }
        }
        return out;
    }
}
