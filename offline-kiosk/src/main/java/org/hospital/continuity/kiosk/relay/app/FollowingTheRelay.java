package org.hospital.continuity.kiosk.relay.app;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskCredential;
import org.hospital.continuity.kiosk.enrolment.KioskIdentity;
import org.hospital.continuity.kiosk.relay.RelayInbox;
import org.hospital.continuity.kiosk.relay.config.RelayConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hospital.continuity.sync.contract.RelayFeed;
import org.hospital.continuity.sync.protocol.http.JdkPushClient;

/**
 * HIS down, LAN up: keeps asking the continuity server for what other stations pushed for this kiosk's department (a long
 * poll: the server answers as soon as there is something), into the {@link RelayInbox}. While the server does not answer
 * it tries again every few seconds; the kiosk works alone meanwhile. One daemon thread.
 */
@ApplicationScoped
public class FollowingTheRelay {

    private final EnrolledKiosk enrolled;
    private final RelayInbox inbox;
    private final InstantSource clock;
    private final ObjectMapper json;
    private final boolean enabled;
    private final long waitMillis;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private volatile boolean running;
    private volatile String cursor = "";
    private volatile String cursorOf;
    private Thread thread;

    public FollowingTheRelay(EnrolledKiosk enrolled, RelayInbox inbox, InstantSource clock, ObjectMapper json, RelayConfig config) {
        this.enrolled = enrolled;
        this.inbox = inbox;
        this.clock = clock;
        this.json = json;
        this.enabled = config.enabled();
        this.waitMillis = Math.max(0, Math.min(config.waitMillis(), 25_000));
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "relay-follower");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop() {
        long pause = 0;
        while (running) {
            try {
                if (pause > 0) {
                    Thread.sleep(pause);
                }
                pause = once() ? 0 : Math.min(Math.max(pause * 2, 500), 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warnf("relay follower: %s", e.getClass().getSimpleName());
                pause = 5_000;
            }
        }
    }

    /** One question to the server; false when it did not answer (or the kiosk is not enrolled yet). */
    boolean once() throws InterruptedException {
        Optional<KioskIdentity> identity = enrolled.identity();
        Optional<KioskCredential> credential = enrolled.kioskCredential();
        if (identity.isEmpty() || credential.isEmpty()) {
            return false;
        }
        if (!credential.get().kioskId().equals(cursorOf)) {
            cursor = "";
            cursorOf = credential.get().kioskId();
        }
        // not known to answer yet (start, or after a failure): ask without waiting, so the banner says 联网停机 at once
        long wait = inbox.reachable().orElse(false) ? waitMillis : 0;
        String url = identity.get().serverUrl().replaceAll("/+$", "") + "/api/sync/v1/relay?after="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8) + "&waitMillis=" + wait;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(wait + 10_000))
                .header("Authorization", JdkPushClient.basic(credential.get().kioskId(), credential.get().secret()))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            inbox.failure(clock.instant());
            return false;
        }
        if (response.statusCode() != 200) {
            inbox.failure(clock.instant());
            Log.debugf("relay not answered status=%d", response.statusCode());
            return false;
        }
        RelayFeed feed;
        try {
            feed = json.readValue(response.body(), RelayFeed.class);
        } catch (java.io.IOException e) {
            inbox.failure(clock.instant());
            return false;
        }
        inbox.contact(clock.instant());
        inbox.add(feed.entries());
        if (!feed.entries().isEmpty()) {
            Log.infof("relay: %d records from other stations", feed.entries().size());
        }
        cursor = feed.cursor();
        return true;
    }
}
