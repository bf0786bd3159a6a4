package org.hospital.continuity.sync.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hospital.continuity.sync.contract.Contract.Kind;
import org.hospital.continuity.sync.contract.Contract.Read;
import org.hospital.continuity.sync.contract.Contract.Readable;
import org.hospital.continuity.sync.contract.Contract.Unreadable;
import org.hospital.continuity.sync.contract.DowntimeRecord.PatientRegistered;
import org.hospital.continuity.sync.envelope.Utf8Text;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed contract of the records kiosks journal: golden files of every kind and version
 * ({@code src/test/resources/contract/records/v<N>/<name>.json}), checked here, by the kiosk's serialiser and by the
 * server's reader. A golden file never changes once shipped: a new field is a new schema version with its own file.
 */
class RecordContractTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "contract", "records");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Contract CONTRACT = Contract.CURRENT;

    /** The golden file of a sample: its place in the stream, the event, the schema version and the payload. */
    static ObjectNode golden(String name, int version) throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(GOLDEN.resolve("v" + version).resolve(name + ".json")));
    }

    static Read read(ObjectNode golden) {
        return CONTRACT.check(golden.get("streamType").asText(), UUID.fromString(golden.get("streamId").asText()),
                golden.get("streamVersion").asInt(), golden.get("eventType").asText(), golden.get("schemaVersion").asInt(),
                Utf8Text.of(golden.get("payload").toString()), Samples.AT);
    }

    /** Every sample in every schema version it has a golden file of. */
    static Stream<Arguments> samples() {
        return java.util.stream.IntStream.rangeClosed(1, Samples.LATEST).boxed()
                .flatMap(v -> Samples.all(v).keySet().stream().sorted().map(name -> Arguments.of(name + " v" + v, name, v)));
    }

    /**
     * The payload as the record writes it now: a golden file of an older schema version lacks the fields added later,
     * and the record (read from it, or built with the older arity) holds them as null.
     */
    static String asWrittenNow(Kind kind, int version, JsonNode payload) {
        ObjectNode now = ((ObjectNode) payload).deepCopy();
        kind.fieldsSince().forEach((field, since) -> {
            if (since > version) {
                now.putNull(field);
            }
        });
        return Contract.canonical(now.toString());
    }

    @Test
    @DisplayName("every kind of the contract has a golden file for every schema version")
    void everyKindAndVersionHasAGoldenFile() throws IOException {
        if (Boolean.getBoolean("contract.write-golden")) {
            writeGolden();
        }
        Set<String> covered = new java.util.HashSet<>();
        for (int v = 1; v <= Samples.LATEST; v++) {
            for (String name : Samples.all(v).keySet()) {
                ObjectNode g = golden(name, v);
                assertThat(g.get("schemaVersion").asInt()).as("schema version of %s in v%d", name, v).isEqualTo(v);
                covered.add(g.get("eventType").asText() + "/v" + g.get("schemaVersion").asInt());
            }
        }
        for (Kind k : CONTRACT.kinds()) {
            for (int v = 1; v <= k.currentVersion(); v++) {
                assertThat(covered).as("golden file of %s version %d", k.eventType(), v).contains(k.eventType() + "/v" + v);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("a golden file reads into its record with no violation, and the record writes exactly the golden payload")
    void goldenFilesReadAndWrite(String title, String name, int version) throws IOException {
        Samples.Sample sample = Samples.all(version).get(name);
        ObjectNode g = golden(name, version);
        Kind kind = CONTRACT.kindOf(sample.record());

        Read read = read(g);

        assertThat(read).as(read.toString()).isInstanceOf(Readable.class);
        assertThat(((Readable) read).record()).isEqualTo(sample.record());
        // the golden payload holds exactly the fields of its version; written now, the later ones come as null
        assertThat(iterable(g.get("payload").fieldNames())).containsExactlyInAnyOrderElementsOf(kind.fields(version));
        assertThat(Contract.write(sample.record())).isEqualTo(asWrittenNow(kind, version, g.get("payload")));
        if (version == kind.currentVersion()) {
            assertThat(Contract.write(sample.record())).isEqualTo(Contract.canonical(g.get("payload").toString()));
        }
        // written as its own version, exactly the golden payload
        assertThat(CONTRACT.write(sample.record(), version)).isEqualTo(Contract.canonical(g.get("payload").toString()));
        assertThat(g.get("eventType").asText()).isEqualTo(CONTRACT.eventType(sample.record()));
        assertThat(g.get("streamType").asText()).isEqualTo(sample.streamType());
        assertThat(g.get("streamVersion").asInt()).isEqualTo(sample.streamVersion());
    }

    @Test
    @DisplayName("the canonical text is sorted, compact and writes every field, absent ones as null")
    void canonicalTextWritesNullsAndSortsKeys() {
        String text = Contract.write(new DowntimeRecord.IouExchanged("F-1"));
        assertThat(text).isEqualTo("{\"formalInvoiceNo\":\"F-1\"}");
        String reg = Contract.write(Samples.all().get("PatientRegistered").record());
        assertThat(reg).startsWith("{\"ageYears\":null,\"birthDate\":\"1980-05-17\",\"departmentCode\":\"0301\"");
    }

    static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    @DisplayName("the kiosk's new fields are version 2 of registration, charge and IOU slip: a kiosk writes 2, version 1 still reads")
    void registrationChargeAndSlipAreVersion2() throws IOException {
        assertThat(CONTRACT.kind("PatientRegistered").orElseThrow().fieldsSince())
                .isEqualTo(Map.of("guardianName", 2, "guardianPhone", 2, "previousRegistrationId", 2));
        assertThat(CONTRACT.kind("ChargeRecorded").orElseThrow().fieldsSince())
                .isEqualTo(Map.of("iouNumber", 2, "insuranceType", 2, "insuranceCard", 2));
        assertThat(CONTRACT.kind("IouIssued").orElseThrow().fieldsSince())
                .isEqualTo(Map.of("number", 2, "insuranceType", 2, "insuranceCard", 2));
        for (String name : List.of("PatientRegistered", "ChargeRecorded", "IouIssued")) {
            assertThat(CONTRACT.schemaVersion(Samples.all(2).get(name).record())).as(name).isEqualTo(2);
            // a version-1 entry journalled before the upgrade reads with the later fields null
            Read old = read(golden(name, 1));
            assertThat(old).as(old.toString()).isInstanceOf(Readable.class);
            DowntimeRecord r = ((Readable) old).record();
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                if (CONTRACT.kindOf(r).fieldsSince().containsKey(c.getName())) {
                    try {
                        assertThat(c.getAccessor().invoke(r)).as("%s.%s", name, c.getName()).isNull();
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("a record with a version-2 field filled cannot be written as version 1, nor as a version the kind lacks")
    void laterFieldsCannotBeWrittenInAnOlderVersion() {
        DowntimeRecord slip = Samples.all(2).get("IouIssued").record();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CONTRACT.write(slip, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IouIssued version 1 has no field");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CONTRACT.write(slip, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema versions 1 to 2");
    }

    // ---- what the reader refuses, each naming the field --------------------------------------------------------

    static Arguments bad(String name, String field, Consumer<ObjectNode> change) {
        return bad(name, 1, field, change);
    }

    static Arguments bad(String name, int version, String field, Consumer<ObjectNode> change) {
        return Arguments.of(name + " v" + version + " → " + field, name, version, field, change);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                bad("ChargeRecorded", "payload.totalFen", g -> payload(g).put("totalFen", 6300)),
                bad("ChargeRecorded", "payload.lines[1].amountFen", g -> line(g, 1).put("amountFen", 3800)),
                bad("ChargeRecorded", "payload.lines[0].quantity", g -> line(g, 0).put("quantity", 0)),
                bad("ChargeRecorded", "payload.lines[0].kind", g -> line(g, 0).put("kind", "SERVICE")),
                bad("ChargeRecorded", "payload.settlement", g -> payload(g).put("settlement", "LATER")),
                bad("ChargeRecorded", "payload.paymentMethod", g -> payload(g).put("paymentMethod", "CHEQUE")),
                bad("ChargeRecorded", "payload.registrationId", g -> payload(g).put("registrationId", "R-1")),
                bad("ChargeRecorded", "payload.lines", g -> payload(g).putArray("lines")),
                bad("PatientRegistered", "payload.birthDate", g -> payload(g).put("birthDate", "2027-01-01")),
                bad("PatientRegistered", "payload.birthDate", g -> payload(g).put("birthDate", "1850-01-01")),
                bad("PatientRegistered", "payload.sex", g -> payload(g).put("sex", "X")),
                bad("PatientRegistered", "payload.idNumber", g -> payload(g).put("idNumber", "110101198005171234")),
                bad("PatientRegistered", "payload.insuranceType", g -> payload(g).put("insuranceType", "GOLD")),
                bad("PatientRegistered", "payload.name", g -> payload(g).put("name", " ")),
                bad("PatientRegistered", "payload.name", g -> payload(g).put("name", "...")),
                bad("PatientRegistered", "payload.name", g -> payload(g).put("name", "•")),
                bad("PatientRegistered", "payload.feeFen", g -> payload(g).put("feeFen", -1)),
                bad("PatientRegistered", "streamVersion", g -> g.put("streamVersion", 2)),
                bad("PatientRegistered", "streamType", g -> g.put("streamType", "charge")),
                bad("PatientRegistered", "schemaVersion", g -> g.put("schemaVersion", 3)),
                bad("PatientRegistered", "schemaVersion", g -> g.put("schemaVersion", 0)),
                // a field of version 2 in a payload that says version 1
                bad("PatientRegistered", "payload.guardianName", g -> payload(g).put("guardianName", "司马懿")),
                bad("ChargeRecorded", "payload.iouNumber", g -> payload(g).put("iouNumber", "3C4D-0001")),
                bad("IouIssued", "payload.number", g -> payload(g).put("number", "3C4D-0001")),
                bad("IouIssued", "payload.insuranceType", g -> payload(g).put("insuranceType", "EMPLOYEE")),
                bad("PatientRegistered", 2, "schemaVersion", g -> g.put("schemaVersion", 3)),
                bad("PatientRegistered", 2, "payload.guardian", g -> payload(g).put("guardian", "司马懿")),
                bad("PatientRegistered", 2, "payload.birthDate", g -> payload(g).put("birthDate", "2027-01-01")),
                bad("ChargeRecorded", 2, "payload.invoiceNo", g -> payload(g).put("invoiceNo", "00012348")),
                bad("ChargeRecorded", 2, "payload.totalFen", g -> payload(g).put("totalFen", 6300)),
                bad("IouIssued", 2, "payload.phone", g -> payload(g).putNull("phone")),
                bad("IouIssued", 2, "payload.amountFen", g -> payload(g).remove("amountFen")),
                bad("PatientRegistered", "payload.guardian", g -> payload(g).put("guardian", "司马懿")),
                bad("PatientRegistered", "payload.feeFen", g -> payload(g).put("feeFen", "ten")),
                bad("PatientRegistered", "payload.feeFen", g -> payload(g).remove("feeFen")),
                bad("PatientRegistered", "eventType", g -> g.put("eventType", "PatientAdmitted")),
                bad("DischargeSettled", "payload.balanceFen", g -> payload(g).put("balanceFen", 9000)),
                bad("DischargeSettled", "payload.examsChecked", g -> payload(g).put("examsChecked", false)),
                bad("PrescriptionWritten", "payload.lines[0].route", g -> line(g, 0).put("route", "oral")),
                bad("PrescriptionWritten", "payload.lines[0].days", g -> line(g, 0).put("days", 91)),
                bad("PrescriptionWritten", "payload.lines[0].dose", g -> line(g, 0).put("dose", 0)),
                bad("PrescriptionCorrection", "payload.correctionReason", g -> payload(g).putNull("correctionReason")),
                bad("OrderWritten", "payload.kind", g -> payload(g).put("kind", "SURGERY")),
                bad("ExamRequest", "payload.dischargeMark", g -> payload(g).putNull("dischargeMark")),
                bad("RequisitionIssued", "payload.patient.knownPatientId", g -> ((ObjectNode) payload(g).get("patient")).putNull("knownPatientId")),
                bad("RequisitionIssued", "payload.allergyCheck.overrideReason",
                        g -> ((ObjectNode) payload(g).get("allergyCheck")).putNull("overrideReason")),
                bad("ExamsRegistered", "payload.totalFen", g -> payload(g).put("totalFen", 18000)),
                bad("ExamsRegistered", "payload.exams[1].priceFen", g -> ((ObjectNode) payload(g).withArray("exams").get(1)).put("priceFen", -5)),
                bad("Dispensed", "payload.fillsType", g -> payload(g).put("fillsType", "charge")),
                bad("Dispensed", "payload.fills", g -> payload(g).putNull("fills")),
                bad("IouExchanged", "streamVersion", g -> g.put("streamVersion", 3)),
                bad("InvoiceVoided", "streamVersion", g -> g.put("streamVersion", 1)),
                bad("ClinicalFormVoided", "payload.voids", g -> payload(g).put("voids", Samples.REQUISITION.toString())),
                bad("ClinicalFormVoided", "payload.reason", g -> payload(g).put("reason", "")),
                bad("AllergyNoted", "payload.severity", g -> payload(g).put("severity", "DEADLY")),
                // HR-9: a version-2 void or correction names its approver (not the one who made the change)
                bad("ClinicalFormVoided", 2, "payload.approvedBy", g -> payload(g).putNull("approvedBy")),
                bad("ClinicalFormVoided", 2, "payload.approvedBy", g -> payload(g).put("approvedBy", " ")),
                bad("ClinicalFormVoided", 2, "payload.approvedByName", g -> payload(g).putNull("approvedByName")),
                bad("ClinicalFormVoided", 2, "payload.approvedBy", g -> payload(g).put("approvedBy", "x".repeat(101))),
                bad("ClinicalFormCorrected", 2, "payload.approvedBy", g -> payload(g).remove("approvedBy")),
                bad("ClinicalFormCorrected", 2, "payload.approvedByName", g -> payload(g).put("approvedByName", "名".repeat(201))),
                bad("InvoiceVoided", 2, "payload.approvedBy", g -> payload(g).putNull("approvedBy")),
                bad("ClinicalFormVoided", "payload.approvedBy", g -> payload(g).put("approvedBy", "doctor-2")),
                bad("ClinicalFormCorrected", "payload.approvedByName", g -> payload(g).put("approvedByName", "主任医师甲")),
                bad("IouIssued", "payload.phone", g -> payload(g).putNull("phone")));
    }

    static ObjectNode payload(ObjectNode g) {
        return (ObjectNode) g.get("payload");
    }

    static ObjectNode line(ObjectNode g, int i) {
        return (ObjectNode) ((ArrayNode) payload(g).get("lines")).get(i);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    @DisplayName("content that breaks the contract is refused with a violation naming the field")
    void contentIsCheckedField(String title, String name, int version, String field, Consumer<ObjectNode> change) throws IOException {
        ObjectNode g = golden(name, version);
        change.accept(g);

        Read read = read(g);

        assertThat(read).as(title).isInstanceOf(Unreadable.class);
        assertThat(((Unreadable) read).violations()).as(read.toString()).extracting(Violation::field).contains(field);
    }

    @Test
    @DisplayName("HR-9 a void or correction approved by the account that made it is refused: the approver must be a second person")
    void theApproverIsASecondPerson() throws IOException {
        for (String name : List.of("ClinicalFormVoided", "ClinicalFormCorrected", "InvoiceVoided", "InvoiceNumberSpoiled")) {
            ObjectNode g = golden(name, 2);
            String approver = payload(g).get("approvedBy").asText();
            Read self = CONTRACT.check(g.get("streamType").asText(), UUID.fromString(g.get("streamId").asText()),
                    g.get("streamVersion").asInt(), name, 2, Utf8Text.of(g.get("payload").toString()), Samples.AT, approver);
            Read upper = CONTRACT.check(g.get("streamType").asText(), UUID.fromString(g.get("streamId").asText()),
                    g.get("streamVersion").asInt(), name, 2, Utf8Text.of(g.get("payload").toString()), Samples.AT, approver.toUpperCase());
            Read other = CONTRACT.check(g.get("streamType").asText(), UUID.fromString(g.get("streamId").asText()),
                    g.get("streamVersion").asInt(), name, 2, Utf8Text.of(g.get("payload").toString()), Samples.AT, "someone-else");
            assertThat(self).as(name).isInstanceOf(Unreadable.class);
            assertThat(((Unreadable) self).violations()).extracting(Violation::field).containsExactly("payload.approvedBy");
            assertThat(upper).as(name + " in other letter case").isInstanceOf(Unreadable.class);
            assertThat(other).as(name).isInstanceOf(Readable.class);
            // version 1 (written before approval was asked) carries no approver and stays readable
            ObjectNode v1 = golden(name, 1);
            assertThat(CONTRACT.check(v1.get("streamType").asText(), UUID.fromString(v1.get("streamId").asText()),
                    v1.get("streamVersion").asInt(), name, 1, Utf8Text.of(v1.get("payload").toString()), Samples.AT, "anyone"))
                    .as(name + " v1").isInstanceOf(Readable.class);
        }
        assertThat(CONTRACT.kind("ClinicalFormVoided").orElseThrow().currentVersion()).isEqualTo(2);
        assertThat(CONTRACT.kind("ClinicalFormCorrected").orElseThrow().currentVersion()).isEqualTo(2);
    }

    @Test
    @DisplayName("a payload that is not JSON, or not an object, is unreadable, never an exception")
    void garbageIsUnreadable() {
        for (String payload : List.of("not json", "[1,2]", "\"text\"", "{\"broken\":", "")) {
            Read read = CONTRACT.check("registration", UUID.randomUUID(), 1, "PatientRegistered", 1, Utf8Text.of(payload), Samples.AT);
            assertThat(read).as(payload).isInstanceOf(Unreadable.class);
            assertThat(((Unreadable) read).violations()).extracting(Violation::field).containsExactly("payload");
        }
    }

    @Test
    @DisplayName("a field added in a later schema version: absent (null) in older payloads, refused in them, read in its version")
    void fieldsAddedLaterComeWithANewSchemaVersion() throws IOException {
        Kind kind = new Kind("Guarded", Set.of("test"), Guarded.class, Contract.Position.FIRST, 2, Map.of("guardian", 2));
        Contract later = new Contract(List.of(kind));

        Read v1 = later.read("test", 1, "Guarded", 1, Utf8Text.of("{\"name\":\"司马光\"}"));
        Read v1WithV2Field = later.read("test", 1, "Guarded", 1, Utf8Text.of("{\"guardian\":\"司马懿\",\"name\":\"司马光\"}"));
        Read v2 = later.read("test", 1, "Guarded", 2, Utf8Text.of("{\"guardian\":\"司马懿\",\"name\":\"司马光\"}"));
        Read v3 = later.read("test", 1, "Guarded", 3, Utf8Text.of("{\"guardian\":\"司马懿\",\"name\":\"司马光\"}"));

        assertThat(((Readable) v1).value()).isEqualTo(new Guarded("司马光", null));
        assertThat(((Unreadable) v1WithV2Field).violations()).extracting(Violation::field).containsExactly("payload.guardian");
        assertThat(((Readable) v2).value()).isEqualTo(new Guarded("司马光", "司马懿"));
        assertThat(((Unreadable) v3).violations()).extracting(Violation::field).containsExactly("schemaVersion");
        assertThat(kind.fields(1)).containsExactly("name");
    }

    /** A kind with a field added in its version 2. */
    record Guarded(String name, String guardian) {
    }

    /** Writes the golden files from the samples (run once with -Dcontract.write-golden=true, then review them). */
    static void writeGolden() throws IOException {
        ObjectMapper pretty = new ObjectMapper();
        for (int version = 1; version <= Samples.LATEST; version++) {
            for (Map.Entry<String, Samples.Sample> e : Samples.all(version).entrySet()) {
                Samples.Sample s = e.getValue();
                Kind kind = CONTRACT.kindOf(s.record());
                ObjectNode g = pretty.createObjectNode();
                g.put("streamType", s.streamType());
                g.put("streamId", s.streamId().toString());
                g.put("streamVersion", s.streamVersion());
                g.put("eventType", kind.eventType());
                g.put("schemaVersion", version);
                ObjectNode payload = (ObjectNode) pretty.readTree(Contract.write(s.record()));
                payload.retain(kind.fields(version));
                g.set("payload", payload);
                Path file = GOLDEN.resolve("v" + version).resolve(e.getKey() + ".json");
                Files.createDirectories(file.getParent());
                Files.writeString(file, pretty.writerWithDefaultPrettyPrinter().writeValueAsString(g) + "\n", StandardCharsets.UTF_8);
            }
        }
    }
}
