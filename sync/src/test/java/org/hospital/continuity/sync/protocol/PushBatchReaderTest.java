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
