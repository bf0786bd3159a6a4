package org.hospital.continuity.sync.protocol;

/**
 * Constants of the push protocol between a kiosk and the continuity server, version 1.
 *
 * <p>The kiosk POSTs a {@link PushBatch} to {@link #PUSH_PATH} with HTTP Basic credentials
 * ({@code kioskId:secret}). The server stores the entries durably and answers a {@link PushReceipt}
 * whose {@code cursor} is the highest contiguous kiosk sequence it holds for that kiosk. Re-sending
 * is always harmless. 429/503 carry {@code Retry-After} (seconds) and the kiosk waits that long.
 * Every other refusal is RFC 9457 problem+json and nothing of that batch was stored.
 */
public final class SyncProtocol {

    /** The base wire version: every batch without unreadable entries, and every receipt. */
    public static final int VERSION = 1;

    /** The wire version that adds {@link PushBatch#unreadable()} (entries quarantined on the kiosk, reported in their place). */
    public static final int UNREADABLE_VERSION = 2;

    /** The highest wire version this build reads; a batch of a higher version is refused, nothing stored. */
    public static final int MAX_VERSION = UNREADABLE_VERSION;

    /** Where kiosks push. */
    public static final String PUSH_PATH = "/api/sync/v1/push";

    /** Most entries one batch may carry; more is refused with 413 (the kiosk sends smaller batches). */
    public static final int MAX_BATCH_ENTRIES = 2000;

    /** Largest payload of one entry, in UTF-8 bytes. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    /**
     * Highest kiosk sequence (and stream version bound below) a push may carry: 10^12 entries is more than a kiosk journals
     * in centuries; a forged 2^62 would leave a permanent gap above the cursor.
     */
    public static final long MAX_KIOSK_SEQ = 1_000_000_000_000L;

    /** Highest stream version (entries on one record's stream: the record, its voids, corrections and exchanges). */
    public static final int MAX_STREAM_VERSION = 10_000;

    /**
     * How far above the server's cursor (the kiosk's highest contiguous sequence it holds) a pushed sequence may lie:
     * a kiosk sends from its cursor on, at most {@link #MAX_BATCH_ENTRIES} at a time, so this is generous.
     */
    public static final long MAX_SEQ_AHEAD_OF_CURSOR = 100_000;

    /** How far ahead of the server's clock a kiosk's capture time may be (a kiosk clock a little fast). */
    public static final java.time.Duration MAX_CLOCK_AHEAD = java.time.Duration.ofDays(1);

    /** No kiosk captured anything before this (the product did not exist). */
    public static final java.time.Instant EARLIEST_CAPTURE = java.time.Instant.parse("2000-01-01T00:00:00Z");

    private SyncProtocol() {
    }
}
