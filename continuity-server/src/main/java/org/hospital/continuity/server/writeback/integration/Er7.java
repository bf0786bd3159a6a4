package org.hospital.continuity.server.writeback.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * HL7 v2 pipe-encoded text (ER7) as this link writes and reads it: the standard delimiters {@code |^~\&}, values escaped,
 * segments separated by carriage returns. Reading is by position (segment, field, repetition, component), so a message
 * with Z-segments or fields a structure does not know is read whole.
 */
public final class Er7 {

    private Er7() {
    }

    /** A value escaped for a field or component (delimiters, escape character, line breaks). */
    public static String esc(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\E\\");
                case '|' -> b.append("\\F\\");
                case '^' -> b.append("\\S\\");
                case '&' -> b.append("\\T\\");
                case '~' -> b.append("\\R\\");
                case '\r', '\n' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The text of an escaped value. */
    public static String unesc(String value) {
        if (value == null || value.indexOf('\\') < 0) {
            return value;
        }
        return value.replace("\\F\\", "|").replace("\\S\\", "^").replace("\\T\\", "&").replace("\\R\\", "~")
                .replace("\\E\\", "\\");
    }

    /** Components joined with {@code ^} (each already escaped), trailing empty ones dropped. */
    public static String comp(String... components) {
        int n = components.length;
        while (n > 0 && (components[n - 1] == null || components[n - 1].isEmpty())) {
            n--;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append('^');
            }
            b.append(components[i] == null ? "" : components[i]);
        }
        return b.toString();
    }

    /** One segment: its name and fields (each already escaped / composed), trailing empty fields dropped. */
    public static String seg(String name, String... fields) {
        int n = fields.length;
        while (n > 0 && (fields[n - 1] == null || fields[n - 1].isEmpty())) {
            n--;
        }
        StringBuilder b = new StringBuilder(name);
        for (int i = 0; i < n; i++) {
            b.append('|').append(fields[i] == null ? "" : fields[i]);
        }
        return b.toString();
    }

    /**
     * A control id (MSH-10, at most 20 characters as v2.5.1 allows) derived from what the message carries: the same
     * message of the same record always gets the same id, so a resend is recognisable to the HIS. {@code kind} (three
     * letters) keeps the messages of one record apart.
     */
    public static String controlId(String kind, UUID id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((kind + "|" + id).getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(kind.toUpperCase(Locale.ROOT));
            String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
            long bits = 0;
            int have = 0;
            int i = 0;
            while (b.length() < 20) {
                if (have < 5) {
                    bits = (bits << 8) | (h[i++] & 0xff);
                    have += 8;
                }
                b.append(alphabet.charAt((int) ((bits >> (have - 5)) & 31)));
                have -= 5;
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message read by position. */
    public record Read(List<String[]> segments) {

        public static Read of(String er7) {
            List<String[]> out = new ArrayList<>();
            for (String line : er7.split("[\r\n]+")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f[0].equals("MSH")) {
                    // MSH-1 is the field separator itself: shift so that MSH-n is f[n] as for every other segment
                    String[] shifted = new String[f.length + 1];
                    shifted[0] = "MSH";
                    shifted[1] = "|";
                    System.arraycopy(f, 1, shifted, 2, f.length - 1);
                    f = shifted;
                }
                out.add(f);
            }
            return new Read(out);
        }

        /** Every segment of this name, in order. */
        public List<String[]> all(String name) {
            return segments.stream().filter(s -> s[0].equals(name)).toList();
        }

        /** The first segment of this name, or null. */
        public String[] first(String name) {
            return segments.stream().filter(s -> s[0].equals(name)).findFirst().orElse(null);
        }

        /** Field {@code n} of a segment as escaped text ("" when absent). */
        public static String field(String[] seg, int n) {
            return seg == null || n >= seg.length ? "" : seg[n];
        }

        /** Repetitions of a field. */
        public static List<String> reps(String[] seg, int n) {
            String f = field(seg, n);
            return f.isEmpty() ? List.of() : List.of(f.split("~", -1));
        }

        /** Component {@code c} (1-based) of an escaped field or repetition, unescaped ("" when absent). */
        public static String comp(String fieldValue, int c) {
            String[] parts = fieldValue.split("\\^", -1);
            return c - 1 < parts.length ? unesc(parts[c - 1]) : "";
        }

        /** Component {@code c} of field {@code n} of the first segment {@code name}, unescaped. */
        public String value(String name, int n, int c) {
            return comp(field(first(name), n), c);
        }
    }
}
