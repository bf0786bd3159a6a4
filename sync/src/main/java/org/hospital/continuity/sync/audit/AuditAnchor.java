package org.hospital.continuity.sync.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An anchor of an audit chain kept outside its table (HR-8): a periodic checkpoint of the chain's head (position and
 * hash) signed with HMAC-SHA256 under a key that is not in the database. A chain whose newest entries were deleted (or
 * rewritten with every later hash recomputed) no longer reaches the checkpoint, or has another hash there: verification
 * names it. The checkpoint line carries no patient data (positions, hashes, a time) and is written both to a file and to
 * the application log.
 */
public final class AuditAnchor {

    /** One signed checkpoint: the chain ({@code server} or a kiosk), its head's position and hash, when, and the MAC. */
    public record Checkpoint(String chain, long seq, String hash, Instant at, String mac) {

        /** The line written to the checkpoint file and the log. */
        public String line() {
            return "audit-checkpoint chain=" + chain + " seq=" + seq + " head=" + hash + " at=" + at + " mac=" + mac;
        }
    }

    /** What comparing a chain with its checkpoint found; {@code reason} is null when the chain holds the checkpoint. */
    public record Comparison(Checkpoint checkpoint, boolean signatureValid, String reason) {
        public boolean holds() {
            return reason == null;
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "audit-checkpoint chain=(\\S{1,100}) seq=(\\d{1,18}) head=([0-9a-f]{64}) at=(\\S{1,40}) mac=([0-9a-f]{64})");

    private final byte[] key;

    /** @param key the HMAC key, at least 32 bytes, kept outside the database */
    public AuditAnchor(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the audit anchor key needs at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** Signs the head of a chain. */
    public Checkpoint sign(String chain, long seq, String hash, Instant at) {
        return new Checkpoint(chain, seq, hash, at, mac(chain, seq, hash, at));
    }

    /** True when the checkpoint's MAC is this key's over its fields. */
    public boolean valid(Checkpoint c) {
        return MessageDigest.isEqual(mac(c.chain(), c.seq(), c.hash(), c.at()).getBytes(StandardCharsets.US_ASCII),
                c.mac().getBytes(StandardCharsets.US_ASCII));
    }

    /** A checkpoint line as written by {@link Checkpoint#line()} (anywhere in a longer log line), or empty. */
    public static Optional<Checkpoint> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Checkpoint(m.group(1), Long.parseLong(m.group(2)), m.group(3), Instant.parse(m.group(4)), m.group(5)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The latest signed checkpoint of {@code chain} among the lines (a file's lines, oldest first), or empty. */
    public static Optional<Checkpoint> latest(List<String> lines, String chain) {
        Checkpoint last = null;
        for (String l : lines) {
            Optional<Checkpoint> c = parse(l);
            if (c.isPresent() && c.get().chain().equals(chain) && (last == null || c.get().seq() >= last.seq())) {
                last = c.get();
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * Compares a chain with a checkpoint: the chain must reach the checkpoint's position ({@code lastSeq}) and hold the
     * checkpoint's hash there ({@code hashAtCheckpoint}, null when the chain does not reach it); the MAC must be this key's.
     */
    public Comparison compare(Checkpoint c, long lastSeq, String hashAtCheckpoint) {
        boolean signed = valid(c);
        if (!signed) {
            return new Comparison(c, false, "the checkpoint at position " + c.seq() + " is not signed with this server's key "
                    + "(altered or forged)");
        }
        if (lastSeq < c.seq()) {
            return new Comparison(c, true, "truncated: the log ends at position " + lastSeq + ", but a signed checkpoint of "
                    + c.at() + " recorded position " + c.seq() + " (" + (c.seq() - lastSeq) + " newest entries missing)");
        }
        if (!c.hash().equals(hashAtCheckpoint)) {
            return new Comparison(c, true, "rewritten: the entry at position " + c.seq() + " no longer has the hash the signed "
                    + "checkpoint of " + c.at() + " recorded");
        }
        return new Comparison(c, true, null);
    }

    private String mac(String chain, long seq, String hash, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] out = mac.doFinal(("audit-checkpoint/1\n" + chain + "\n" + seq + "\n" + hash + "\n" + at)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
