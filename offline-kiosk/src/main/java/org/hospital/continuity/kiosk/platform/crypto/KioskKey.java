package org.hospital.continuity.kiosk.platform.crypto;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;

/**
 * The per-kiosk data key (AES-256), see docs/security.md "Kiosk at rest" and "Key handling".
 *
 * <p>It is held in memory while the kiosk runs. On disk ({@code <data-dir>/kiosk.key}, owner-only 0600, refused if
 * group or others can read it) an enrolled kiosk keeps it only <b>wrapped</b> ({@link KeyFile}): under the key the server
 * holds for this kiosk, asked for with the kiosk's credential at start and while online, and under a key derived from
 * the password of each person who signed in here within the offline period ({@code continuity.key.offline-period}), so
 * that a kiosk restarted while the server is unreachable opens at the first sign-in of such a person. Until then the data
 * pages answer 503 {@code kiosk-locked}. A kiosk before enrolment (no patient data) and a kiosk not yet migrated keep the
 * clear form until their next contact with the server ({@link #wrapWithServer}).
 */
@ApplicationScoped
public class KioskKey {

    static final String FILE_NAME = "kiosk.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final KioskConfig config;
    private final WrappingKeySource server;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] dataKey;
    private volatile AtRestCipher cipher;
    private volatile Instant lastServerTry;
    private final java.util.List<Runnable> onOpened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean wasLocked;

    public KioskKey(KioskConfig config, WrappingKeySource server, InstantSource clock) {
        this.config = config;
        this.server = server;
        this.clock = clock;
    }

    /** The cipher of the data key; 503 {@code kiosk-locked} while the wrapped key could not be opened yet. */
    public AtRestCipher cipher() {
        AtRestCipher c = cipher;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (cipher == null) {
                openFromDisk();
            }
            if (cipher == null) {
                wasLocked = true;
                throw new KioskRejection(503, "kiosk-locked", "HR-12", "error.kiosk.locked", List.of());
            }
            return cipher;
        }
    }

    /**
     * A 256-bit key for {@code purpose} derived from the data key (HMAC-SHA256 of the purpose under the data key): a secret
     * that exists only while the data key is open (the kiosk's audit anchor signs with one). 503 {@code kiosk-locked} while locked.
     */
    public byte[] derive(String purpose) {
        cipher();
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dataKey, "HmacSHA256"));
            return mac.doFinal(("continuity-kiosk/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** {@code action} runs each time the key opens after the kiosk was locked (a feature reloads what it could not read). */
    public void whenOpened(Runnable action) {
        onOpened.add(action);
    }

    /** Whether the data key is open in memory (else the kiosk waits for the server or a person's sign-in). */
    public boolean open() {
        if (cipher != null) {
            return true;
        }
        try {
            cipher();
            return true;
        } catch (KioskRejection locked) {
            return false;
        }
    }

    /** Whether the key file holds the data key only wrapped (never in clear). */
    public boolean wrappedOnDisk() {
        Path file = file();
        return Files.exists(file) && read(file).wrapped();
    }

    /**
     * A person signed in with this password (already verified): a locked kiosk opens with their wrap when they signed in
     * here within the offline period; an open kiosk keeps (or renews) a wrap for them, ending after the offline period.
     */
    public synchronized void signedIn(String accountId, char[] password) {
        Path file = file();
        if (!Files.exists(file)) {
            return;
        }
        KeyFile kf = read(file);
        if (!kf.wrapped()) {
            return;
        }
        Instant now = clock.instant();
        if (cipher == null) {
            Optional<byte[]> key = kf.openWithPerson(accountId, password, now);
            if (key.isEmpty()) {
                Log.infof("kiosk data key still locked: account=%s has no current wrap here", accountId);
                return;
            }
            wasLocked = true;
            use(key.get());
            Log.infof("kiosk data key opened by a sign-in account=%s (server unreachable)", accountId);
        }
        Duration period = config.key().offlinePeriod();
        Optional<KeyFile.PersonWrap> current = kf.person(accountId);
        boolean fresh = current.isPresent() && current.get().notAfter().isAfter(now.plus(period.multipliedBy(9).dividedBy(10)));
        if (!fresh) {
            write(file, kf.withPerson(dataKey, accountId, password, config.key().personIterations(), now, now.plus(period), random));
        }
    }

    /**
     * Wraps the data key with the server's key for this kiosk (migrating a clear key file: the clear key is overwritten
     * and replaced), keeping the people's current wraps; nothing changes when the file already holds that wrap. False
     * when the server did not answer or the key is not open.
     */
    public synchronized boolean wrapWithServer(String kioskId, String serverUrl, String credential) {
        if (cipher == null) {
            return false;
        }
        Optional<byte[]> kek = server.fetch(serverUrl, kioskId, credential);
        if (kek.isEmpty()) {
            return false;
        }
        Path file = file();
        KeyFile kf = read(file);
        Instant now = clock.instant();
        if (kf.wrapped()) {
            KeyFile.ServerWrap s = kf.server().orElseThrow();
            if (s.kioskId().equals(kioskId) && s.serverUrl().equals(serverUrl) && s.credential().equals(credential)
                    && kf.openWithServer(kek.get()).isPresent()) {
                KeyFile pruned = kf.withoutExpired(now);
                if (pruned.persons().size() != kf.persons().size()) {
                    write(file, pruned);
                }
                return true;
            }
        }
        List<KeyFile.PersonWrap> keep = kf.wrapped() ? kf.withoutExpired(now).persons() : List.of();
        write(file, KeyFile.wrappedForServer(dataKey, kek.get(), kioskId, serverUrl, credential, keep));
        Log.infof("kiosk data key wrapped with the server's key for kiosk=%s (no clear key on disk)", kioskId);
        return true;
    }

    private void openFromDisk() {
        Path file = file();
        if (!Files.exists(file)) {
            byte[] key = create(file);
            use(key);
            return;
        }
        KeyFile kf = read(file);
        if (!kf.wrapped()) {
            use(kf.clearKey().orElseThrow());
            return;
        }
        Instant now = clock.instant();
        if (lastServerTry != null && now.isBefore(lastServerTry.plus(config.key().serverRetry()))) {
            return;
        }
        lastServerTry = now;
        KeyFile.ServerWrap s = kf.server().orElseThrow();
        Optional<byte[]> key = server.fetch(s.serverUrl(), s.kioskId(), s.credential()).flatMap(kf::openWithServer);
        if (key.isPresent()) {
            use(key.get());
            Log.infof("kiosk data key opened with the server's key for kiosk=%s", s.kioskId());
        } else {
            Log.warnf("kiosk data key locked: the server did not release its key; a person who signed in here within %s opens it",
                    config.key().offlinePeriod());
        }
    }

    private void use(byte[] key) {
        dataKey = key.clone();
        cipher = new AtRestCipher(new SecretKeySpec(dataKey, "AES"));
        if (wasLocked) {
            wasLocked = false;
            for (Runnable r : onOpened) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    Log.warnf("after the kiosk data key opened: %s", e.getMessage());
                }
            }
        }
    }

    private Path file() {
        return Path.of(config.dataDir()).resolve(FILE_NAME);
    }

    private static byte[] create(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                createOwnerOnly(file);
                Files.write(file, Base64.getEncoder().encode(key), StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                Log.infof("kiosk data key created: %s", file.toAbsolutePath());
                return key;
            } catch (FileAlreadyExistsException raced) {
                return read(file).clearKey().orElseThrow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the kiosk key " + file.toAbsolutePath(), e);
        }
    }

    static KeyFile read(Path file) {
        try {
            if (posix(file)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.stream().anyMatch(p -> !OWNER_ONLY.contains(p))) {
                    throw new IllegalStateException("The kiosk key file " + file.toAbsolutePath()
                            + " is readable by others (" + PosixFilePermissions.toString(perms) + "); chmod 600 it");
                }
            }
            return KeyFile.parse(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the kiosk key " + file.toAbsolutePath(), e);
        }
    }

    /** Replaces the key file atomically; a clear key in the old file is overwritten first (best effort on journaling disks). */
    static void write(Path file, KeyFile next) {
        Path tmp = file.resolveSibling(FILE_NAME + ".new");
        try {
            Files.deleteIfExists(tmp);
            createOwnerOnly(tmp);
            Files.writeString(tmp, next.format(), StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            if (Files.exists(file) && !read(file).wrapped() && next.wrapped()) {
                // the clear key: keep it aside until the wrapped file is in place, then overwrite and delete it
                Path old = file.resolveSibling(FILE_NAME + ".old");
                Files.move(file, old, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.write(old, new byte[(int) Files.size(old)], StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                Files.delete(old);
                return;
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the kiosk key " + file.toAbsolutePath(), e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (posix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
    }

    private static boolean posix(Path file) throws IOException {
        return Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
    }
}
