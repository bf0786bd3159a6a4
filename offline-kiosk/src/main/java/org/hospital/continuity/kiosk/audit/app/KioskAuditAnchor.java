package org.hospital.continuity.kiosk.audit.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.Optional;
import org.hospital.continuity.kiosk.audit.persistence.AuditLogTable;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.crypto.KioskKey;
import org.hospital.continuity.sync.audit.AuditAnchor;

/**
 * HR-8, HR-9: the kiosk's audit chain anchored outside its table, as the server's is. Every
 * {@code continuity.audit.checkpoint-every} (5 minutes) the head's position and hash are signed (HMAC-SHA256) and appended as
 * one line to {@code <data-dir>/audit/checkpoints.log} and the application log; verification compares the chain with the
 * latest checkpoint, so deleting the newest entries (truncation) or rewriting up to the head shows. The signing key is
 * derived from the kiosk's data key ({@link KioskKey#derive}), which is on disk only wrapped: someone who can write the
 * SQLite file and the checkpoint file still cannot sign a new checkpoint without opening the data key.
 */
@ApplicationScoped
public class KioskAuditAnchor {

    static final String CHAIN = "kiosk";

    private final AuditLogTable table;
    private final KioskKey key;
    private final InstantSource clock;
    private final Path dir;
    private volatile AuditAnchor.Checkpoint last;

    public KioskAuditAnchor(AuditLogTable table, KioskKey key, InstantSource clock, KioskConfig config) {
        this.table = table;
        this.key = key;
        this.clock = clock;
        this.dir = Path.of(config.audit().anchorDir().orElse(Path.of(config.dataDir(), "audit").toString()));
    }

    @Scheduled(identity = "kiosk-audit-checkpoint", every = "{continuity.audit.checkpoint-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            Log.warnf("kiosk audit checkpoint not written: %s", e.getMessage());
        }
    }

    /** Signs the chain's current head and keeps it (file and log); empty for an empty log or while the data key is locked. */
    public synchronized Optional<AuditAnchor.Checkpoint> checkpoint() {
        if (!key.open()) {
            return Optional.empty();
        }
        Optional<AuditLogTable.ChainHead> head = table.head();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        AuditAnchor.Checkpoint previous = last;
        if (previous != null && previous.seq() == head.get().seq() && previous.hash().equals(head.get().hash())) {
            return Optional.of(previous);
        }
        AuditAnchor.Checkpoint c = anchor().sign(CHAIN, head.get().seq(), head.get().hash(), clock.instant());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("checkpoints.log"), c.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Log.info(c.line());
        last = c;
        return Optional.of(c);
    }

    /** The latest checkpoint of this kiosk's chain in the file, or empty. */
    public Optional<AuditAnchor.Checkpoint> latest() {
        Path file = dir.resolve("checkpoints.log");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return AuditAnchor.latest(Files.readAllLines(file, StandardCharsets.UTF_8), CHAIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AuditAnchor.Comparison compare(AuditAnchor.Checkpoint c, long lastSeq, String hashAtCheckpoint) {
        return anchor().compare(c, lastSeq, hashAtCheckpoint);
    }

    private AuditAnchor anchor() {
        return new AuditAnchor(key.derive("kiosk-audit-anchor"));
    }
}
