package org.hospital.continuity.server.readiness.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hospital.continuity.server.notification.NoticeRequest;
import org.hospital.continuity.server.notification.NotificationSettings;
import org.hospital.continuity.server.notification.Notices;
import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.Text;
import org.hospital.continuity.server.readiness.domain.KioskReadiness;
import org.hospital.continuity.server.readiness.persistence.ReadinessStore;

/**
 * Readiness, continuously: every {@code continuity.readiness.every} each kiosk is assessed against the thresholds;
 * a kiosk that turns not ready (or is not ready when first assessed) is reported to IT on duty once, through the
 * notification service (escalating until acknowledged); it is reported again only after it was ready in between.
 */
@ApplicationScoped
public class WatchingReadiness {

    /** One kiosk on the readiness page: its facts and the verdict now. */
    public record Line(KioskReadiness.Facts facts, KioskReadiness.Verdict verdict) {
    }

    private final ReadinessStore store;
    private final ReadinessConfig config;
    private final InstantSource clock;
    private final Notices raising;
    private final GatheringReadinessFacts facts;
    private final NotificationSettings notifications;

    public WatchingReadiness(ReadinessStore store, ReadinessConfig config, InstantSource clock, Notices raising,
                             NotificationSettings notifications, GatheringReadinessFacts facts) {
        this.facts = facts;
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.raising = raising;
        this.notifications = notifications;
    }

    public KioskReadiness.Thresholds thresholds() {
        return new KioskReadiness.Thresholds(config.maxSilence(), config.maxSnapshotAge(), config.minPoolRemaining(),
                config.poolExpiryMargin(), config.maxUnsentAge(), config.maxClockDrift(), config.expectedVersion(), config.requiredPools(),
                config.maxHisDataAge(), config.maxWardReportAge());
    }

    /** Every kiosk with its verdict now (the page), without recording anything. */
    public Uni<List<Line>> lines() {
        Instant now = clock.instant();
        KioskReadiness.Thresholds t = thresholds();
        return facts.facts().map(list -> list.stream().map(f -> new Line(f, KioskReadiness.assess(f, t, now))).toList());
    }

    @Scheduled(every = "${continuity.readiness.every}", delayed = "${continuity.readiness.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return assessAll().onFailure().invoke(e -> Log.warnf("readiness assessment failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Assesses every kiosk, records the verdicts, notifies IT on duty of those that just turned not ready. */
    public Uni<List<Line>> assessAll() {
        Instant now = clock.instant();
        return lines().chain(lines -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            List<Line> turned = new ArrayList<>();
            for (Line l : lines) {
                chain = chain.chain(() -> store.verdict(l.verdict(), now).invoke(t -> {
                    if (t) {
                        turned.add(l);
                    }
                })).replaceWithVoid();
            }
            return chain.chain(() -> notify(turned, now)).replaceWith(lines);
        });
    }

    private Uni<Void> notify(List<Line> turned, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Line l : turned) {
            Map<String, Text> params = new HashMap<>();
            params.put("kiosk", Text.plain(l.facts().name() + " " + l.facts().kioskId()));
            params.put("department", Text.plain(l.facts().department()));
            params.put("problems", new Text(l.verdict().problems().stream().map(KioskReadiness.Problem::zh).collect(Collectors.joining(";")),
                    l.verdict().problems().stream().map(KioskReadiness.Problem::en).collect(Collectors.joining("; "))));
            params.put("readinessLink", Text.plain(notifications.publicBaseUrl().replaceAll("/+$", "") + "/readiness"));
            NoticeRequest r = new NoticeRequest(null, NoticeKind.KIOSK_NOT_READY, "IT_ON_DUTY", params,
                    "readiness|" + l.facts().kioskId() + "|" + now);
            chain = chain.chain(() -> raising.raise(r).invoke(id -> Log.infof("kiosk %s not ready (%s): IT on duty told, notification=%s",
                    l.facts().kioskId(), l.verdict().problems().stream().map(KioskReadiness.Problem::code).collect(Collectors.joining(",")), id))
                    .onFailure().invoke(e -> Log.warnf("kiosk %s not ready, notification failed: %s", l.facts().kioskId(), e.getMessage()))
                    .onFailure().recoverWithNull().replaceWithVoid());
        }
        return chain;
    }
}
