package org.hospital.continuity.kiosk.platform.crypto;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;

/**
 * The per-kiosk data key (AES-256), see docs/security.md "Kiosk at rest".
 *
 * <p>It lives in {@code <data-dir>/kiosk.key} (base64 of 32 random bytes), created on first start
 * with owner-only permissions (0600) and refused if group or others can read it. The key file is
 * kept beside, not inside, the SQLite file: a copied or leaked {@code kiosk.db} (backup, support
 * upload, a stolen disk image of only the database) shows no patient-identifying data. It does not
 * protect against someone holding the whole data folder and the OS account that runs the kiosk.
 */
@ApplicationScoped
public class KioskKey {

    static final String FILE_NAME = "kiosk.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final KioskConfig config;
    private volatile AtRestCipher cipher;

    public KioskKey(KioskConfig config) {
        this.config = config;
    }

    public AtRestCipher cipher() {
        AtRestCipher c = cipher;
        if (c == null) {
            synchronized (this) {
                if (cipher == null) {
                    cipher = new AtRestCipher(new SecretKeySpec(loadOrCreate(Path.of(config.dataDir()).resolve(FILE_NAME)), "AES"));
                }
                c = cipher;
            }
        }
        return c;
    }

    static byte[] loadOrCreate(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    if (posix(file)) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    } else {
                        Files.createFile(file);
                    }
                    Files.write(file, Base64.getEncoder().encode(key), StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                    Log.infof("kiosk data key created: %s", file.toAbsolutePath());
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another starter created it first: read theirs
                }
            }
            if (posix(file)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.stream().anyMatch(p -> !OWNER_ONLY.contains(p))) {
                    throw new IllegalStateException("The kiosk key file " + file.toAbsolutePath()
                            + " is readable by others (" + PosixFilePermissions.toString(perms) + "); chmod 600 it");
                }
            }
            byte[] key = Base64.getDecoder().decode(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim());
            if (key.length != 32) {
                throw new IllegalStateException("The kiosk key file " + file.toAbsolutePath() + " does not hold a 256-bit key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the kiosk key " + file.toAbsolutePath(), e);
        }
    }

    private static boolean posix(Path file) throws IOException {
        return Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
    }
}
