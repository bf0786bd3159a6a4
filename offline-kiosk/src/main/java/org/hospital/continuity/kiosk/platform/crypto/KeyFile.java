package org.hospital.continuity.kiosk.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The content of {@code kiosk.key} (docs/security.md "Kiosk at rest", "Key handling"). Pure: parsing, writing, wrapping
 * and unwrapping, no file or network.
 *
 * <ul>
 *   <li><b>Clear</b> (format 1, one base64 line of the 32-byte data key): a kiosk before enrolment, which holds no
 *       patient data, or an enrolled kiosk that has not yet reached the server since the update (migrated at its next
 *       contact).</li>
 *   <li><b>Wrapped</b> (format 2): the data key is never on disk in clear. It is sealed (AES-256-GCM) under the key the
 *       server holds for this kiosk ({@code server} line, with what the kiosk needs to ask for it: its id, the server's
 *       address and its credential), and, for a bounded offline period, under a key derived (PBKDF2-HMAC-SHA256) from the
 *       password of each person who signed in at this kiosk ({@code person} lines, each with its end).</li>
 * </ul>
 */
public record KeyFile(Optional<byte[]> clearKey, Optional<ServerWrap> server, List<PersonWrap> persons) {

    static final String HEADER = "continuity-kiosk-key 2";

    /** The data key sealed under the server-held key, and how to ask the server for that key. */
    public record ServerWrap(String kioskId, String serverUrl, String credential, byte[] sealed) {
    }

    /** The data key sealed under a key derived from one person's password, usable until {@code notAfter}. */
    public record PersonWrap(String accountId, Instant notAfter, byte[] salt, int iterations, byte[] sealed) {
    }

    public KeyFile {
        persons = List.copyOf(persons);
    }

    public static KeyFile clear(byte[] key) {
        return new KeyFile(Optional.of(key.clone()), Optional.empty(), List.of());
    }

    public boolean wrapped() {
        return clearKey.isEmpty();
    }

    public static KeyFile parse(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("continuity-kiosk-key")) {
            byte[] key = Base64.getDecoder().decode(trimmed);
            if (key.length != 32) {
                throw new IllegalStateException("the kiosk key file does not hold a 256-bit key");
            }
            return clear(key);
        }
        List<String> lines = trimmed.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (!lines.get(0).equals(HEADER)) {
            throw new IllegalStateException("the kiosk key file has an unknown format: " + lines.get(0));
        }
        Optional<ServerWrap> server = Optional.empty();
        List<PersonWrap> persons = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "server" -> server = Optional.of(new ServerWrap(dec(f[1]), dec(f[2]), dec(f[3]), bytes(f[4])));
                case "person" -> persons.add(new PersonWrap(dec(f[1]), Instant.ofEpochSecond(Long.parseLong(f[2])), bytes(f[3]),
                        Integer.parseInt(f[4]), bytes(f[5])));
                default -> throw new IllegalStateException("the kiosk key file has an unknown line kind: " + f[0]);
            }
        }
        if (server.isEmpty()) {
            throw new IllegalStateException("the kiosk key file has no server line");
        }
        return new KeyFile(Optional.empty(), server, persons);
    }

    public String format() {
        if (clearKey.isPresent()) {
            return Base64.getEncoder().encodeToString(clearKey.get()) + "\n";
        }
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        ServerWrap s = server.orElseThrow();
        b.append("server ").append(text(s.kioskId())).append(' ').append(text(s.serverUrl())).append(' ').append(text(s.credential()))
                .append(' ').append(Base64.getEncoder().encodeToString(s.sealed())).append('\n');
        for (PersonWrap p : persons) {
            b.append("person ").append(text(p.accountId())).append(' ').append(p.notAfter().getEpochSecond()).append(' ')
                    .append(Base64.getEncoder().encodeToString(p.salt())).append(' ').append(p.iterations()).append(' ')
                    .append(Base64.getEncoder().encodeToString(p.sealed())).append('\n');
        }
        return b.toString();
    }

    /** The data key wrapped under the server's key for this kiosk: the clear form and every person wrap are dropped. */
    public static KeyFile wrappedForServer(byte[] dataKey, byte[] serverKey, String kioskId, String serverUrl, String credential,
                                           List<PersonWrap> keep) {
        byte[] sealed = cipher(serverKey).seal(dataKey, serverAd(kioskId));
        return new KeyFile(Optional.empty(), Optional.of(new ServerWrap(kioskId, serverUrl, credential, sealed)), keep);
    }

    /** The data key with the server's answer, or empty when that key does not open it (another kiosk's, a new master key). */
    public Optional<byte[]> openWithServer(byte[] serverKey) {
        ServerWrap s = server.orElseThrow();
        try {
            return Optional.of(cipher(serverKey).open(s.sealed(), serverAd(s.kioskId())));
        } catch (AtRestCipher.TamperedDataException e) {
            return Optional.empty();
        }
    }

    /** This file with {@code account}'s wrap replaced by a fresh one ending at {@code notAfter}, and the expired ones gone. */
    public KeyFile withPerson(byte[] dataKey, String account, char[] password, int iterations, Instant now, Instant notAfter,
                              SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] sealed = cipher(derive(password, salt, iterations)).seal(dataKey, personAd(account));
        List<PersonWrap> next = new ArrayList<>(withoutExpired(now).persons().stream()
                .filter(p -> !p.accountId().equals(account)).toList());
        next.add(new PersonWrap(account, notAfter, salt, iterations, sealed));
        return new KeyFile(clearKey, server, next);
    }

    /** The data key opened with a person's password, when their wrap has not ended and the password is theirs. */
    public Optional<byte[]> openWithPerson(String account, char[] password, Instant now) {
        for (PersonWrap p : persons) {
            if (p.accountId().equals(account) && now.isBefore(p.notAfter())) {
                try {
                    return Optional.of(cipher(derive(password, p.salt(), p.iterations())).open(p.sealed(), personAd(account)));
                } catch (AtRestCipher.TamperedDataException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The person wrap of {@code account}, if any. */
    public Optional<PersonWrap> person(String account) {
        return persons.stream().filter(p -> p.accountId().equals(account)).findFirst();
    }

    public KeyFile withoutExpired(Instant now) {
        return new KeyFile(clearKey, server, persons.stream().filter(p -> now.isBefore(p.notAfter())).toList());
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static AtRestCipher cipher(byte[] key) {
        return new AtRestCipher(new SecretKeySpec(key, "AES"));
    }

    private static String serverAd(String kioskId) {
        return "kiosk-data-key:server:" + kioskId;
    }

    private static String personAd(String account) {
        return "kiosk-data-key:person:" + account;
    }

    private static String text(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String dec(String encoded) {
        return new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String b64) {
        return Base64.getDecoder().decode(b64);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyFile k && format().equals(k.format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }

    @Override
    public String toString() {
        return "KeyFile[" + (wrapped() ? "wrapped, " + persons.size() + " person wraps" : "clear") + "]";
    }
}
