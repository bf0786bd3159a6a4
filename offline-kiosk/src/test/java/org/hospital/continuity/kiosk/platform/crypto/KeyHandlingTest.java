package org.hospital.continuity.kiosk.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HR-12, docs/security.md "Key handling": the kiosk's data key is on disk only wrapped — by the key the server holds for
 * the kiosk, and for a bounded offline period by the password of each person who signed in here. Plain Java, no container.
 */
class KeyHandlingTest {

    private static final String KIOSK = "kiosk-7";
    private static final String URL = "http://server.local:8443";
    private static final String CREDENTIAL = "secret-of-kiosk-7";

    @TempDir
    Path dir;

    /** A stand-in server: answers the kiosk's wrapping key while "online", and counts the questions. */
    static final class FakeServer implements WrappingKeySource {
        final byte[] key = random32();
        final AtomicReference<byte[]> answer = new AtomicReference<>(key);
        int asked;

        @Override
        public Optional<byte[]> fetch(String serverUrl, String kioskId, String credential) {
            asked++;
            if (!URL.equals(serverUrl) || !KIOSK.equals(kioskId) || !CREDENTIAL.equals(credential)) {
                return Optional.empty();
            }
            return Optional.ofNullable(answer.get());
        }
    }

    static final class Clock implements InstantSource {
        Instant now = Instant.parse("2026-12-06T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final FakeServer server = new FakeServer();
    private final Clock clock = new Clock();

    @Test
    @DisplayName("HR-12 an existing kiosk's clear key file is migrated: after its first contact the file holds no clear key, and the data still opens")
    void migratesAClearKeyFile() throws Exception {
        byte[] dataKey = random32();
        Files.createFile(dir.resolve("kiosk.key"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(dir.resolve("kiosk.key"), Base64.getEncoder().encodeToString(dataKey));
        KioskKey before = key(Duration.ofHours(72));
        byte[] sealed = before.cipher().seal("{\"name\":\"张三\"}", "registration:1");
        assertThat(before.wrappedOnDisk()).isFalse();

        assertThat(before.wrapWithServer(KIOSK, URL, CREDENTIAL)).isTrue();

        byte[] onDisk = Files.readAllBytes(dir.resolve("kiosk.key"));
        String text = new String(onDisk, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("continuity-kiosk-key 2").doesNotContain(Base64.getEncoder().encodeToString(dataKey))
                .doesNotContain(HexFormat.of().formatHex(dataKey));
        assertThat(contains(onDisk, dataKey)).isFalse();
        assertThat(Files.exists(dir.resolve("kiosk.key.old"))).isFalse();
        assertThat(Files.exists(dir.resolve("kiosk.key.new"))).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("kiosk.key")))).isEqualTo("rw-------");
        assertThat(before.wrappedOnDisk()).isTrue();

        KioskKey restarted = key(Duration.ofHours(72));
        assertThat(restarted.cipher().openString(sealed, "registration:1")).contains("张三");
        assertThat(server.asked).isEqualTo(2);
    }

    @Test
    @DisplayName("HR-12 the data folder alone (database and key file) opens nothing: a server that does not answer, or answers another key, leaves the kiosk locked with 503 kiosk-locked")
    void theFolderAloneOpensNothing() {
        KioskKey first = enrolledKey();
        byte[] sealed = first.cipher().seal("{\"phone\":\"13912345678\"}", "charge:1");

        server.answer.set(null); // offline, or the kiosk revoked
        KioskKey thief = key(Duration.ofHours(72));
        assertThatThrownBy(thief::cipher).isInstanceOfSatisfying(KioskRejection.class, r -> {
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.slug()).isEqualTo("kiosk-locked");
        });
        assertThat(thief.open()).isFalse();

        server.answer.set(random32()); // a server with another master key
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThatThrownBy(thief::cipher).isInstanceOf(KioskRejection.class);

        server.answer.set(server.key);
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(thief.cipher().openString(sealed, "charge:1")).contains("13912345678");
    }

