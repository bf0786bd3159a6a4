package org.hospital.continuity.server.incident.persistence;

import io.quarkus.logging.Log;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * LISTENs on the channel the timeline's insert trigger NOTIFYs at commit (V0302), on a connection of its own,
 * and calls back on every notification and on every (re)subscription (a notification sent while the connection
 * was down is lost, so a reconnection is a reason to look too). The channel carries no data: readers read the
 * timeline by position.
 */
@ApplicationScoped
public class TimelineWakeUps {

    /** The channel of the trigger {@code incident_event_announce}. */
    static final String CHANNEL = "incident_event";

    private final Vertx vertx;
    private final Optional<String> url;
    private final Optional<String> user;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    public TimelineWakeUps(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
                           @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                           @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Starts listening; {@code wake} runs on the event loop, possibly often (it must be cheap and idempotent). */
    public void listen(Runnable wake) {
        if (url.isEmpty()) {
            Log.warn("no datasource URL to listen on: the relay's catch-up poll carries the incident events");
            return;
        }
        String first = url.get().split(",")[0].trim().replaceFirst("^vertx-reactive:", "");
        PgConnectOptions options = PgConnectOptions.fromUri(first);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        // subscribed (again, after a reconnection): look, a notification may have been missed meanwhile
        subscriber.channel(CHANNEL).handler(payload -> wake.run()).subscribeHandler(wake);
        subscriber.connect().subscribe().with(
                v -> Log.debugf("listening for committed incident events on channel %s", CHANNEL),
                e -> Log.warnf("cannot listen for incident events (%s); the relay's catch-up poll carries them", e.getMessage()));
    }

    public void close() {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
