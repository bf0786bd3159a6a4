package org.hospital.continuity.sync.protocol.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.hospital.continuity.sync.protocol.PushBatch;
import org.hospital.continuity.sync.protocol.PushBatchWriter;
import org.hospital.continuity.sync.protocol.PushPort;
import org.hospital.continuity.sync.protocol.PushReceipt;
import org.hospital.continuity.sync.protocol.SyncJson;
import org.hospital.continuity.sync.protocol.SyncProtocol;
import org.hospital.continuity.sync.wire.Problem;

/**
 * {@link PushPort} over the JDK's HTTP client: HTTP Basic {@code kioskId:secret}, JSON per
 * {@link SyncJson}, every failure turned into an {@link PushPort.Outcome}.
 */
public final class JdkPushClient implements PushPort {

    private final HttpClient http;
    private final URI pushUri;
    private final String authorization;
    private final Duration timeout;
    private final ObjectMapper json = SyncJson.mapper();
    private final PushBatchWriter writer = new PushBatchWriter(json);

    public JdkPushClient(String serverBaseUrl, String kioskId, String secret, Duration timeout) {
        this(HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build(),
                serverBaseUrl, kioskId, secret, timeout);
    }

    public JdkPushClient(HttpClient http, String serverBaseUrl, String kioskId, String secret, Duration timeout) {
        this.http = http;
        this.pushUri = URI.create(serverBaseUrl.replaceAll("/+$", "") + SyncProtocol.PUSH_PATH);
        this.authorization = basic(kioskId, secret);
        this.timeout = timeout;
    }

    public static String basic(String kioskId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((kioskId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Outcome push(PushBatch batch) {
        byte[] body;
        try {
            body = writer.write(batch); // the bytes SyncJson's serializer would write, without its per-property work
        } catch (IOException e) {
            return new Failed("could not encode the batch: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(pushUri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new Failed("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted");
        }
        return interpret(response.statusCode(), response.headers().firstValue("Retry-After"), response.body(), json);
    }

    /** Maps an HTTP answer to an outcome; shared with tests and other transports. */
    public static Outcome interpret(int status, Optional<String> retryAfter, byte[] body, ObjectMapper json) {
        if (status == 200) {
            try {
                return new Stored(json.readValue(body, PushReceipt.class));
            } catch (IOException e) {
                return new Failed("unreadable answer from the server");
            }
        }
        if ((status == 429 || status == 503) && retryAfter.isPresent()) {
            return new Throttled(status, parseRetryAfter(retryAfter.get()));
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new Failed("server answered " + status);
        }
        Problem problem;
        try {
            problem = json.readValue(body, Problem.class);
        } catch (IOException | RuntimeException e) {
            problem = Problem.forStatus(status);
        }
        return new Refused(status, problem);
    }

    static Duration parseRetryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
