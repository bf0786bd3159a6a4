package org.hospital.continuity.kiosk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kiosk's serialiser against the golden files of the record contract (sync/src/test/resources/contract/records):
 * the kiosk writes every kind exactly as the golden payload, and reads it back into the same record.
 */
class KioskContractTest {

    static final Path GOLDEN = Path.of("..", "sync", "src", "test", "resources", "contract", "records");

    static Stream<Path> goldenFiles() throws IOException {
        try (Stream<Path> versions = Files.list(GOLDEN)) {
            List<Path> dirs = versions.sorted().toList();
            return dirs.stream().flatMap(d -> {
                try (Stream<Path> files = Files.list(d)) {
                    return files.sorted().toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    @DisplayName("the kiosk's canonical JSON of each kind is byte for byte the golden payload")
    void kioskWritesTheGoldenPayload(Path file) throws IOException {
        JsonNode golden = new ObjectMapper().readTree(Files.readString(file));
        String eventType = golden.get("eventType").asText();
        Contract.Kind kind = Contract.CURRENT.kind(eventType).orElseThrow();
        Class<? extends Record> type = kind.type();
        int version = golden.get("schemaVersion").asInt();
        String payload = golden.get("payload").toString();
        // a golden file of an older schema version lacks the fields added later: the record holds them as null and
        // the kiosk (which journals the current version) writes them as null
        com.fasterxml.jackson.databind.node.ObjectNode now = (com.fasterxml.jackson.databind.node.ObjectNode) golden.get("payload").deepCopy();
        kind.fieldsSince().forEach((field, since) -> {
            if (since > version) {
                now.putNull(field);
            }
        });

        Object record = CanonicalJson.read(payload, type);

        assertThat(record).isInstanceOf(DowntimeRecord.class);
        assertThat(CanonicalJson.of(record)).isEqualTo(Contract.canonical(now.toString()));
        assertThat(Contract.write(record)).isEqualTo(CanonicalJson.of(record));
        // written as its own version, it is byte for byte the golden payload
        assertThat(Contract.CURRENT.write((DowntimeRecord) record, version)).isEqualTo(Contract.canonical(payload));
    }
}
