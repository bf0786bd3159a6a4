package org.hospital.continuity.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.Utf8Text;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The kiosk's batch writer writes exactly the bytes of the {@link SyncJson} serializer. */
class PushBatchWriterTest {

    private final ObjectMapper json = SyncJson.mapper();
    private final PushBatchWriter writer = new PushBatchWriter(json);

    private void sameBytes(PushBatch batch) throws IOException {
        byte[] expected = json.writeValueAsBytes(batch);
        byte[] actual = writer.write(batch);
        if (!Arrays.equals(expected, actual)) {
            assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    @DisplayName("the golden batch: the same bytes as the serializer, and the same JSON as the golden file")
    void theGoldenBatch() throws IOException {
        sameBytes(ContractTest.goldenBatch());
        try (InputStream in = getClass().getResourceAsStream("/contract/v1/push-batch.json")) {
            assertThat(json.readTree(writer.write(ContractTest.goldenBatch()))).isEqualTo(json.readTree(in));
        }
    }

    @Test
    @DisplayName("2,000 random batches with Chinese, emoji, escapes and control characters: byte-identical")
    void randomBatches() throws IOException {
        Random r = new Random(20_261_205L);
        for (int i = 0; i < 2_000; i++) {
            sameBytes(RandomBatches.batch(r));
        }
    }

    @Test
    @DisplayName("missing fields, null entries, no backlog, no entries: nulls omitted as the serializer omits them")
    void incompleteBatches() throws IOException {
        Random r = new Random(7);
        WireEntry full = WireEntry.of(RandomBatches.entry(r, "kiosk-a", 1));
        List<WireEntry> entries = new ArrayList<>();
        entries.add(full);
        entries.add(null);
        entries.add(new WireEntry(null, null, null, null, null, null, null, null, null, null, null, null, null));
        entries.add(new WireEntry(full.entryId(), "kiosk-a", null, "charge", null, 2, null, null, Utf8Text.of("{}"), null, full.recordedAt(), null, "a"));
        sameBytes(new PushBatch(1, "kiosk-a", UUID.randomUUID(), Backlog.EMPTY, entries));
        sameBytes(new PushBatch(null, null, null, null, null));
        sameBytes(new PushBatch(1, "kiosk-a", null, null, List.of()));
    }

    @Test
    @DisplayName("a batch read by the receiver (payloads as UTF-8 bytes) is written back to the same bytes, by the writer and by the serializer")
    void payloadBytesWriteAsTheirString() throws IOException {
        Random r = new Random(20_261_206L);
        PushBatchReader reader = new PushBatchReader(json);
        for (int i = 0; i < 500; i++) {
            PushBatch batch = RandomBatches.batch(r);
            byte[] body = writer.write(batch);
            PushBatch read = reader.read(body);
            assertThat(read.entriesOrEmpty()).allMatch(e -> e.payload().hasUtf8());
            assertThat(writer.write(read)).isEqualTo(body);
            assertThat(json.writeValueAsBytes(read)).isEqualTo(body);
        }
    }
}
