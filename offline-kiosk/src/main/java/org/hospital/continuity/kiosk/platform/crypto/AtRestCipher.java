package org.hospital.continuity.kiosk.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM sealing of patient-identifying data at rest (HR-13), plain JDK crypto.
 *
 * <p>Sealed form: {@code [1 byte format version = 1][12 byte random IV][ciphertext + 16 byte tag]}.
 * The associated data binds a ciphertext to its row (e.g. the journal entry id), so a blob copied
 * into another row fails to open instead of silently showing another patient's data.
 */
public final class AtRestCipher {

    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    /** Cipher objects are not thread-safe but cheap to re-initialise: one per thread instead of one per call. */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(AtRestCipher::newCipher);

    public AtRestCipher(SecretKey key) {
        if (!"AES".equals(key.getAlgorithm()) || key.getEncoded().length != 32) {
            throw new IllegalArgumentException("an AES-256 key is required");
        }
        this.key = key;
    }

    public byte[] seal(String clear, String associatedData) {
        return seal(clear.getBytes(StandardCharsets.UTF_8), associatedData);
    }

    public byte[] seal(byte[] clear, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = ciphers.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] body = c.doFinal(clear);
            byte[] out = new byte[1 + IV_BYTES + body.length];
            out[0] = FORMAT;
            System.arraycopy(iv, 0, out, 1, IV_BYTES);
            System.arraycopy(body, 0, out, 1 + IV_BYTES, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String openString(byte[] sealed, String associatedData) {
        return new String(open(sealed, associatedData), StandardCharsets.UTF_8);
    }

    /** Decrypts and checks integrity; a wrong key, a tampered blob or a blob of another row fails. */
    public byte[] open(byte[] sealed, String associatedData) {
        if (sealed == null || sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new TamperedDataException("sealed data has an unknown format");
        }
        try {
            Cipher c = ciphers.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new TamperedDataException("sealed data does not open with this kiosk's key (tampered, moved or another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** A blob that does not authenticate: tampered, copied from another row, or sealed with another key. */
    public static final class TamperedDataException extends RuntimeException {
        public TamperedDataException(String message) {
            super(message);
        }
    }
}
