package org.hospital.continuity.server.notification;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hospital.continuity.server.notification.domain.Channel;
import org.hospital.continuity.server.notification.domain.EscalationPolicy;
import org.hospital.continuity.server.notification.domain.RetryPolicy;

/**
 * Settings of the notifications ({@code continuity.notification.*}). Webhook URLs, robot secrets and
 * gateway credentials come from the environment, never from the repository.
 */
@StaticInitSafe
@ConfigMapping(prefix = "continuity.notification")
public interface NotificationSettings {

    /** The address people open: acknowledgement links and the board link in messages. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /**
     * How often the outbox is worked (escalations, then due deliveries); {@code off} disables the schedule
     * (tests drive it with a controllable clock). Read by the scheduler from this key.
     */
    @WithDefault("5s")
    String dispatchEvery();

    /** The hospital's time zone, for the times written in messages. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How many due deliveries one dispatcher run claims. */
    @WithDefault("20")
    int batchSize();

    /** How long a claimed delivery is reserved for its sender; after that another instance may take it. */
    @WithDefault("60s")
    Duration lease();

    /** How many messages of one channel are sent at the same time (channels themselves run in parallel). */
    @WithDefault("4")
    int concurrencyPerChannel();

    /** One send that has not answered after this is a failure (a hanging channel never blocks the others). */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Sender id written on claimed rows (defaults to a random id per process). */
    Optional<String> instanceId();

    Retry retry();

    Escalation escalation();

    Sms sms();

    /** Group robots by name: {@code continuity.notification.robot.it-group.kind=DINGTALK} … */
    Map<String, Robot> robot();

    /** Failed sends are retried with exponential backoff. */
    interface Retry {
        @WithDefault("30s")
        Duration firstDelay();

        @WithDefault("10m")
        Duration maxDelay();

        @WithDefault("8")
        int maxAttempts();

        default RetryPolicy policy() {
            return new RetryPolicy(firstDelay(), maxDelay(), maxAttempts());
        }
    }

    /** "Call until reached": repeat every N minutes, then the next tier of the chain. */
    interface Escalation {
        @WithDefault("5m")
        Duration repeatEvery();

        @WithDefault("2")
        int roundsPerTier();

        default EscalationPolicy policy() {
            return new EscalationPolicy(repeatEvery(), roundsPerTier());
        }
    }

    /**
     * A generic SMS gateway (e.g. a cellular gateway that works without the hospital network). The template
     * is the request body; {@code {to}} and {@code {text}} are filled in, escaped for the content type
     * (JSON string escaping for JSON, URL encoding for form bodies).
     */
    interface Sms {
        Optional<String> url();

        @WithDefault("{\"to\":\"{to}\",\"text\":\"{text}\"}")
        String template();

        @WithDefault("application/json")
        String contentType();

        /** Sent as the Authorization header when set. */
        Optional<String> authorization();
    }

    /** A WeCom or DingTalk group robot and the parties whose notifications it posts. */
    interface Robot {
        Channel kind();

        /** The robot's webhook URL (with its access token / key). */
        String url();

        /** DingTalk "加签" secret: requests are signed with HmacSHA256 when set. */
        Optional<String> secret();

        /** Party codes (LEADERSHIP_GROUP, IT_ON_DUTY, PHARMACY …) or {@code ALL}. */
        List<String> parties();
    }
}
