package org.hospital.continuity.kiosk.connectivity.api;

import jakarta.annotation.security.PermitAll;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;

/**
 * Whether the continuity server answers right now (its readiness endpoint, real HTTP). Being
 * offline is normal for a kiosk: this is information for the banner, not a health failure.
 */
@Path("/api/connectivity")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@PermitAll
public class ConnectivityResource {

    private final KioskConfig config;
    private final HttpClient http;

    public ConnectivityResource(KioskConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(config.serverTimeoutMillis())).build();
    }

    public record Connectivity(String serverUrl, boolean reachable, int status, long latencyMillis, Instant checkedAt, String error) {
    }

    @GET
    public Connectivity check() {
        String base = config.serverUrl().replaceAll("/+$", "");
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                            .timeout(Duration.ofMillis(config.serverTimeoutMillis())).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return new Connectivity(base, response.statusCode() == 200, response.statusCode(),
                    (System.nanoTime() - started) / 1_000_000, Instant.now(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Connectivity(base, false, 0, (System.nanoTime() - started) / 1_000_000, Instant.now(), "interrupted");
        } catch (Exception e) {
            return new Connectivity(base, false, 0, (System.nanoTime() - started) / 1_000_000, Instant.now(),
                    e.getClass().getSimpleName());
        }
    }
}
