package org.hospital.continuity.server.notification.integration;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.hospital.continuity.server.notification.app.ChannelFailure;
import org.hospital.continuity.server.notification.NotificationSettings;

/** Posts webhook requests (robots, SMS gateway) with the JDK's HTTP client, off the event loop. */
@ApplicationScoped
public class WebhookClient {

    private final HttpClient http;
    private final Duration timeout;

    public WebhookClient(NotificationSettings settings) {
        // a second more than the dispatcher's own send timeout, which therefore always speaks first
        this.timeout = settings.sendTimeout().plusSeconds(1);
        this.http = HttpClient.newBuilder().connectTimeout(settings.sendTimeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    public record Answer(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Uni<Answer> post(String url, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new ChannelFailure("invalid webhook URL"));
        }
        headers.forEach(b::header);
        return Uni.createFrom().completionStage(() -> http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .map(r -> new Answer(r.statusCode(), r.body()))
                .onFailure().transform(e -> new ChannelFailure(describe(e)));
    }

    /** Where a request failed, without the URL (robot URLs carry their access token). */
    static String describe(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof java.net.http.HttpTimeoutException) {
            return "webhook timed out";
        }
        if (c instanceof java.net.ConnectException) {
            return "webhook unreachable (connection refused)";
        }
        return "webhook request failed: " + c.getClass().getSimpleName();
    }
}
