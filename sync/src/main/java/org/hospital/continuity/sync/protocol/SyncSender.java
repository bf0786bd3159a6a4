package org.hospital.continuity.sync.protocol;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.hospital.continuity.sync.envelope.JournalEntry;

/**
 * The kiosk's sender as a plain state machine, driven by an injected clock and an HTTP port.
 * Not thread-safe: one caller (the kiosk's scheduled job) steps it.
 *
 * <p>Rules: it starts with an empty push (a handshake that reports the backlog and learns the
 * server's cursor); it always sends from the server's last cursor + 1, so after any failure it
 * resumes where the server stands and re-sends are no-ops; a failed push backs off exponentially
 * with jitter; a 429/503 waits exactly the Retry-After; any other refusal waits the longest backoff
 * and is shown, never silently dropped.
 */
public final class SyncSender {

    /** What the sender is doing, for the kiosk banner. */
    public enum Phase { STARTING, PUSHING, CAUGHT_UP, BACKING_OFF, THROTTLED, REFUSED }

    /** The result of one {@link #step()}. */
    public sealed interface Step {
    }

    /** Not due yet (backing off or throttled). */
    public record NotDue(Instant nextAttemptAt) implements Step {
    }

    /** Nothing to send: the server holds everything. */
    public record CaughtUp(long cursor) implements Step {
    }

    /** A push was answered 200. */
    public record Pushed(int sent, PushReceipt receipt) implements Step {
    }

    /** A push did not go through; {@code nextAttemptAt} says when the sender tries again. */
    public record Deferred(PushPort.Outcome outcome, Instant nextAttemptAt) implements Step {
    }

    /** A snapshot for the banner and the health check. */
    public record Status(Phase phase, Long serverCursor, Backlog backlog, Instant lastSuccessAt, String lastError,
                         Instant nextAttemptAt, int consecutiveFailures) {
    }

    private final EntrySource source;
    private final PushPort port;
    private final InstantSource clock;
    private final SenderSettings settings;
    private final RandomGenerator jitter;

    private Long serverCursor;
    private Phase phase = Phase.STARTING;
    private Instant nextAttemptAt = Instant.MIN;
    private Instant lastSuccessAt;
    private String lastError;
    private int failures;
    private Backlog lastBacklog = Backlog.EMPTY;

    public SyncSender(EntrySource source, PushPort port, InstantSource clock, SenderSettings settings, RandomGenerator jitter) {
        this.source = Objects.requireNonNull(source);
        this.port = Objects.requireNonNull(port);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.jitter = Objects.requireNonNull(jitter);
    }

    /** At most one push, if one is due. */
    public Step step() {
        Instant now = clock.instant();
        if (now.isBefore(nextAttemptAt)) {
            return new NotDue(nextAttemptAt);
        }
        EntrySource.Read read = serverCursor == null ? new EntrySource.Read(List.of(), List.of())
                : source.readBatch(serverCursor, settings.batchSize());
        List<JournalEntry> entries = read.entries();
        if (serverCursor != null && read.isEmpty()) {
            phase = Phase.CAUGHT_UP;
            lastBacklog = source.backlog();
            return new CaughtUp(serverCursor);
        }
        lastBacklog = source.backlog();
        phase = Phase.PUSHING;
        PushPort.Outcome outcome = port.push(PushBatch.of(source.kioskId(), UUID.randomUUID(), lastBacklog, entries, read.unreadable()));
        Instant after = clock.instant();
        if (outcome instanceof PushPort.Stored stored) {
            PushReceipt receipt = stored.receipt();
            serverCursor = receipt.cursor();
            failures = 0;
            lastSuccessAt = after;
            nextAttemptAt = Instant.MIN;
            lastError = receipt.rejected() > 0 ? receipt.rejected() + " entries refused by the server as conflicting: "
                    + receipt.rejections().get(0).detail() : null;
            if (receipt.cursor() > lastBacklog.lastSeq()) {
                // the server holds more of this kiosk's journal than the kiosk: restored from an older copy?
                lastError = "The server holds this kiosk's entries up to " + receipt.cursor() + " but the kiosk's journal ends at "
                        + lastBacklog.lastSeq() + "; was the kiosk restored from an older copy? Tell IT before capturing more.";
            }
            try {
                source.confirmed(receipt.cursor());
            } catch (RuntimeException e) {
                lastError = "Could not mark entries as sent locally (" + e.getMessage() + "); they stay safe and will be confirmed again.";
            }
            return new Pushed(entries.size(), receipt);
        }
        if (outcome instanceof PushPort.Throttled throttled) {
            phase = Phase.THROTTLED;
            Duration wait = throttled.retryAfter().isNegative() ? settings.minBackoff() : throttled.retryAfter();
            nextAttemptAt = after.plus(wait).plusMillis(jitter.nextLong(0, 1 + wait.toMillis() / 10));
            lastError = "Server busy (" + throttled.status() + "); retrying after " + wait.toMillis() + " ms.";
            return new Deferred(outcome, nextAttemptAt);
        }
        if (outcome instanceof PushPort.Refused refused) {
            phase = Phase.REFUSED;
            failures++;
            nextAttemptAt = after.plus(settings.maxBackoff());
            lastError = "Server refused the push (" + refused.status() + "): "
                    + (refused.problem() == null ? "no detail" : refused.problem().detail());
            return new Deferred(outcome, nextAttemptAt);
        }
        PushPort.Failed failed = (PushPort.Failed) outcome;
        phase = Phase.BACKING_OFF;
        failures++;
        nextAttemptAt = after.plus(backoff(failures));
        lastError = "Server not reached: " + failed.reason();
        return new Deferred(outcome, nextAttemptAt);
    }

    /**
     * Pushes until caught up, not due, or {@code maxPushes} pushes were made. Returns the last step.
     */
    public Step drain(int maxPushes) {
        Step last = step();
        int pushes = 1;
        while (last instanceof Pushed && pushes < maxPushes) {
            last = step();
            pushes++;
        }
        return last;
    }

    /** The wait after the n-th consecutive failure: min·2^(n-1), capped, with "equal jitter" (half fixed, half random). */
    Duration backoff(int n) {
        long min = Math.max(1, settings.minBackoff().toMillis());
        long cap = settings.maxBackoff().toMillis();
        long exp = n >= 31 ? cap : Math.min(cap, min << Math.min(30, n - 1));
        long half = exp / 2;
        return Duration.ofMillis(half + jitter.nextLong(0, half + 1));
    }

    /** Forget the server's cursor: the next step starts with a handshake (e.g. the server URL changed). */
    public void resetCursor() {
        serverCursor = null;
        phase = Phase.STARTING;
    }

    /** Try at once, even while backing off (e.g. connectivity just came back). */
    public void wakeUp() {
        nextAttemptAt = Instant.MIN;
    }

    public Status status() {
        return new Status(phase, serverCursor, lastBacklog, lastSuccessAt, lastError,
                nextAttemptAt.equals(Instant.MIN) ? null : nextAttemptAt, failures);
    }
}
