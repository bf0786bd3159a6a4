package org.hospital.continuity.kiosk.audit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.hospital.continuity.kiosk.enrolment.EnrolledKiosk;
import org.hospital.continuity.kiosk.enrolment.KioskCredential;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.sync.audit.AuditRecord;
import org.hospital.continuity.sync.audit.AuditWire;

/**
 * Sends this kiosk's audit entries to the server with the journal, on the sync agent's interval (HR-8).
 * Exactly once: the server skips entries it holds and answers the last position it holds; the kiosk keeps
 * that position and sends from there. A refusal (a gap after a server restore) restarts from position 0,
 * which is safe because the server skips what it already has. Each entry travels as the {@link AuditRecord}
 * it is (the same field names on both sides; {@code at} in ISO-8601, as the server reads it).
 */
@ApplicationScoped
public class ShippingAudit {

    /** How one run ended. */
    public record Outcome(int sent, long storedThrough, String error) {
    }

    static final int BATCH = 200;

    private final KioskAuditLog audit;
    private final EnrolledKiosk enrolled;
    private final KioskConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public ShippingAudit(KioskAuditLog audit, EnrolledKiosk enrolled, KioskConfig config, ObjectMapper json) {
        this.audit = audit;
        this.enrolled = enrolled;
        this.config = config;
        this.json = json;
    }

    @Scheduled(every = "{continuity.sync.interval}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = org.hospital.continuity.kiosk.platform.crypto.SkipWhileLocked.class)
    void scheduled() {
        ship();
    }

    /** Sends everything the server does not hold yet, in batches; stops at the first failure. */
    public synchronized Outcome ship() {
        Optional<KioskCredential> credential = enrolled.kioskCredential();
        if (credential.isEmpty()) {
            return new Outcome(0, audit.storedThrough(), "not enrolled");
        }
        int sent = 0;
        long through = audit.storedThrough();
        while (true) {
            List<AuditRecord> batch = audit.after(through, BATCH);
            if (batch.isEmpty()) {
                return new Outcome(sent, through, null);
            }
            try {
                HttpResponse<String> r = http.send(request(credential.get(), batch), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 409) {
                    Log.warnf("audit upload refused by the server (chain gap), restarting from 0 kiosk=%s", credential.get().kioskId());
                    audit.shipped(0);
                    return new Outcome(sent, 0, "refused: " + r.statusCode());
                }
                if (r.statusCode() != 200) {
                    return new Outcome(sent, through, "server answered " + r.statusCode());
                }
                JsonNode body = json.readTree(r.body());
                long stored = body.path("storedThrough").asLong(-1);
                if (stored < through) {
                    return new Outcome(sent, through, "unexpected answer");
                }
                sent += (int) (stored - through);
                through = stored;
                audit.shipped(through);
                if (batch.get(batch.size() - 1).seq() > stored) {
                    return new Outcome(sent, through, "server holds less than sent");
                }
            } catch (java.io.IOException e) {
                return new Outcome(sent, through, "server unreachable");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(sent, through, "interrupted");
            }
        }
    }

    private HttpRequest request(KioskCredential credential, List<AuditRecord> batch) throws java.io.IOException {
        String basic = Base64.getEncoder().encodeToString((credential.kioskId() + ":" + credential.secret()).getBytes(StandardCharsets.UTF_8));
        String base = config.serverUrl().endsWith("/") ? config.serverUrl().substring(0, config.serverUrl().length() - 1) : config.serverUrl();
        return HttpRequest.newBuilder(URI.create(base + "/api/kiosk/audit")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(AuditWire.upload(batch)))).build();
    }
}
