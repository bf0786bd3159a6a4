package org.hospital.continuity.sync.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The hash chain of an audit log (HR-8, HR-9: no silent edits). Each entry's hash covers the previous
 * entry's hash and every field of the entry, each length-prefixed, so changing, removing, inserting or
 * reordering any entry breaks the chain at that point. Plain Java: the server and the kiosk compute it the
 * same way, and the server re-checks kiosk chains.
 */
public final class AuditChain {

    /** The previous hash of the first entry of a chain. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /**
     * SHA-256 (hex) of prevHash and every field of the entry except its own hash, then the extra fields (the
     * server adds where a kiosk entry came from and the kiosk's own hashes).
     */
    public static String hash(AuditRecord r, String... extra) {
        MessageDigest sha = sha256();
        field(sha, Objects.requireNonNull(r.prevHash(), "prevHash"));
        field(sha, Long.toString(r.seq()));
        field(sha, r.id().toString());
        long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, r.at());
        field(sha, Long.toString(micros));
        field(sha, r.actor());
        field(sha, r.actorKind());
        field(sha, r.action());
        field(sha, r.category());
        field(sha, r.outcome());
        field(sha, r.source());
        field(sha, r.recordType());
        field(sha, r.recordId());
        field(sha, r.detail());
        for (String e : extra) {
            field(sha, e == null ? "" : e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Where a chain breaks: the position and why. */
    public record Break(long seq, String reason) {
    }

    /**
     * Walks a chain in order. Feed every entry to {@link #next}; the first break is kept (later entries are
     * still counted).
     */
    public static final class Walker {
        private long expectedSeq = 1;
        private String lastHash = GENESIS;
        private long count;
        private Break firstBreak;

        public Walker() {
        }

        /** Resumes after an entry already verified (e.g. the last kiosk entry the server holds). */
        public Walker(long lastSeq, String lastHash) {
            this.expectedSeq = lastSeq + 1;
            this.lastHash = lastHash;
        }

        public Optional<Break> next(AuditRecord r, String... extra) {
            count++;
            Break b = null;
            if (r.seq() != expectedSeq) {
                b = new Break(r.seq(), "expected entry " + expectedSeq + " but found " + r.seq() + " (an entry is missing or inserted)");
            } else if (!lastHash.equals(r.prevHash())) {
                b = new Break(r.seq(), "the previous-hash does not match the entry before it (an earlier entry was changed or removed)");
            } else if (!hash(r, extra).equals(r.hash())) {
                b = new Break(r.seq(), "the entry's content does not match its hash (the entry was changed)");
            }
            expectedSeq = r.seq() + 1;
            lastHash = r.hash() == null ? "" : r.hash();
            if (b != null && firstBreak == null) {
                firstBreak = b;
            }
            return Optional.ofNullable(b);
        }

        public long count() {
            return count;
        }

        public Optional<Break> firstBreak() {
            return Optional.ofNullable(firstBreak);
        }

        public String lastHash() {
            return lastHash;
        }

        public long lastSeq() {
            return expectedSeq - 1;
        }
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
