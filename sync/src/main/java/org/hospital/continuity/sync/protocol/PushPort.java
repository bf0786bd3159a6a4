package org.hospital.continuity.sync.protocol;

import java.time.Duration;
import org.hospital.continuity.sync.wire.Problem;

/** The sender's way to the server: one HTTP push, its outcome as a value (never an exception). */
@FunctionalInterface
public interface PushPort {

    Outcome push(PushBatch batch);

    sealed interface Outcome {
    }

    /** 200: the batch is durably stored (or was already). */
    record Stored(PushReceipt receipt) implements Outcome {
    }

    /** 429/503 with Retry-After: the server asks the kiosk to slow down. */
    record Throttled(int status, Duration retryAfter) implements Outcome {
    }

    /** Any other 4xx: this batch will not be accepted as it is (credential revoked, malformed …). */
    record Refused(int status, Problem problem) implements Outcome {
    }

    /** No answer, a timeout, a dropped connection or a 5xx: unknown whether stored; re-sending is safe. */
    record Failed(String reason) implements Outcome {
    }
}