    @Test
    @DisplayName("HR-12 restarted while the server is unreachable, the kiosk opens at the sign-in of a person who signed in here within the offline period, not of anyone else")
    void aRecentSignInOpensAnOfflineRestart() {
        KioskKey running = enrolledKey();
        byte[] sealed = running.cipher().seal("{\"name\":\"李四\"}", "iou:1");
        running.signedIn("cashier-1", "Correct-Horse-1".toCharArray());

        server.answer.set(null);
        clock.now = clock.now.plus(Duration.ofHours(70));
        KioskKey restarted = key(Duration.ofHours(72));
        assertThat(restarted.open()).isFalse();
        restarted.signedIn("nurse-2", "Correct-Horse-1".toCharArray()); // never signed in here: no wrap
        assertThat(restarted.open()).isFalse();
        restarted.signedIn("cashier-1", "wrong-password".toCharArray());
        assertThat(restarted.open()).isFalse();
        restarted.signedIn("cashier-1", "Correct-Horse-1".toCharArray());
        assertThat(restarted.open()).isTrue();
        assertThat(restarted.cipher().openString(sealed, "iou:1")).contains("李四");
    }

    @Test
    @DisplayName("HR-12 a person's wrap ends after the offline period (configurable); a sign-in renews it")
    void aPersonsWrapEnds() {
        KioskKey running = enrolledKey(Duration.ofHours(8));
        running.signedIn("cashier-1", "Correct-Horse-1".toCharArray());
        server.answer.set(null);

        clock.now = clock.now.plus(Duration.ofHours(8).plusSeconds(1));
        KioskKey late = key(Duration.ofHours(8));
        late.signedIn("cashier-1", "Correct-Horse-1".toCharArray());
        assertThat(late.open()).isFalse();

        // renewed: the server answers again, the person signs in, the period starts again
        server.answer.set(server.key);
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        KioskKey online = key(Duration.ofHours(8));
        assertThat(online.open()).isTrue();
        online.signedIn("cashier-1", "Correct-Horse-1".toCharArray());
        assertThat(KioskKey.read(dir.resolve("kiosk.key")).persons()).singleElement()
                .satisfies(p -> assertThat(p.notAfter()).isEqualTo(clock.now.plus(Duration.ofHours(8))));
        server.answer.set(null);
        clock.now = clock.now.plus(Duration.ofHours(7));
        KioskKey again = key(Duration.ofHours(8));
        again.signedIn("cashier-1", "Correct-Horse-1".toCharArray());
        assertThat(again.open()).isTrue();
    }

    @Test
    @DisplayName("HR-12 a key file readable by others is refused; the key file format round-trips")
    void fileRules() throws Exception {
        KioskKey k = enrolledKey();
        k.signedIn("cashier-1", "Correct-Horse-1".toCharArray());
        KeyFile kf = KioskKey.read(dir.resolve("kiosk.key"));
        assertThat(KeyFile.parse(kf.format())).isEqualTo(kf);
        assertThat(kf.server().orElseThrow().kioskId()).isEqualTo(KIOSK);
        Files.setPosixFilePermissions(dir.resolve("kiosk.key"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> key(Duration.ofHours(72)).cipher()).hasMessageContaining("chmod 600");
    }

    private KioskKey enrolledKey() {
        return enrolledKey(Duration.ofHours(72));
    }

    private KioskKey enrolledKey(Duration period) {
        KioskKey k = key(period);
        k.cipher(); // a new kiosk: clear key until enrolment
        assertThat(k.wrapWithServer(KIOSK, URL, CREDENTIAL)).isTrue();
        return k;
    }

    private KioskKey key(Duration period) {
        return new KioskKey(config(dir, period), server, clock);
    }

    static KioskConfig config(Path dir, Duration period) {
        KioskConfig.Key key = (KioskConfig.Key) Proxy.newProxyInstance(KioskConfig.class.getClassLoader(),
                new Class<?>[] {KioskConfig.Key.class}, (p, m, a) -> switch (m.getName()) {
                    case "offlinePeriod" -> period;
                    case "personIterations" -> 1000;
                    case "serverRetry" -> Duration.ofSeconds(15);
                    case "refreshInterval" -> "off";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (KioskConfig) Proxy.newProxyInstance(KioskConfig.class.getClassLoader(), new Class<?>[] {KioskConfig.class},
                (p, m, a) -> switch (m.getName()) {
                    case "dataDir" -> dir.toString();
                    case "key" -> key;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static byte[] random32() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
