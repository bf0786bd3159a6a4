package org.hospital.continuity.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The byte-level JSON string reader of the receiver: escapes, surrogate pairs, non-ASCII UTF-8, and
 * refusal ({@code null}: the binder decides) of everything not strictly well formed. Where it reads a
 * string, the bytes are {@code getBytes(UTF_8)} of the string Jackson decodes, and the string is
 * Jackson's string.
 */
class JsonStringBytesTest {

    private final JsonStringBytes reader = new JsonStringBytes();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes read from {@code json} (a JSON string literal at offset 0), or null. */
    private byte[] bytes(byte[] json) {
        return reader.bytes(json, 0);
    }

    private byte[] bytes(String json) {
        return bytes(utf8(json));
    }

    /** Jackson's decoding of the JSON string literal, or null if Jackson refuses it. */
    private static String jackson(byte[] json) {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            return p.getText();
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    @DisplayName("a string without escapes is its bytes; the end is just past the closing quote")
    void plain() {
        byte[] json = utf8("\"plain ascii, 挂号 and 😀\" tail");
        assertThat(bytes(json)).isEqualTo(utf8("plain ascii, 挂号 and 😀"));
        assertThat(reader.end()).isEqualTo(json.length - " tail".length());
        assertThat(bytes("\"\"")).isEmpty();
        assertThat(reader.end()).isEqualTo(2);
        byte[] inside = utf8("{\"payload\":\"x\"}");
        assertThat(reader.bytes(inside, 11)).isEqualTo(utf8("x"));
        assertThat(reader.end()).isEqualTo(14);
    }

    @Test
    @DisplayName("the two-character escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t")
    void shortEscapes() {
        assertThat(bytes("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"")).isEqualTo(utf8("a\"b\\c/d\be\ff\ng\rh\ti"));
        assertThat(bytes("\"{\\\"n\\\":\\\"\\u6302\\\"}\"")).isEqualTo(utf8("{\"n\":\"挂\"}"));
    }

    @Test
    @DisplayName("\\uXXXX escapes in either case, one to three UTF-8 bytes, and escaped surrogate pairs to four")
    void unicodeEscapes() {
        assertThat(bytes("\"\\u0041\\u00e9\\u00E9\\u6302\\uFFFF\"")).isEqualTo(utf8("Aéé挂\uffff"));
        assertThat(bytes("\"\\u0001\\u001f\\u007f\\u0080\\u07ff\\u0800\"")).isEqualTo(utf8("\u0001\u001f\u007f\u0080\u07ff\u0800"));
        // U+0000 cannot be stored in PostgreSQL's text: not read here, so the binder's string reaches the batch check, which refuses it
        assertThat(bytes("\"a\\u0000b\"")).isNull();
        assertThat(reader.string("\"a\\u0000b\"".getBytes(StandardCharsets.UTF_8), 0)).isNull();
        assertThat(bytes("\"\\ud83d\\ude00\"")).isEqualTo(utf8("😀")).hasSize(4);
        assertThat(bytes("\"\\uD83C\\uDFE5 \\ud840\\udc00\"")).isEqualTo(utf8("🏥 𠀀"));
        assertThat(bytes("\"\\udbff\\udfff\"")).isEqualTo(utf8("\udbff\udfff")).isEqualTo(new byte[] {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF});
    }

    @Test
    @DisplayName("a lone escaped surrogate becomes '?', as String.getBytes(UTF_8) writes it (the hash's input)")
    void loneSurrogates() {
        for (String s : List.of("\\ud800", "\\udc00", "x\\ud83dy", "\\ude00\\ud83d", "\\ud83d\\u0041", "\\ud83d\\n", "\\ud83d",
                "\\ud83d\\ud83d\\ude00")) {
            byte[] json = utf8("\"" + s + "\"");
            String decoded = jackson(json);
            assertThat(decoded).as(s).isNotNull();
            assertThat(bytes(json)).as(s).isEqualTo(utf8(decoded));
            assertThat(reader.string(json, 0)).as(s).isEqualTo(decoded); // the string keeps the lone surrogate
        }
        assertThat(bytes("\"\\ud800\"")).isEqualTo(utf8("?"));
    }

    @Test
    @DisplayName("non-ASCII UTF-8 passes through: two-, three- and four-byte sequences at the edges of table 3-7")
    void wellFormedUtf8() {
        for (String s : List.of("é", "ß", "\u0080", "\u07ff", "\u0800", "\ud7ff", "\ue000", "\uffff", "挂错科室", "😀", "\ud800\udc00",
                "\udbff\udfff", "\u2028\u2029", "\ufeff", "\u00a0")) {
            assertThat(bytes("\"" + s + "\"")).as(s).isEqualTo(utf8(s));
            assertThat(reader.string(utf8("\"" + s + "\""), 0)).as(s).isEqualTo(s);
        }
    }

    @Test
    @DisplayName("refused (the binder decides): invalid UTF-8, encoded surrogates, overlong forms, raw controls, bad escapes, no closing quote")
    void refusals() {
        List<byte[]> bad = List.of(
                raw(0x80), raw(0xBF), raw(0xC0, 0x80), raw(0xC1, 0xBF), raw(0xC3), raw(0xC3, 0x41), raw(0xE0, 0x80, 0x80),
                raw(0xE0, 0x9F, 0xBF), raw(0xED, 0xA0, 0x80), raw(0xED, 0xBF, 0xBF), raw(0xE6, 0x8C), raw(0xF0, 0x80, 0x80, 0x80),
                raw(0xF0, 0x8F, 0xBF, 0xBF), raw(0xF4, 0x90, 0x80, 0x80), raw(0xF5, 0x80, 0x80, 0x80), raw(0xFF), raw(0xF0, 0x9F, 0x98),
                utf8("\"tab\there\""), utf8("\"nl\nhere\""), utf8("\"nul\u0000\""), utf8("\"\\x\""), utf8("\"\\u12\""), utf8("\"\\u12g4\""),
                utf8("\"\\U0041\""), utf8("\"\\'\""), utf8("\"no end"), utf8("\"ends in a backslash\\"), utf8("\"\\\""), utf8("no quote"),
                utf8(""));
        for (byte[] json : bad) {
            assertThat(bytes(json)).as(java.util.Arrays.toString(json)).isNull();
            assertThat(reader.string(json, 0)).as(java.util.Arrays.toString(json)).isNull();
        }
        assertThat(reader.bytes(utf8("\"x\""), 1)).as("not at a quote").isNull();
        assertThat(reader.bytes(utf8("\"x\""), 3)).as("past the end").isNull();
    }

    /** {@code "x<bytes>y"}, the bytes raw. */
    private static byte[] raw(int... bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        out.write('x');
        for (int b : bytes) {
            out.write(b);
        }
        out.write('y');
        out.write('"');
        return out.toByteArray();
    }

    @Test
    @DisplayName("every three-byte and sampled four-byte sequence: accepted exactly when the JDK's decoder accepts it")
    void acceptsWhatTheJdkAccepts() {
        for (int a = 0x80; a <= 0xFF; a++) {
            for (int b = 0x00; b <= 0xFF; b++) {
                check(raw(a, b));
                for (int c : new int[] {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}) {
                    check(raw(a, b, c));
                    check(raw(a, b, c, 0x80));
                    check(raw(a, b, c, 0xBF));
                    check(raw(a, b, c, 0x41));
                }
            }
        }
    }

    private void check(byte[] json) {
        byte[] inner = java.util.Arrays.copyOfRange(json, 1, json.length - 1);
        boolean valid;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(inner));
            valid = true;
        } catch (java.nio.charset.CharacterCodingException e) {
            valid = false;
        }
        boolean controls = false;
        boolean specials = false;
        for (byte b : inner) {
            controls |= b >= 0 && b < 0x20;
            specials |= b == '"' || b == '\\';
        }
        if (controls || specials) {
            return; // not a question of UTF-8
        }
        byte[] read = bytes(json);
        assertThat(read != null).as(java.util.Arrays.toString(inner)).isEqualTo(valid);
        if (valid) {
            assertThat(read).isEqualTo(inner);
        }
    }

    @Test
    @DisplayName("20,000 random strings as Jackson writes them (all but U+0000): the bytes are getBytes(UTF_8) of the text, the string is the text")
    void randomStringsAsWritten() throws Exception {
        Random r = new Random(20_261_206L);
        JsonFactory f = new JsonFactory();
        String[] pieces = {"挂错科室", "😀", "𠀀", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\u0001", "\u001f", "\u007f",
            "\u2028", "é", "ß", "<script>", "{\"a\":1}", " ", "x", "abcdefgh", "abcdefghijklmnop", "1234567", "\u00a0", "\ufeff"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(i % 100 == 0 ? 3000 : 40);
            for (int k = 0; k < n; k++) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = b.toString();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var g = f.createGenerator(out)) {
                g.writeString(text);
            }
            byte[] json = out.toByteArray();
            assertThat(bytes(json)).isEqualTo(utf8(text));
            assertThat(reader.end()).isEqualTo(json.length);
            assertThat(reader.string(json, 0)).isEqualTo(text);
            assertThat(reader.end()).isEqualTo(json.length);
        }
    }
}
