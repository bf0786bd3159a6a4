package org.hospital.continuity.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.protocol.http.JdkPushClient;
import org.hospital.continuity.sync.wire.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The golden JSON files of wire version 1 (src/test/resources/contract/v1). The server's and the
 * kiosk's tests read the same files; a change here that breaks them is a protocol version bump.
 */
class ContractTest {

    private final ObjectMapper json = SyncJson.mapper();

    /** The payloads of the golden batch: records of the typed contract (golden files in contract/records/v1). */
    static final String REGISTRATION = "{\"ageYears\":null,\"birthDate\":\"1980-05-17\",\"departmentCode\":\"0301\",\"doctorCode\":\"D042\","
            + "\"feeFen\":1000,\"feeItemCode\":\"REG-01\",\"feeItemName\":\"普通门诊挂号\",\"idNumber\":\"110101198005171233\","
            + "\"insuranceCard\":null,\"insuranceType\":\"SELF_PAY\",\"knownPatientId\":null,\"name\":\"司马光\",\"patientNumber\":\"DT-K1-0001\","
            + "\"phone\":\"13800138000\",\"sex\":\"M\"}";
    static final String CHARGE = "{\"insuranceDeferred\":false,\"invoiceNo\":\"00012345\",\"iouId\":null,\"knownPatientId\":null,"
            + "\"lines\":[{\"amountFen\":2500,\"code\":\"LAB-CBC\",\"insuranceClass\":\"A\",\"kind\":\"ITEM\",\"name\":\"血常规\","
            + "\"quantity\":1,\"specification\":null,\"unit\":\"次\",\"unitPriceFen\":2500}],\"patientName\":\"司马光\","
            + "\"patientNumber\":\"DT-K1-0001\",\"paymentMethod\":\"CASH\",\"phone\":null,"
            + "\"registrationId\":\"6c1f2e3d-4b5a-4978-8a6b-5c4d3e2f1a00\",\"settlement\":\"PAID\",\"totalFen\":2500}";

    /** Entries of the golden batch: a registration captured on a cashier kiosk during downtime, then a charge for it. */
    static JournalEntry goldenEntry(long seq, UUID id) {
        return JournalEntry.seal(id, "kiosk-sf-01", seq, seq == 1 ? "registration" : "charge",
                UUID.fromString(seq == 1 ? "6c1f2e3d-4b5a-4978-8a6b-5c4d3e2f1a00" : "7d2a3b4c-5d6e-4f70-8192-a3b4c5d6e7f1"), 1,
                seq == 1 ? "PatientRegistered" : "ChargeRecorded", 1, seq == 1 ? REGISTRATION : CHARGE,
                Instant.parse("2026-11-21T06:30:00Z"), 116_000_000_000_000L + seq, "acct-cashier-7");
    }

    static PushBatch goldenBatch() {
        return PushBatch.of("kiosk-sf-01", UUID.fromString("3e0c8b8e-2d51-4c1c-9a43-0d4c4b9b7a01"),
                new Backlog(2, Instant.parse("2026-11-21T06:30:00Z"), 2),
                List.of(goldenEntry(1, UUID.fromString("0b9a7a64-6f3e-4f7e-9d55-9b7c3e2a1f01")),
                        goldenEntry(2, UUID.fromString("0b9a7a64-6f3e-4f7e-9d55-9b7c3e2a1f02"))));
    }

