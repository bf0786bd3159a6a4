package org.hospital.continuity.server.notification.integration;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Map;
import org.hospital.continuity.server.notification.app.ChannelFailure;
import org.hospital.continuity.server.notification.app.ChannelSender;
import org.hospital.continuity.server.notification.NotificationSettings;
import org.hospital.continuity.server.notification.app.Outgoing;
import org.hospital.continuity.server.notification.domain.Channel;

/**
 * The group-robot webhooks hospitals use: WeCom (企业微信) and DingTalk (钉钉) markdown messages. A delivery's
 * address is the robot's configured name; its URL and secret come from configuration. Both APIs answer
 * HTTP 200 with {@code {"errcode":0}} on success; any other errcode is a failure with its errmsg.
 */
public final class RobotChannels {

    private RobotChannels() {
    }

    static NotificationSettings.Robot robot(NotificationSettings settings, Channel kind, String name) {
        NotificationSettings.Robot r = settings.robot().get(name);
        if (r == null || r.kind() != kind) {
            throw new ChannelFailure("no " + kind + " robot named '" + name + "' is configured");
        }
        return r;
    }

    static Uni<Void> checkAnswer(WebhookClient.Answer a) {
        if (!a.ok()) {
            return Uni.createFrom().failure(new ChannelFailure("robot answered HTTP " + a.status()));
        }
        try {
            JsonObject o = new JsonObject(a.body());
            int code = o.getInteger("errcode", -1);
            if (code != 0) {
                return Uni.createFrom().failure(new ChannelFailure("robot errcode " + code + ": " + o.getString("errmsg", "")));
            }
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new ChannelFailure("robot answer is not JSON"));
        }
        return Uni.createFrom().voidItem();
    }

    /** WeCom group robot: {@code {"msgtype":"markdown","markdown":{"content":…}}}. */
    @ApplicationScoped
    public static class WeCom implements ChannelSender {
        private final NotificationSettings settings;
        private final WebhookClient client;

        public WeCom(NotificationSettings settings, WebhookClient client) {
            this.settings = settings;
            this.client = client;
        }

        @Override
        public Channel channel() {
            return Channel.WECOM;
        }

        @Override
        public Uni<Void> send(Outgoing m) {
            NotificationSettings.Robot r = robot(settings, Channel.WECOM, m.address());
            String content = "**" + m.subject() + "**\n" + m.body();
            JsonObject body = new JsonObject().put("msgtype", "markdown").put("markdown", new JsonObject().put("content", content));
            return client.post(r.url(), "application/json; charset=utf-8", body.encode(), Map.of()).chain(RobotChannels::checkAnswer);
        }
    }

    /** DingTalk group robot: markdown with a title; signed with timestamp and HmacSHA256 when a secret is set. */
    @ApplicationScoped
    public static class DingTalk implements ChannelSender {
        private final NotificationSettings settings;
        private final WebhookClient client;
        private final InstantSource clock;

        public DingTalk(NotificationSettings settings, WebhookClient client, InstantSource clock) {
            this.settings = settings;
            this.client = client;
            this.clock = clock;
        }

        @Override
        public Channel channel() {
            return Channel.DINGTALK;
        }

        @Override
        public Uni<Void> send(Outgoing m) {
            NotificationSettings.Robot r = robot(settings, Channel.DINGTALK, m.address());
            String url = r.secret().map(s -> DingTalkSignature.signedUrl(r.url(), clock.millis(), s)).orElse(r.url());
            // DingTalk markdown needs a blank line between paragraphs
            String text = "#### " + m.subject() + "\n\n" + m.body().replace("\n", "\n\n");
            JsonObject body = new JsonObject().put("msgtype", "markdown")
                    .put("markdown", new JsonObject().put("title", m.subject()).put("text", text));
            return client.post(url, "application/json; charset=utf-8", body.encode(), Map.of()).chain(RobotChannels::checkAnswer);
        }
    }
}
