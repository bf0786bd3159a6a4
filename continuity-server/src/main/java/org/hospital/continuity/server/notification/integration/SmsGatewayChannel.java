package org.hospital.continuity.server.notification.integration;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.hospital.continuity.server.notification.app.ChannelFailure;
import org.hospital.continuity.server.notification.app.ChannelSender;
import org.hospital.continuity.server.notification.NotificationSettings;
import org.hospital.continuity.server.notification.app.Outgoing;
import org.hospital.continuity.server.notification.domain.Channel;

/**
 * A generic SMS gateway over HTTP: the configured template is the request body with {@code {to}} and
 * {@code {text}} filled in (escaped for JSON or URL-encoded for form bodies). Any 2xx answer is "sent".
 * Meant for a cellular gateway that keeps working when the hospital network is down.
 */
@ApplicationScoped
public class SmsGatewayChannel implements ChannelSender {

    private final NotificationSettings settings;
    private final WebhookClient client;

    public SmsGatewayChannel(NotificationSettings settings, WebhookClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        NotificationSettings.Sms sms = settings.sms();
        if (sms.url().isEmpty()) {
            return Uni.createFrom().failure(new ChannelFailure("no SMS gateway configured (continuity.notification.sms.url)"));
        }
        String text = m.subject() + " " + m.body();
        String body = fill(sms.template(), sms.contentType(), m.address(), text);
        Map<String, String> headers = new HashMap<>();
        sms.authorization().ifPresent(a -> headers.put("Authorization", a));
        return client.post(sms.url().get(), sms.contentType(), body, headers).chain(a -> a.ok()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ChannelFailure("SMS gateway answered HTTP " + a.status())));
    }

    static String fill(String template, String contentType, String to, String text) {
        boolean json = contentType.toLowerCase().contains("json");
        return template.replace("{to}", escape(to, json)).replace("{text}", escape(text, json));
    }

    private static String escape(String s, boolean json) {
        if (json) {
            String quoted = new JsonObject().put("v", s).encode(); // {"v":"…"}
            return quoted.substring(6, quoted.length() - 2);
        }
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
