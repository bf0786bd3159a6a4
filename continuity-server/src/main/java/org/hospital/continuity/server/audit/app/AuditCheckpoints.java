package org.hospital.continuity.server.audit.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import org.hospital.continuity.server.audit.persistence.AuditStore;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;
import org.hospital.continuity.sync.audit.AuditAnchor;

/**
 * HR-8: the audit chain anchored outside its table. Every {@code continuity.audit.checkpoint-every} (and on demand) the
 * chain's head — position and hash — is signed with HMAC-SHA256 under a key that is not in the database
 * ({@code continuity.audit.anchor-key}, base64, from the environment; else {@code anchor.key}, created owner-only in the
 * anchor folder) and appended to {@code <anchor folder>/checkpoints.log}, and written to the application log as one line
 * without patient data. Verification compares the chain with the latest checkpoint, so deleting the newest entries (or
 * rewriting them with every later hash) shows. The anchor folder is {@code continuity.audit.anchor-dir}, by default
 * {@code <continuity.data-dir>/audit}.
 */
@ApplicationScoped
public class AuditCheckpoints {

    public static final String SERVER_CHAIN = "server";

    private final AuditStore store;
    private final InstantSource clock;
    private final Path dir;
    private final Optional<String> configuredKey;
    private volatile AuditAnchor anchor;
    private volatile AuditAnchor.Checkpoint last;

    public AuditCheckpoints(AuditStore store, InstantSource clock, AuditConfig config, ContinuityServerConfig server) {
        this.store = store;
        this.clock = clock;
        this.dir = Path.of(config.anchorDir().orElse(Path.of(server.dataDir(), "audit").toString()));
        this.configuredKey = config.anchorKey().filter(k -> !k.isBlank());
    }

    @Scheduled(identity = "audit-checkpoint", every = "${continuity.audit.checkpoint-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return checkpoint().onFailure().invoke(e -> Log.errorf(e, "audit checkpoint not written")).onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Signs the chain's current head and keeps it (file and log); the one already kept when the head has not moved. */
    public Uni<AuditAnchor.Checkpoint> checkpoint() {
        return store.head().emitOn(Infrastructure.getDefaultWorkerPool()).map(head -> {
            if (head == null) {
                return null;
            }
            AuditAnchor.Checkpoint previous = last;
            if (previous != null && previous.seq() == head.seq() && previous.hash().equals(head.hash())) {
                return previous;
            }
            AuditAnchor.Checkpoint c = anchor().sign(SERVER_CHAIN, head.seq(), head.hash(), clock.instant());
            append(c);
            last = c;
            return c;
        });
    }

    /** The latest checkpoint of the server's chain kept in the file, or empty (none yet, or no file). */
    public Optional<AuditAnchor.Checkpoint> latest() {
        Path file = dir.resolve("checkpoints.log");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return AuditAnchor.latest(Files.readAllLines(file, StandardCharsets.UTF_8), SERVER_CHAIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares the chain (its last position, and the hash it holds at the checkpoint's position) with a checkpoint. */
    public AuditAnchor.Comparison compare(AuditAnchor.Checkpoint c, long lastSeq, String hashAtCheckpoint) {
        return anchor().compare(c, lastSeq, hashAtCheckpoint);
    }

    private synchronized void append(AuditAnchor.Checkpoint c) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("checkpoints.log"), c.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the same line in the application log (shipped off the machine where the hospital does so): no patient data
        Log.info(c.line());
    }

    private AuditAnchor anchor() {
        AuditAnchor a = anchor;
        if (a == null) {
            synchronized (this) {
                if (anchor == null) {
                    anchor = new AuditAnchor(key());
                }
                a = anchor;
            }
        }
        return a;
    }

    /** The configured key, else the key file (created once, owner-only). Never in the database, never logged. */
    private byte[] key() {
        if (configuredKey.isPresent()) {
            return Base64.getDecoder().decode(configuredKey.get().trim());
        }
        Path file = dir.resolve("anchor.key");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return Base64.getDecoder().decode(Files.readString(file).trim());
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
                return key;
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of the key file and the checkpoints (for the docs and tests). */
    public Path dir() {
        return dir;
    }
}
