package org.hospital.continuity.kiosk.outbox.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hospital.continuity.kiosk.outbox.config.OutboxConfig;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.Backlog;
import org.hospital.continuity.sync.protocol.EntrySource;
import org.hospital.continuity.sync.protocol.PushPort;
import org.hospital.continuity.sync.protocol.SenderSettings;
import org.hospital.continuity.sync.protocol.SyncSender;
import org.hospital.continuity.sync.protocol.http.JdkPushClient;

/**
 * The kiosk's sync agent: a thin adapter that runs the protocol's {@link SyncSender} over the
 * local journal and the JDK HTTP client. Every {@code continuity.sync.interval} it pushes whatever
 * the server does not hold yet; while the server is unreachable the sender backs off, and the
 * first run after the server answers again drains the backlog, so sync is automatic and the
 * backlog stays small while online. Blocking work, on the scheduler's worker thread.
 */
@ApplicationScoped
public class SyncAgent {

    /** What the banner shows. */
    public record Status(String state, String kioskId, Long serverCursor, long lastSeq, long unsent, Instant oldestUnsentAt,
                         long oldestUnsentAgeSeconds, Instant lastSuccessAt, String lastError, Instant nextAttemptAt) {
    }

    private final JournalSource journal;
    private final OutboxConfig config;
    private final KioskConfig kiosk;
    private final InstantSource clock;
    private final HttpClient http;
    private volatile SyncSender sender;
    private JournalSource.Credential senderCredential;
    private volatile String lastLocalError;

    public SyncAgent(JournalSource journal, OutboxConfig config, KioskConfig kiosk, InstantSource clock) {
        this.journal = journal;
        this.config = config;
        this.kiosk = kiosk;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(Math.min(config.requestTimeoutMillis(), 5_000))).build();
    }

    private final java.util.concurrent.ExecutorService nudges = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sync-on-save");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.atomic.AtomicBoolean nudgePending = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * HIS down, LAN up: a capture is pushed at once (not at the next interval), so another station sees it within a second;
     * captures in quick succession share one push. Off the capturing thread: the person never waits for the network.
     */
    void onAppended(@jakarta.enterprise.event.Observes org.hospital.continuity.kiosk.journal.Appended appended) {
        if (!config.pushOnSave() || !nudgePending.compareAndSet(false, true)) {
            return;
        }
        nudges.execute(() -> {
            nudgePending.set(false);
            try {
                pushNow();
            } catch (RuntimeException e) {
                Log.debugf("push on save: %s", e.getClass().getSimpleName());
            }
        });
    }

    @Scheduled(every = "{continuity.sync.interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = org.hospital.continuity.kiosk.platform.crypto.SkipWhileLocked.class)
    void scheduled() {
        run();
    }

    /** One run: pushes until caught up, not due, or the run's push budget is spent. */
    public synchronized Status run() {
        Optional<SyncSender> current = sender();
        if (current.isEmpty()) {
            return status();
        }
        try {
            SyncSender.Step last = current.get().drain(config.maxPushesPerRun());
            lastLocalError = null;
            if (last instanceof SyncSender.Deferred d) {
                Log.debugf("sync deferred until %s: %s", d.nextAttemptAt(), current.get().status().lastError());
            }
        } catch (RuntimeException e) {
            // the journal could not be read (disk error …): nothing is lost, the next run tries again
            lastLocalError = "The local journal could not be read for sync: " + e.getMessage();
            Log.errorf("sync run failed locally: %s", e.getClass().getSimpleName());
        }
        return status();
    }

    /** Push now, even while backing off (the user pressed "sync now", or connectivity came back). */
    public synchronized Status pushNow() {
        sender().ifPresent(SyncSender::wakeUp);
        return run();
    }

    /** Not synchronized: the banner must answer while a push is on its way (the sender's fields are read as they are). */
    public Status status() {
        SyncSender sender = this.sender;
        JournalSource.Unsent unsent = journal.unsent();
        long lastSeq = journal.lastSeq();
        Instant now = clock.instant();
        long age = unsent.oldestAt() == null ? 0 : Math.max(0, Duration.between(unsent.oldestAt(), now).toSeconds());
        Optional<JournalSource.Credential> credential = journal.credential();
        if (credential.isEmpty()) {
            return new Status("NOT_ENROLLED", null, null, lastSeq, unsent.count(), unsent.oldestAt(), age, null,
                    "This kiosk has no sync credential yet (enrol it first); records stay safe on this kiosk.", null);
        }
        if (sender == null) {
            return new Status("STARTING", credential.get().kioskId(), null, lastSeq, unsent.count(), unsent.oldestAt(), age,
                    null, lastLocalError, null);
        }
        SyncSender.Status s = sender.status();
        return new Status(s.phase().name(), credential.get().kioskId(), s.serverCursor(), lastSeq, unsent.count(),
                unsent.oldestAt(), age, s.lastSuccessAt(), lastLocalError != null ? lastLocalError : s.lastError(),
                s.nextAttemptAt());
    }

    private Optional<SyncSender> sender() {
        Optional<JournalSource.Credential> credential = journal.credential();
        if (credential.isEmpty()) {
            sender = null;
            return Optional.empty();
        }
        if (sender == null || !credential.get().equals(senderCredential)) {
            senderCredential = credential.get();
            PushPort port = new JdkPushClient(http, kiosk.serverUrl(), senderCredential.kioskId(), senderCredential.secret(),
                    Duration.ofMillis(config.requestTimeoutMillis()));
            sender = new SyncSender(new JournalEntries(journal, senderCredential.kioskId()), port, clock,
                    new SenderSettings(config.batchSize(), Duration.ofMillis(config.minBackoffMillis()),
                            Duration.ofMillis(config.maxBackoffMillis())), new SplittableRandom());
            Log.infof("sync agent ready kiosk=%s server=%s", senderCredential.kioskId(), kiosk.serverUrl());
        }
        return Optional.of(sender);
    }

    /** The journal as the protocol's entry source. */
    record JournalEntries(JournalSource journal, String kioskId) implements EntrySource {

        @Override
        public List<JournalEntry> readAfter(long afterSeq, int limit) {
            return journal.readAfter(afterSeq, limit);
        }

        @Override
        public Read readBatch(long afterSeq, int limit) {
            return journal.readBatch(afterSeq, limit);
        }

        @Override
        public Backlog backlog() {
            JournalSource.Unsent u = journal.unsent();
            return new Backlog(u.count(), u.oldestAt(), journal.lastSeq());
        }

        @Override
        public void confirmed(long cursor) {
            long upTo = Math.min(cursor, journal.lastSeq());
            if (upTo > 0) {
                journal.markSent(upTo);
            }
        }
    }
}
