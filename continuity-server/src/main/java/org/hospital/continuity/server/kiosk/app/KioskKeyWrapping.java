package org.hospital.continuity.server.kiosk.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hospital.continuity.server.platform.config.ContinuityServerConfig;

/**
 * The key each kiosk's data key is wrapped with (docs/security.md "Kiosk at rest"): the server holds it, the kiosk keeps
 * only the wrapped form on its disk and asks for this key with its credential at start and while online. It is derived
 * per kiosk, {@code HMAC-SHA256(master, "kiosk-key-wrap:" + kioskId)}, from a master key that is never in the database
 * ({@code continuity.kiosk.wrap-key}, else {@code <data-dir>/kiosk-wrap.key} created owner-only). A revoked kiosk's
 * credential no longer authenticates, so its key is not released any more.
 */
@ApplicationScoped
public class KioskKeyWrapping {

    private final Optional<String> configured;
    private final Path file;
    private volatile byte[] master;

    public KioskKeyWrapping(ContinuityServerConfig config) {
        this.configured = config.kiosk().wrapKey().filter(k -> !k.isBlank());
        this.file = Path.of(config.dataDir(), "kiosk-wrap.key");
    }

    /** The 256-bit wrapping key of kiosk {@code kioskId}. */
    public byte[] keyOf(String kioskId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master(), "HmacSHA256"));
            return mac.doFinal(("kiosk-key-wrap:" + kioskId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private byte[] master() {
        byte[] m = master;
        if (m == null) {
            synchronized (this) {
                if (master == null) {
                    master = load();
                }
                m = master;
            }
        }
        return m;
    }

    private byte[] load() {
        if (configured.isPresent()) {
            byte[] key = Base64.getDecoder().decode(configured.get().trim());
            if (key.length < 32) {
                throw new IllegalStateException("continuity.kiosk.wrap-key must hold at least 32 bytes (base64)");
            }
            return key;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    try {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } catch (UnsupportedOperationException e) {
                        Files.createFile(file);
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.SYNC);
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another start created it first: read theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("the kiosk wrapping master key cannot be read or created: " + file, e);
        }
    }
}
