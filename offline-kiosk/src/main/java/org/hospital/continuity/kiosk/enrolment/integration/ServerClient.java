package org.hospital.continuity.kiosk.enrolment.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.i18n.Texts;

/**
 * Blocking HTTP calls from the kiosk to the server's kiosk endpoints, used only while online
 * (enrolment, snapshot refresh, pool refill). An unreachable server is a clean 503 for the UI.
 */
@ApplicationScoped
public class ServerClient {

    private final ObjectMapper json;
    private final KioskConfig config;
    private final HttpClient http;
    private final Texts texts;

    public ServerClient(ObjectMapper json, KioskConfig config, Texts texts) {
        this.json = json;
        this.config = config;
        this.texts = texts;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(config.serverTimeoutMillis())).build();
    }

    public ServerWire.Enrolled enrol(String serverUrl, ServerWire.EnrolRequest request) {
        return call(HttpRequest.newBuilder(uri(serverUrl, "/api/kiosk/enrolments")), "POST", request, null, ServerWire.Enrolled.class);
    }

    public ServerWire.Snapshot snapshot(String serverUrl, String kioskId, String secret) {
        return call(HttpRequest.newBuilder(uri(serverUrl, "/api/kiosk/snapshot")), "GET", null, basic(kioskId, secret),
                ServerWire.Snapshot.class);
    }

    public ServerWire.Block block(String serverUrl, String kioskId, String secret, String pool) {
        return call(HttpRequest.newBuilder(uri(serverUrl, "/api/kiosk/number-blocks")), "POST", new ServerWire.BlockRequest(pool),
                basic(kioskId, secret), ServerWire.Block.class);
    }

    /** A kiosk-authenticated GET of another kiosk endpoint of the server (announced instructions …). */
    public <T> T get(String serverUrl, String path, String kioskId, String secret, Class<T> type) {
        return call(HttpRequest.newBuilder(uri(serverUrl, path)), "GET", null, basic(kioskId, secret), type);
    }

    /** A kiosk-authenticated POST to another kiosk endpoint of the server (readiness reports, acknowledgements …). */
    public <T> T post(String serverUrl, String path, String kioskId, String secret, Object body, Class<T> type) {
        return call(HttpRequest.newBuilder(uri(serverUrl, path)), "POST", body, basic(kioskId, secret), type);
    }

    private <T> T call(HttpRequest.Builder builder, String method, Object body, String authorization, Class<T> type) {
        try {
            // the server answers its problem details in the kiosk's language, so a refusal reads as the kiosk's own words
            builder.timeout(Duration.ofMillis(Math.max(config.serverTimeoutMillis(), 1000) * 10L)).header("Accept", "application/json")
                    .header("Accept-Language", texts.language());
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            if (body != null) {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
            } else {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 == 2) {
                return type == Void.class || response.body().isEmpty() ? null : json.readValue(response.body(), type);
            }
            String detail = "error.server-refused";
            String slug = "server-refused";
            String rule = null;
            try {
                JsonNode problem = json.readTree(response.body());
                if (problem.hasNonNull("detail")) {
                    detail = problem.get("detail").asText();
                }
                if (problem.hasNonNull("type")) {
                    // the server's problem type (/problems/<slug>), so a caller can tell an expected refusal apart
                    slug = "server:" + problem.get("type").asText().replaceFirst("^.*/", "");
                }
                if (problem.hasNonNull("rule")) {
                    rule = problem.get("rule").asText();
                }
            } catch (JsonProcessingException ignored) {
                // not a problem document
            }
            int status = response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() == 404
                    || response.statusCode() == 409 || response.statusCode() == 422 ? 409 : 502;
            throw new KioskRejection(status, slug, rule, detail, List.of());
        } catch (IOException e) {
            throw new KioskRejection(503, "server-unreachable", null,
                    "error.server-unreachable", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KioskRejection(503, "server-unreachable", null, "error.server-unreachable", List.of());
        }
    }

    private static URI uri(String serverUrl, String path) {
        return URI.create(serverUrl.replaceAll("/+$", "") + path);
    }

    private static String basic(String kioskId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((kioskId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
