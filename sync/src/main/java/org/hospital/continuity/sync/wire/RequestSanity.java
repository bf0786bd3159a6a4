package org.hospital.continuity.sync.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses request addresses no endpoint of either app can mean (adversarial suite): path segments that
 * decode to something other than an id, code or name (traversal, quotes, angle brackets, spaces, control
 * characters, encoded slashes, invalid UTF-8, over-long), and query values with control characters or invalid
 * UTF-8. Both apps answer these with 400 before routing, so no id of that kind reaches a query or a page.
 */
public final class RequestSanity {

    /** Letters (any script), marks, digits and the punctuation ids, codes and file names use. */
    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{M}\\p{N}._~:@+,-]*");
    public static final int MAX_SEGMENT = 256;

    private RequestSanity() {
    }

    /** Why the raw (still percent-encoded) path is refused, or empty. */
    public static Optional<String> pathProblem(String rawPath) {
        if (rawPath == null) {
            return Optional.empty();
        }
        for (String raw : rawPath.split("/", -1)) {
            if (raw.isEmpty()) {
                continue;
            }
            Optional<String> decoded = decode(raw, false);
            if (decoded.isEmpty()) {
                return Optional.of("a path segment is not valid UTF-8");
            }
            String s = decoded.get();
            if (s.equals(".") || s.equals("..")) {
                return Optional.of("relative path segments are not allowed");
            }
            if (s.length() > MAX_SEGMENT) {
                return Optional.of("a path segment is longer than " + MAX_SEGMENT + " characters");
            }
            if (!SEGMENT.matcher(s).matches()) {
                return Optional.of("a path segment contains characters no id or code has");
            }
        }
        return Optional.empty();
    }

    /**
     * The path as the router matches it, for every security decision made on a path: each non-empty segment
     * percent-decoded as UTF-8 and empty segments dropped, so {@code //api//auth/%6cogin/} is {@code /api/auth/login}
     * (HR-13: a rule checked on the raw path is bypassed by such variants, which the router still sends to the same
     * endpoint). Empty when a segment does not decode; such an address is refused by {@link #pathProblem} anyway.
     */
    public static Optional<String> canonicalPath(String rawPath) {
        if (rawPath == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(rawPath.length());
        for (String raw : rawPath.split("/", -1)) {
            if (raw.isEmpty()) {
                continue;
            }
            Optional<String> decoded = decode(raw, false);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            out.append('/').append(decoded.get());
        }
        return Optional.of(out.length() == 0 ? "/" : out.toString());
    }

    /** Why the raw query string is refused (control characters, invalid UTF-8), or empty. */
    public static Optional<String> queryProblem(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            Optional<String> decoded = decode(pair, true);
            if (decoded.isEmpty()) {
                return Optional.of("a query parameter is not valid UTF-8");
            }
            if (decoded.get().chars().anyMatch(Character::isISOControl)) {
                return Optional.of("a query parameter contains control characters");
            }
        }
        return Optional.empty();
    }

    /** Strict percent-decoding as UTF-8; empty when the escapes are broken or the bytes are not UTF-8. */
    static Optional<String> decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (plusIsSpace && c == '+') {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    b = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
