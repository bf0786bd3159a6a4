package org.hospital.continuity.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The receiver's streaming reader gives what the {@link SyncJson} data binder gives: the same batch
 * for every body, the same exception (class and message) for every body the binder refuses.
 */
class PushBatchReaderTest {

    private final ObjectMapper json = SyncJson.mapper();
    private final PushBatchReader reader = new PushBatchReader(json);

    /** Either the batch or the exception's class and message. */
    private Object binder(byte[] body) {
        try {
            return json.readValue(body, PushBatch.class);
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private Object reader(byte[] body) {
        try {
            return reader.read(body);
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private void same(String body) {
        same(body.getBytes(StandardCharsets.UTF_8));
    }

    private void same(byte[] body) {
        assertThat(reader(body)).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(binder(body));
    }

    /** The usual body: read by the fast path, to the binder's result. */
    private void fast(byte[] body) {
        PushBatch fast = reader.fast(body);
        assertThat(fast).as("fast path taken").isNotNull();
        assertThat(fast).isEqualTo(binder(body));
    }

    @Test
    @DisplayName("the golden batch (pretty-printed, Chinese payload) is read by the fast path to the binder's batch")
    void theGoldenBatch() throws IOException {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/contract/v1/push-batch.json")) {
            golden = in.readAllBytes();
        }
        fast(golden);
        assertThat(reader.read(golden)).isEqualTo(ContractTest.goldenBatch());
    }

    @Test
    @DisplayName("2,000 random batches with Chinese, emoji, escapes and control characters, as kiosks write them: fast path, same batch")
    void randomBatches() throws IOException {
        Random r = new Random(20_261_206L);
        PushBatchWriter writer = new PushBatchWriter(json);
        for (int i = 0; i < 2_000; i++) {
            PushBatch batch = RandomBatches.batch(r);
            byte[] body = writer.write(batch);
            fast(body);
            assertThat(reader.read(body)).isEqualTo(batch);
            byte[] pretty = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(batch);
            fast(pretty);
        }
    }

    @Test
    @DisplayName("fields in another order, \\u escapes and escaped surrogate pairs: fast path, same batch")
    void reorderedAndEscaped() {
        String entry = "{\"actor\":\"acct\\u002d7\",\"hlc\":5,\"recordedAt\":\"2026-11-21T06:30:00.123456789Z\","
                + "\"contentHash\":\"ab\",\"payload\":\"{\\\"n\\\":\\\"\\u6302\\ud83d\\ude00\\\"}\",\"schemaVersion\":1,"
                + "\"eventType\":\"E\",\"streamVersion\":1,\"streamId\":\"6C1F2E3D-4B5A-4978-8A6B-5C4D3E2F1A00\","
                + "\"streamType\":\"s\",\"kioskSeq\":9223372036854775807,\"kioskId\":\"k\",\"entryId\":\"0b9a7a64-6f3e-4f7e-9d55-9b7c3e2a1f01\"}";
        String body = "{\"entries\":[" + entry + "," + entry + "],\"backlog\":{\"lastSeq\":3,\"pending\":1},"
                + "\"batchId\":\"3e0c8b8e-2d51-4c1c-9a43-0d4c4b9b7a01\",\"kioskId\":\"k\",\"protocol\":1}";
        fast(body.getBytes(StandardCharsets.UTF_8));
        fast("{}".getBytes(StandardCharsets.UTF_8));
        fast("{\"protocol\":1,\"kioskId\":\"k\",\"entries\":[]}   trailing".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a payload with every kind of JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t, \\uXXXX in either case, escaped surrogate pairs): fast path, the bytes of the binder's string")
    void escapesInAPayload() throws IOException {
        String good = new String(new PushBatchWriter(json).write(ContractTest.goldenBatch()), StandardCharsets.UTF_8);
        for (String s : List.of("a\\\\b\\/c\\bd\\fe\\nf\\rg\\th", "\\u0041\\u00e9\\u00E9\\u6302\\uFFFF", "\\u0001\\u001f\\u007f\\u0080\\u07ff\\u0800",
                "\\ud83d\\ude00", "\\uD83C\\uDFE5 \\ud840\\udc00", "\\udbff\\udfff", "é😀𠀀\\u2028\\u2029\\ufeff")) {
            byte[] body = good.replace("门诊挂号", "门诊挂" + s + "号").getBytes(StandardCharsets.UTF_8);
            fast(body);
            assertThat(hex(payloadBytes(reader.read(body)))).as(s).isEqualTo(hex(bindersPayloadBytes(body)));
        }
        byte[] pair = good.replace("门诊挂号", "门诊挂\\ud83d\\ude00").getBytes(StandardCharsets.UTF_8);
        assertThat(String.join("|", payloadBytes(reader.read(pair)).stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList()))
                .as("an escaped pair is the code point's four bytes").contains("挂😀");
    }

    /** Every entry's payload bytes as the reader gives them. */
    private static List<byte[]> payloadBytes(PushBatch batch) {
        return batch.entries().stream().map(e -> e.payload().utf8()).toList();
    }

    private static List<String> hex(List<byte[]> bytes) {
        return bytes.stream().map(java.util.HexFormat.of()::formatHex).toList();
    }

    /** Every entry's payload as the UTF-8 of the string the binder reads. */
    private List<byte[]> bindersPayloadBytes(byte[] body) throws IOException {
        return json.readValue(body, PushBatch.class).entries().stream().map(e -> e.payload().toString().getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    @DisplayName("lone escaped surrogates in a payload: its bytes are the UTF-8 of the binder's string ('?' for each), the bytes the hash was defined over")
    void loneSurrogatesInAPayload() throws IOException {
        String good = new String(new PushBatchWriter(json).write(ContractTest.goldenBatch()), StandardCharsets.UTF_8);
        for (String s : List.of("\\ud800", "\\udc00", "x\\ud83dy", "\\ude00\\ud83d", "\\ud83d\\u0041", "\\ud83d\\n", "\\ud83d",
                "\\ud83d\\ud83d\\ude00")) {
            String body = good.replace("门诊挂号", "门诊挂" + s + "号");
            assertThat(body).as(s).isNotEqualTo(good);
            same(body);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            List<byte[]> read = payloadBytes(reader.read(bytes));
            assertThat(hex(read)).as(s).isEqualTo(hex(bindersPayloadBytes(bytes)));
            assertThat(String.join("|", read.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList())).as(s).contains("门诊挂")
                    .contains("?"); // each lone surrogate is '?' in the bytes
        }
    }

    @Test
    @DisplayName("a payload whose bytes are not UTF-8 (every lead byte with every next byte, overlong forms, encoded surrogates, truncated): the binder's batch or exception, and a payload read is always well-formed UTF-8")
    void invalidUtf8InAPayload() throws IOException {
        byte[] good = new PushBatchWriter(json).write(ContractTest.goldenBatch());
        String text = new String(good, StandardCharsets.UTF_8);
        int at = text.substring(0, text.indexOf("门诊挂号")).getBytes(StandardCharsets.UTF_8).length;
        for (int a = 0x80; a <= 0xFF; a++) {
            for (int b = 0x00; b <= 0xFF; b += (b < 0x7F || b > 0xC0 ? 5 : 1)) {
                for (int[] tail : new int[][] {{}, {0x80}, {0xBF, 0x80}, {0x41}}) {
                    byte[] body = new byte[good.length + 2 + tail.length];
                    System.arraycopy(good, 0, body, 0, at);
                    body[at] = (byte) a;
                    body[at + 1] = (byte) b;
                    for (int k = 0; k < tail.length; k++) {
                        body[at + 2 + k] = (byte) tail[k];
                    }
                    System.arraycopy(good, at, body, at + 2 + tail.length, good.length - at);
                    if (b == '"' || b == '\\' || b < 0x20) {
                        continue; // not a question of UTF-8
                    }
                    same(body);
                    if (reader(body) instanceof PushBatch batch) {
                        for (byte[] payload : payloadBytes(batch)) {
                            try {
                                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(payload));
                            } catch (java.nio.charset.CharacterCodingException e) {
                                throw new AssertionError("payload not well-formed UTF-8 for " + Integer.toHexString(a) + " "
                                        + Integer.toHexString(b), e);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("instants: every Instant.toString() form is read without the formatter to the same instant; any text it accepts, ISO_INSTANT reads the same")
    void instantsAsTheFormatterReadsThem() {
        Random r = new Random(99);
        for (int i = 0; i < 200_000; i++) {
            java.time.Instant t = java.time.Instant.ofEpochSecond(r.nextLong(-62_000_000_000L, 253_000_000_000L),
                    r.nextInt(4) == 0 ? 0 : r.nextInt(4) == 0 ? r.nextInt(1000) * 1_000_000 : r.nextInt(1_000_000_000));
            String s = t.toString();
            assertThat(PushBatchReader.instant(s.toCharArray(), 0, s.length())).as(s).isEqualTo(t);
        }
        char[] alphabet = "0123456789".toCharArray();
        for (int i = 0; i < 200_000; i++) {
            // random digits in the shape, with impossible months, days (29-31 Feb, 31 Apr), hours, leap seconds
            StringBuilder b = new StringBuilder();
            String shape = switch (r.nextInt(3)) {
                case 0 -> "dddd-dd-ddTdd:dd:ddZ";
                case 1 -> "dddd-dd-ddTdd:dd:dd.dddZ";
                default -> "dddd-dd-ddTdd:dd:dd." + "d".repeat(1 + r.nextInt(10)) + "Z";
            };
            for (char ch : shape.toCharArray()) {
                b.append(ch == 'd' ? alphabet[r.nextInt(r.nextBoolean() ? 10 : 4)] : ch);
            }
            String s = b.toString();
            java.time.Instant expected;
            try {
                expected = java.time.Instant.parse(s);
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            java.time.Instant fast;
            try {
                fast = PushBatchReader.instant(s.toCharArray(), 0, s.length());
            } catch (RuntimeException e) {
                fast = null; // the reader then asks the binder
            }
            if (fast != null) {
                assertThat(fast).as(s).isEqualTo(expected);
            }
        }
        for (String s : List.of("2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-21T24:00:00Z",
                "2026-12-31T23:59:60Z", "2026-11-21T06:30:00.Z", "2026-11-21T06:30Z", "2026-11-21t06:30:00z", "2026-11-21T06:30:00.1234567890Z",
                "+12026-11-21T06:30:00Z", "2026-11-21T06:30:00+00:00", " 2026-11-21T06:30:00Z")) {
            java.time.Instant fast;
            try {
                fast = PushBatchReader.instant(s.toCharArray(), 0, s.length());
            } catch (RuntimeException e) {
                fast = null;
            }
            if (fast != null) {
                assertThat(fast).as(s).isEqualTo(java.time.Instant.parse(s));
            }
            String body = "{\"protocol\":1,\"kioskId\":\"k\",\"backlog\":{\"pending\":0,\"oldestUnsentAt\":\"" + s + "\",\"lastSeq\":0}}";
            same(body);
        }
    }

    @Test
    @DisplayName("unusual but valid bodies (unknown fields, nulls, numbers as strings, offsets, epoch instants, base64 ids) go to the binder")
    void unusualBodiesGiveTheBindersResult() throws IOException {
        String good = new String(new PushBatchWriter(json).write(ContractTest.goldenBatch()), StandardCharsets.UTF_8);
        List<String> bodies = List.of(
                good.replace("\"protocol\":1", "\"protocol\":1,\"futureField\":{\"a\":[1,2]}"),
                good.replace("\"hlc\":", "\"futureField\":true,\"hlc\":"),
                good.replace("\"kioskSeq\":1", "\"kioskSeq\":\"1\""),
                good.replace("\"kioskSeq\":1", "\"kioskSeq\":null"),
                good.replace("\"kioskSeq\":1", "\"kioskSeq\":1.0"),
                good.replace("\"recordedAt\":\"2026-11-21T06:30:00Z\"", "\"recordedAt\":\"2026-11-21T14:30:00+08:00\""),
                good.replace("\"recordedAt\":\"2026-11-21T06:30:00Z\"", "\"recordedAt\":1795242600"),
                good.replace("\"recordedAt\":\"2026-11-21T06:30:00Z\"", "\"recordedAt\":\"1795242600.5\""),
                good.replace("\"oldestUnsentAt\":\"2026-11-21T06:30:00Z\"", "\"oldestUnsentAt\":null"),
                good.replace("\"batchId\":\"3e0c8b8e-2d51-4c1c-9a43-0d4c4b9b7a01\"", "\"batchId\":\"PgyLji1RTByaQw1MS5t6AQ==\""),
                good.replace("\"entries\":[", "\"entries\":[null,"),
                good.replace("\"backlog\":{", "\"backlog\":null,\"x\":{"),
                good.replace("\"kioskId\":\"kiosk-sf-01\",\"batchId\"", "\"kioskId\":\"a\",\"kioskId\":\"kiosk-sf-01\",\"batchId\""),
                "{\"protocol\":1,\"kioskId\":\"k\",\"entries\":null}",
                "{\"protocol\":1,\"kioskId\":\"k\",\"backlog\":{\"pending\":1,\"lastSeq\":2,\"extra\":1}}",
                "{\"protocol\":\"1\",\"kioskId\":\"k\"}");
        for (String body : bodies) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertThat(reader.fast(bytes)).as(body).isNull();
            assertThat(binder(bytes)).as(body).isInstanceOf(PushBatch.class);
            same(body);
        }
        ObjectNode tree = (ObjectNode) json.readTree(good);
        ((ObjectNode) ((ArrayNode) tree.get("entries")).get(0)).put("payload", "x");
        same(tree.toString());
    }

    @Test
    @DisplayName("malformed bodies give the binder's exception, class and message")
    void malformedBodiesGiveTheBindersError() throws IOException {
        String good = new String(new PushBatchWriter(json).write(ContractTest.goldenBatch()), StandardCharsets.UTF_8);
        List<String> bodies = List.of(
                "{\"protocol\":1, ",
                "{\"protocol\":1,\"entries\":[{\"kioskSeq\":\"abc\"}]}",
                "{\"protocol\":1,\"kioskId\":\"k\",\"backlog\":{\"pending\":-1,\"lastSeq\":0}}",
                "[1,2]",
                "\"text\"",
                "{\"protocol\":1 \"kioskId\":\"k\"}",
                "{\"protocol\":01}",
                "{\"protocol\":1,\"kioskId\":\"k\",\"entries\":[1]}",
                "{\"protocol\":1,\"kioskId\":\"k\",\"entries\":{}}",
                "{'protocol':1}",
                "{\"protocol\":1,\"kioskId\":\"k\u0001\"}",
                good.replace("\"batchId\":\"3e0c8b8e-2d51-4c1c-9a43-0d4c4b9b7a01\"", "\"batchId\":\"3e0c8b8e-2d51-4c1c-9a43-0d4c4b9b7aXY\""),
                good.replace("\"batchId\":\"3e0c8b8e-2d51-4c1c-9a43-0d4c4b9b7a01\"", "\"batchId\":\"3e0c8b8e\""),
                good.replace("\"recordedAt\":\"2026-11-21T06:30:00Z\"", "\"recordedAt\":\"2026-13-21T06:30:00Z\""),
                good.replace("\"recordedAt\":\"2026-11-21T06:30:00Z\"", "\"recordedAt\":\"yesterday\""),
                good.replace("\"kioskSeq\":1", "\"kioskSeq\":99999999999999999999999"),
                good.replace("\"streamVersion\":1", "\"streamVersion\":4294967296"),
                good.replace("\"schemaVersion\":1", "\"schemaVersion\":true"),
                good.substring(0, good.length() / 2),
                good.replace("普通门诊挂号", "普通门诊挂号\\x"));
        for (String body : bodies) {
            assertThat(binder(body.getBytes(StandardCharsets.UTF_8))).as(body).isInstanceOf(String.class);
            same(body);
        }
        byte[] badUtf8 = good.getBytes(StandardCharsets.UTF_8);
        badUtf8[good.indexOf("kiosk-sf-01")] = (byte) 0xC3; // a lead byte followed by ASCII: invalid UTF-8
        same(badUtf8);
        same(new byte[0]);
        same("null"); // the binder's answer is no batch at all
    }
}
