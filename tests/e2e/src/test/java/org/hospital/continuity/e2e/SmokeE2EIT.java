package org.hospital.continuity.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Both packaged apps as the run command starts them (server on an embedded PostgreSQL it starts
 * itself, kiosk on a SQLite file), talking real HTTP over loopback.
 */
class SmokeE2EIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", url, r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    @DisplayName("the kiosk reaches the server's health endpoint, and stays ready when the server goes away")
    void kioskReachesServerAndStaysReadyWithoutIt() throws Exception {
        Path root = AppProcess.root();
        Path data = Files.createTempDirectory("continuity-e2e-");
        try (AppProcess server = AppProcess.start("server", root.resolve("continuity-server/target/quarkus-app/quarkus-run.jar"),
                Map.of("quarkus.http.port", "0", "continuity.data-dir", data.resolve("server").toString()), Map.of())) {
            String serverUrl = server.awaitBaseUrl(Duration.ofSeconds(90));
            assertThat(get(serverUrl + "/q/health/ready").path("status").asText()).isEqualTo("UP");

            try (AppProcess kiosk = AppProcess.start("kiosk", root.resolve("offline-kiosk/target/quarkus-app/quarkus-run.jar"),
                    Map.of("quarkus.http.port", "0", "continuity.data-dir", data.resolve("kiosk").toString(),
                            "continuity.server-url", serverUrl), Map.of())) {
                String kioskUrl = kiosk.awaitBaseUrl(Duration.ofSeconds(60));
                assertThat(get(kioskUrl + "/q/health/ready").path("status").asText()).isEqualTo("UP");

                JsonNode connectivity = get(kioskUrl + "/api/connectivity");
                assertThat(connectivity.path("reachable").asBoolean()).as(connectivity.toString()).isTrue();
                assertThat(connectivity.path("status").asInt()).isEqualTo(200);

                assertThat(server.stop(Duration.ofSeconds(30))).as("server exit code after SIGTERM").isIn(0, 143);
                assertThat(get(kioskUrl + "/api/connectivity").path("reachable").asBoolean()).isFalse();
                assertThat(get(kioskUrl + "/q/health/ready").path("status").asText()).isEqualTo("UP");
            }
        }
        assertThat(Files.exists(data.resolve("kiosk/kiosk.db"))).isTrue();
        assertThat(Files.isDirectory(data.resolve("server/postgres"))).isTrue();
    }
}
