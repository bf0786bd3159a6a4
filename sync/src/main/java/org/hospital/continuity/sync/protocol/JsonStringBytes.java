package org.hospital.continuity.sync.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one JSON string of a UTF-8 request body in one pass, without Jackson: as the UTF-8 bytes of
 * its value ({@link #bytes}: the payload, which the receiver takes from the push body to the content
 * hash and to PostgreSQL without a Java string in between) or as the Java string Jackson would decode
 * ({@link #string}: the short fields). After a successful read, {@link #end()} is the index just past
 * the closing quote.
 *
 * <p>Escapes: {@code \" \\ \/ \b \f \n \r \t} and {@code \}{@code uXXXX} (hex digits of either case).
 * In {@link #bytes} a surrogate pair of two {@code \}{@code u} escapes becomes the four UTF-8 bytes of
 * its code point, and a lone escaped surrogate, which UTF-8 cannot carry, the byte {@code '?'} — what
 * Java's UTF-8 encoder writes for it; so the bytes are always {@code s.getBytes(UTF_8)} of the string
 * {@code s} Jackson decodes, the bytes the content hash is defined over. {@link #string} keeps a lone
 * surrogate as the char it is, as Jackson does.
 *
 * <p>Strict: the answer is {@code null} — "not read here, ask the data binder" — for anything a strict
 * reader would not take as it is: a raw control character, an unknown escape, a short or non-hex
 * {@code \}{@code u} escape, the escape of U+0000 (which PostgreSQL's text cannot hold: the batch check
 * refuses it), a missing closing quote, or bytes that are not well-formed UTF-8 (a stray
 * continuation byte, a truncated sequence, an overlong form, an encoded surrogate, a code point above
 * U+10FFFF: Unicode's table 3-7, exactly what the JDK's decoder accepts). So every byte array it
 * returns is well-formed UTF-8. Not thread-safe (a reused scratch buffer): one per parse.
 */
final class JsonStringBytes {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] scratch = new byte[4096];
    private char[] chars = new char[256];
    private int end;

    /** Index just past the closing quote of the last string read successfully. */
    int end() {
        return end;
    }

    /**
     * The value of the JSON string whose opening quote is at {@code quote} in {@code body}, as UTF-8
     * bytes (a new array), or null (see the class comment).
     */
    byte[] bytes(byte[] body, int quote) {
        int n = body.length;
        if (quote < 0 || quote >= n || body[quote] != '"') {
            return null;
        }
        byte[] out = scratch;
        int room = out.length - 8; // one step writes at most 8 bytes
        int p = 0;
        int i = quote + 1;
        while (true) {
            if (p > room) {
                out = scratch = Arrays.copyOf(out, out.length * 2);
                room = out.length - 8;
            }
            if (i + 8 <= n) { // eight plain ASCII bytes at once: none is a quote, a backslash, a control or a non-ASCII byte
                long w = (long) LONG.get(body, i);
                long q = w ^ 0x2222222222222222L;
                long s = w ^ 0x5C5C5C5C5C5C5C5CL;
                long special = w | (w - 0x2020202020202020L) & ~w | (q - 0x0101010101010101L) & ~q
                        | (s - 0x0101010101010101L) & ~s;
                if ((special & 0x8080808080808080L) == 0) {
                    LONG.set(out, p, w);
                    i += 8;
                    p += 8;
                    continue;
                }
            }
            if (i >= n) {
                return null; // no closing quote
            }
            int c = body[i];
            if (c >= 0x20) {
                if (c == '"') {
                    end = i + 1;
                    return Arrays.copyOf(out, p);
                }
                if (c != '\\') {
                    out[p++] = (byte) c;
                    i++;
                    continue;
                }
                if (i + 1 >= n) {
                    return null;
                }
                byte e = body[i + 1];
                if (e != 'u') {
                    int plain = twoCharEscape(e);
                    if (plain < 0) {
                        return null; // unknown escape
                    }
                    out[p++] = (byte) plain;
                    i += 2;
                    continue;
                }
                int cp = hex4(body, i + 2, n);
                if (cp <= 0) {
                    return null; // not hex, or U+0000: the binder's string, which the batch check refuses
                }
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 12 <= n && body[i + 6] == '\\' && body[i + 7] == 'u') {
                    int low = hex4(body, i + 8, n);
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        p = put(out, p, Character.toCodePoint((char) cp, (char) low));
                        i += 12;
                        continue;
                    }
                }
                p = put(out, p, cp >= 0xD800 && cp <= 0xDFFF ? '?' : cp); // a lone surrogate: what getBytes writes
                i += 6;
            } else if (c >= 0) {
                return null; // raw control character
            } else {
                int k = sequence(body, i, n);
                if (k < 0) {
                    return null;
                }
                out[p++] = (byte) c;
                out[p++] = body[i + 1];
                if (k > 2) {
                    out[p++] = body[i + 2];
                    if (k > 3) {
                        out[p++] = body[i + 3];
                    }
                }
                i += k;
            }
        }
    }

    /**
     * The value of the JSON string whose opening quote is at {@code quote} in {@code body}, as the Java
     * string Jackson decodes (a lone escaped surrogate stays a lone surrogate), or null (see the class comment).
     */
    String string(byte[] body, int quote) {
        int n = body.length;
        if (quote < 0 || quote >= n || body[quote] != '"') {
            return null;
        }
        int start = quote + 1;
        int i = start;
        // the usual short field: ASCII, no escapes
        while (i < n) {
            int c = body[i];
            if (c == '"') {
                end = i + 1;
                return new String(body, start, i - start, StandardCharsets.ISO_8859_1);
            }
            if (c < 0x20 || c == '\\') {
                break; // also every non-ASCII byte (negative)
            }
            i++;
        }
        char[] out = chars;
        int p = 0;
        for (int k = start; k < i; k++) {
            if (p == out.length) {
                out = chars = Arrays.copyOf(out, out.length * 2);
            }
            out[p++] = (char) body[k];
        }
        while (true) {
            if (p + 2 > out.length) {
                out = chars = Arrays.copyOf(out, out.length * 2);
            }
            if (i >= n) {
                return null;
            }
            int c = body[i];
            if (c >= 0x20) {
                if (c == '"') {
                    end = i + 1;
                    return new String(out, 0, p);
                }
                if (c != '\\') {
                    out[p++] = (char) c;
                    i++;
                    continue;
                }
                if (i + 1 >= n) {
                    return null;
                }
                byte e = body[i + 1];
                if (e != 'u') {
                    int plain = twoCharEscape(e);
                    if (plain < 0) {
                        return null; // unknown escape
                    }
                    out[p++] = (char) plain;
                    i += 2;
                    continue;
                }
                int cp = hex4(body, i + 2, n);
                if (cp <= 0) {
                    return null; // not hex, or U+0000: the binder's string, which the batch check refuses
                }
                out[p++] = (char) cp;
                i += 6;
            } else if (c >= 0) {
                return null;
            } else {
                int k = sequence(body, i, n);
                if (k < 0) {
                    return null;
                }
                int cp = switch (k) {
                    case 2 -> (c & 0x1F) << 6 | body[i + 1] & 0x3F;
                    case 3 -> (c & 0x0F) << 12 | (body[i + 1] & 0x3F) << 6 | body[i + 2] & 0x3F;
                    default -> (c & 0x07) << 18 | (body[i + 1] & 0x3F) << 12 | (body[i + 2] & 0x3F) << 6 | body[i + 3] & 0x3F;
                };
                if (cp >= 0x10000) {
                    out[p++] = Character.highSurrogate(cp);
                    out[p++] = Character.lowSurrogate(cp);
                } else {
                    out[p++] = (char) cp;
                }
                i += k;
            }
        }
    }

    /** The character of a two-character escape {@code \" \\ \/ \b \f \n \r \t} (given the byte after the backslash), or -1. */
    private static int twoCharEscape(byte e) {
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> -1;
        };
    }

    /** The value of four hex digits at {@code at} (before {@code n}), or -1. */
    private static int hex4(byte[] b, int at, int n) {
        if (at + 4 > n) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = hexDigit(b[i]);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    static int hexDigit(byte ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'a' && ch <= 'f') {
            return ch - 'a' + 10;
        }
        if (ch >= 'A' && ch <= 'F') {
            return ch - 'A' + 10;
        }
        return -1;
    }

    /** Writes the UTF-8 bytes of a code point (not a surrogate). */
    private static int put(byte[] out, int p, int cp) {
        if (cp < 0x80) {
            out[p++] = (byte) cp;
        } else if (cp < 0x800) {
            out[p++] = (byte) (0xC0 | cp >> 6);
            out[p++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out[p++] = (byte) (0xE0 | cp >> 12);
            out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[p++] = (byte) (0x80 | cp & 0x3F);
        } else {
            out[p++] = (byte) (0xF0 | cp >> 18);
            out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
            out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[p++] = (byte) (0x80 | cp & 0x3F);
        }
        return p;
    }

    /**
     * The length (2–4) of the well-formed UTF-8 sequence starting with the non-ASCII byte at {@code i}
     * and ending before {@code n}, or -1 (Unicode 15, table 3-7).
     */
    static int sequence(byte[] b, int i, int n) {
        int lead = b[i] & 0xFF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            return i + 1 < n && continuation(b[i + 1]) ? 2 : -1;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            if (i + 2 >= n) {
                return -1;
            }
            int second = b[i + 1] & 0xFF;
            int lo = lead == 0xE0 ? 0xA0 : 0x80; // E0 80..9F: overlong
            int hi = lead == 0xED ? 0x9F : 0xBF; // ED A0..BF: a surrogate
            return second >= lo && second <= hi && continuation(b[i + 2]) ? 3 : -1;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            if (i + 3 >= n) {
                return -1;
            }
            int second = b[i + 1] & 0xFF;
            int lo = lead == 0xF0 ? 0x90 : 0x80; // F0 80..8F: overlong
            int hi = lead == 0xF4 ? 0x8F : 0xBF; // F4 90..: above U+10FFFF
            return second >= lo && second <= hi && continuation(b[i + 2]) && continuation(b[i + 3]) ? 4 : -1;
        }
        return -1; // a continuation byte, C0/C1 (overlong), F5..FF
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