    private JsonNode golden(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/contract/v1/" + name)) {
            assertThat(in).as(name).isNotNull();
            return json.readTree(in);
        }
    }

    /** As it goes on the wire, read back (number node types then match the parsed golden file). */
    private JsonNode tree(Object value) throws IOException {
        return json.readTree(json.writeValueAsBytes(value));
    }

    @Test
    @DisplayName("the golden batch's payloads are records of the typed contract")
    void goldenPayloadsAreRecords() {
        assertThat(goldenBatch().entries()).allSatisfy(e -> assertThat(org.hospital.continuity.sync.contract.Contract.CURRENT
                .check(e.toEnvelope())).isInstanceOf(org.hospital.continuity.sync.contract.Contract.Readable.class));
    }

    @Test
    @DisplayName("a push batch serialises exactly as the golden file, and the golden file reads back to it")
    void pushBatchMatchesTheGoldenFile() throws IOException {
        if (Boolean.getBoolean("contract.write-golden")) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/contract/v1/push-batch.json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(goldenBatch()) + "\n");
        }
        JsonNode golden = golden("push-batch.json");
        assertThat(tree(goldenBatch()).equals(golden)).as(json.writeValueAsString(goldenBatch())).isTrue();
        PushBatch read = json.treeToValue(golden, PushBatch.class);
        assertThat(read).isEqualTo(goldenBatch());
        assertThat(read.entries()).allSatisfy(e -> assertThat(e.toEnvelope().hashMatches()).isTrue());
    }

    /** Version 2: the golden batch with entry 2 unreadable on the kiosk, reported in its place (entry 1 still sent). */
    static PushBatch goldenUnreadableBatch() {
        JournalEntry second = goldenEntry(2, UUID.fromString("0b9a7a64-6f3e-4f7e-9d55-9b7c3e2a1f02"));
        return PushBatch.of("kiosk-sf-01", UUID.fromString("3e0c8b8e-2d51-4c1c-9a43-0d4c4b9b7a02"),
                new Backlog(2, Instant.parse("2026-11-21T06:30:00Z"), 2),
                List.of(goldenEntry(1, UUID.fromString("0b9a7a64-6f3e-4f7e-9d55-9b7c3e2a1f01"))),
                List.of(new UnreadableEntry(2L, second.entryId(), second.eventType(), second.contentHash(), UnreadableEntry.CANNOT_DECRYPT)));
    }

    @Test
    @DisplayName("protocol 2: a batch with an entry unreadable on the kiosk serialises exactly as its golden file, and reads back")
    void unreadableBatchMatchesItsGoldenFile() throws IOException {
        if (Boolean.getBoolean("contract.write-golden")) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("src/test/resources/contract/v2"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/contract/v2/push-batch-unreadable.json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(goldenUnreadableBatch()) + "\n");
        }
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/contract/v2/push-batch-unreadable.json")) {
            assertThat(in).isNotNull();
            golden = json.readTree(in);
        }
        assertThat(golden.get("protocol").intValue()).isEqualTo(SyncProtocol.UNREADABLE_VERSION);
        assertThat(tree(goldenUnreadableBatch()).equals(golden)).as(json.writeValueAsString(goldenUnreadableBatch())).isTrue();
        assertThat(json.readTree(new PushBatchWriter().write(goldenUnreadableBatch()))).isEqualTo(golden);
        PushBatch read = json.treeToValue(golden, PushBatch.class);
        assertThat(read).isEqualTo(goldenUnreadableBatch());
        assertThat(new PushBatchReader().read(json.writeValueAsBytes(golden))).isEqualTo(goldenUnreadableBatch());
        assertThat(BatchCheck.check(read, "kiosk-sf-01", BatchCheck.Limits.defaults(2))).isInstanceOf(BatchCheck.Valid.class);
        // and a batch with nothing unreadable is still the version-1 golden batch, byte for byte
        assertThat(goldenBatch().protocol()).isEqualTo(1);
        assertThat(json.writeValueAsString(goldenBatch())).doesNotContain("unreadable");
    }

    @Test
    void aReceiptReadsFromTheGoldenFile() throws IOException {
        PushReceipt r = json.treeToValue(golden("push-receipt.json"), PushReceipt.class);
        assertThat(r).isEqualTo(new PushReceipt(1, "kiosk-sf-01", 2, 2, List.of(), 2, 0, 0, List.of(),
                Instant.parse("2026-11-21T09:00:00.123Z")));
        assertThat(tree(r).equals(golden("push-receipt.json"))).isTrue();
    }

    @Test
    void aReceiptWithAGapAndAConflictReadsFromTheGoldenFile() throws IOException {
        PushReceipt r = json.treeToValue(golden("push-receipt-gap-conflict.json"), PushReceipt.class);
        assertThat(r.cursor()).isEqualTo(39);
        assertThat(r.highestHeld()).isEqualTo(41);
        assertThat(r.gaps()).containsExactly(new SeqRange(40, 40));
        assertThat(r.rejections()).singleElement().extracting(Rejection::reason).isEqualTo(Rejection.CONTENT_CONFLICT);
        assertThat(tree(r).equals(golden("push-receipt-gap-conflict.json"))).isTrue();
    }

    @Test
    void unknownFieldsFromANewerPeerAreIgnored() throws IOException {
        JsonNode withExtra = ((com.fasterxml.jackson.databind.node.ObjectNode) golden("push-receipt.json")).put("futureField", true);
        assertThat(json.treeToValue(withExtra, PushReceipt.class).cursor()).isEqualTo(2);
    }

    @Test
    @DisplayName("the sender's HTTP port reads the golden answers: 200 receipt, 429 Retry-After, 403 problem")
    void theHttpPortInterpretsTheGoldenAnswers() throws IOException {
        byte[] receipt = json.writeValueAsBytes(golden("push-receipt.json"));
        assertThat(JdkPushClient.interpret(200, Optional.empty(), receipt, json))
                .isInstanceOfSatisfying(PushPort.Stored.class, s -> assertThat(s.receipt().cursor()).isEqualTo(2));
        byte[] slow = json.writeValueAsBytes(golden("problem-throttled.json"));
        assertThat(JdkPushClient.interpret(429, Optional.of("3"), slow, json))
                .isEqualTo(new PushPort.Throttled(429, Duration.ofSeconds(3)));
        byte[] revoked = json.writeValueAsBytes(golden("problem-credential-revoked.json"));
        assertThat(JdkPushClient.interpret(403, Optional.empty(), revoked, json))
                .isInstanceOfSatisfying(PushPort.Refused.class, r -> assertThat(r.problem().type()).isEqualTo("/problems/credential-revoked"));
        assertThat(JdkPushClient.interpret(502, Optional.empty(), new byte[0], json)).isInstanceOf(PushPort.Failed.class);
        assertThat(json.treeToValue(golden("problem-throttled.json"), Problem.class).status()).isEqualTo(429);
    }
}
