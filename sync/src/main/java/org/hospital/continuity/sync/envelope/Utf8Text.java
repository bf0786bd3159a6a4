package org.hospital.continuity.sync.envelope;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text held as its UTF-8 bytes — the form in which a journal entry's payload is hashed
 * ({@link ContentHash}), travels in the push body and is stored — with the Java string made only
 * when someone asks for it ({@link #toString()}).
 *
 * <p>The receiver reads a payload from the request body straight into these bytes and hands them,
 * never decoded, to the content hash and to PostgreSQL: a 200,000-entry backlog is ~110 MB of payload
 * that would otherwise be decoded into strings and encoded back twice. The kiosk side wraps its
 * strings ({@link #of(String)}), which are encoded only if the bytes are asked for.
 *
 * <p>The bytes are always those of {@code string.getBytes(UTF_8)} for the string this text stands for
 * (a lone surrogate, which UTF-8 cannot carry, is the byte {@code '?'}, as the JDK's encoder writes
 * it), so two texts are equal exactly when their UTF-8 bytes are — the equality the content hash sees.
 * Texts made from bytes ({@link #ofUtf8(byte[])}) must be well-formed UTF-8; the receiver's reader
 * checks that before it makes one.
 *
 * <p>Immutable and thread-safe (the lazily made string or bytes are a benign race: every thread
 * computes the same value).
 */
public final class Utf8Text {

    private byte[] utf8;
    private String text;
    /** Made from bytes by {@link #ofUtf8}, whose caller guarantees there is no NUL in them. */
    private final boolean fromUtf8;

    private Utf8Text(byte[] utf8, String text) {
        this.utf8 = utf8;
        this.text = text;
        this.fromUtf8 = utf8 != null;
    }

    /** The text of a Java string; its UTF-8 bytes are computed when first needed. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Utf8Text of(String text) {
        if (text == null) {
            throw new NullPointerException("text");
        }
        return new Utf8Text(null, text);
    }

    /**
     * The text whose UTF-8 encoding is {@code utf8}, which must be well-formed UTF-8 (no overlong forms,
     * no surrogates, nothing above U+10FFFF) without a NUL byte (U+0000), and is not copied: the caller
     * hands it over and never changes it. The receiver's reader checks both before it makes one.
     */
    public static Utf8Text ofUtf8(byte[] utf8) {
        if (utf8 == null) {
            throw new NullPointerException("utf8");
        }
        return new Utf8Text(utf8, null);
    }

    /** Whether the UTF-8 bytes are already at hand (a text read from the wire), so {@link #utf8()} costs nothing. */
    public boolean hasUtf8() {
        return utf8 != null;
    }

    /**
     * The UTF-8 bytes, encoded from the string on first use. The array itself, not a copy, for the hot
     * path (hash input, database parameter): never modify it.
     */
    public byte[] utf8() {
        byte[] b = utf8;
        if (b == null) {
            b = text.getBytes(StandardCharsets.UTF_8);
            utf8 = b;
        }
        return b;
    }

    /**
     * Whether the text contains U+0000, which PostgreSQL's {@code text} cannot hold (a payload with it
     * would fail at the insert on every retry). A text made from bytes never does (see {@link #ofUtf8}),
     * so the receiver's hot path scans nothing; a string is searched.
     */
    public boolean containsNul() {
        return !fromUtf8 && text.indexOf('\u0000') >= 0;
    }

    /** Number of UTF-8 bytes. */
    public int utf8Length() {
        return utf8().length;
    }

    /**
     * {@link String#isBlank()} of the text: whether it is empty or only white space
     * ({@link Character#isWhitespace(int)}). Decides on the bytes when the first non-blank character
     * is ASCII (a payload starts with '{'), decodes only otherwise.
     */
    public boolean isBlank() {
        if (text != null) {
            return text.isBlank();
        }
        for (byte b : utf8) {
            if (b < 0) {
                return toString().isBlank(); // non-ASCII: Unicode white space is rare, decode to decide
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** The Java string, decoded from the bytes on first use. */
    @JsonValue
    @Override
    public String toString() {
        String s = text;
        if (s == null) {
            s = new String(utf8, StandardCharsets.UTF_8);
            text = s;
        }
        return s;
    }

    /** Equal when the UTF-8 bytes are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Utf8Text other)) {
            return false;
        }
        if (utf8 == null && other.utf8 == null) {
            if (text.equals(other.text)) {
                return true;
            }
        }
        return Arrays.equals(utf8(), other.utf8());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8());
    }
}
