package org.hospital.continuity.server.writeback;

import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.writeback.app.RunningWriteBack;
import org.hospital.continuity.server.writeback.app.WritingBack;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.sync.envelope.JournalEntry;
import org.hospital.continuity.sync.his.HisPort;
import org.hospital.continuity.sync.matching.NationalId;
import org.hospital.continuity.sync.protocol.Backlog;
import org.hospital.continuity.sync.protocol.PushBatch;
import org.hospital.continuity.sync.protocol.SyncJson;
import org.hospital.continuity.sync.protocol.SyncProtocol;
import org.hospital.continuity.sync.protocol.http.JdkPushClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Issue 9 end to end on the server: kiosk-shaped journal entries from two kiosks arrive through the real sync
 * receiver API into {@code sync_entry}, are read back by {@link SyncedEntries} (the incident's capture window and the sync receiver's entries) for the incident's window,
 * assembled into visits and written into the stand-in FHIR HIS; the visit that is not certain goes to the
 * workbench; the dispense that does not fit its prescription and the IOU slip appear as traces. A second
 * push and a second run create nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FhirTestServerResource.class)
class SyncedWriteBackTest {

    private static final ObjectMapper JSON = SyncJson.mapper();

    @Inject
    RunningWriteBack running;
    @Inject
    SyncedEntries synced;
    @Inject
    HisPort hisPort;
    @Inject
    Pool pool;

    private FhirHisPort his() {
        return (FhirHisPort) hisPort;
    }

    /** One kiosk's journal: sequence numbers, hybrid clock and capture times as a kiosk writes them. */
    private static final class Journal {
        final String kiosk;
        final List<JournalEntry> entries = new ArrayList<>();
        Instant at;

        Journal(String kiosk, Instant start) {
            this.kiosk = kiosk;
            this.at = start;
        }

        UUID append(String streamType, UUID stream, int version, String eventType, String payload) {
            at = at.plus(Duration.ofMinutes(7));
            long seq = entries.size() + 1;
            // journalled in the kind's current schema version, as a kiosk does (the payloads are written from current records)
            int schema = Contract.CURRENT.kind(eventType).map(Contract.Kind::currentVersion).orElse(1);
            entries.add(JournalEntry.seal(UUID.randomUUID(), kiosk, seq, streamType, stream, version, eventType, schema, payload, at,
                    (at.toEpochMilli() << 16) + seq, "acct-" + kiosk));
            return stream;
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String registration(String number, String name, String sex, LocalDate born, String id, String phone) {
        return Contract.write(new DowntimeRecord.PatientRegistered(number, null, name, sex, born, null, id, phone, "SELF_PAY", null,
                "0301", "D001", "REG-01", "普通门诊挂号", 1000));
    }

    private static DowntimeRecord.PatientOnForm typed(String name) {
        return new DowntimeRecord.PatientOnForm(null, name, null, null, null, null);
    }

    private void push(Journal j) {
        String body = json(PushBatch.of(j.kiosk, UUID.randomUUID(), new Backlog(j.entries.size(), j.entries.get(0).recordedAt(),
                j.entries.get(j.entries.size() - 1).kioskSeq()), j.entries));
        given().contentType(ContentType.JSON).header("Authorization", JdkPushClient.basic(j.kiosk, "test-secret")).body(body)
                .when().post(SyncProtocol.PUSH_PATH).then().statusCode(200);
    }

    private String hisPatient(String name, String family, String given, LocalDate born, String id, String phone) {
        Patient p = new Patient();
        p.addName().setText(name).setFamily(family).addGiven(given);
        p.setGender(Enumerations.AdministrativeGender.MALE);
        p.setBirthDateElement(new DateType(born.toString()));
        if (id != null) {
            p.addIdentifier().setSystem("urn:oid:2.16.156.10011.1.1").setValue(id);
        }
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        return "Patient/" + his().client().create().resource(p).execute().getId().getIdPart();
    }

    private Encounter encounterOf(UUID visit) {
        Bundle b = his().client().search().forResource(Encounter.class)
                .where(Encounter.IDENTIFIER.exactly().systemAndCode("urn:hospital-continuity:visit", visit.toString()))
                .returnBundle(Bundle.class).execute();
        return b.getEntry().isEmpty() ? null : (Encounter) b.getEntry().get(0).getResource();
    }

    private int byLine(Class<? extends org.hl7.fhir.instance.model.api.IBaseResource> type, UUID line) {
        return his().client().search().forResource(type)
                .where(new ca.uhn.fhir.rest.gclient.TokenClientParam("identifier").exactly()
                        .systemAndCode("urn:hospital-continuity:line", line.toString()))
                .returnBundle(Bundle.class).execute().getTotal();
    }

    private long resourcesInHis() {
        long n = 0;
        for (String type : List.of("Patient", "Encounter", "MedicationRequest", "ServiceRequest", "MedicationDispense", "ChargeItem",
                "Provenance")) {
            n += his().client().search().byUrl(type + "?_summary=count").returnBundle(Bundle.class).execute().getTotal();
        }
        return n;
    }

    @Test
    @DisplayName("issue 9 entries pushed by two kiosks are read from sync_entry and written into the FHIR HIS; the uncertain one goes to the workbench; replay creates nothing")
    void syncedEntriesAreWrittenBack() {
        // a closed incident of its own, in a window no other test uses
        UUID incident = UUID.randomUUID();
        Instant opened = Instant.parse("2024-03-01T00:00:00Z").plus(Duration.ofDays(Math.floorMod(incident.hashCode(), 300)));
        Instant closed = opened.plus(Duration.ofHours(24));
        pool.preparedQuery("insert into incident (id, opened_at, closed_at, fault_class, scope, highest_class, outage_start,"
                        + " outage_ended_at, updated_at) values ($1, $2, $3, 'CLASS_I', 'WHOLE_NETWORK', 'CLASS_I', $2, $3, $3)")
                .execute(Tuple.of(incident, opened.atOffset(ZoneOffset.UTC), closed.atOffset(ZoneOffset.UTC))).await().indefinitely();

        // the HIS knows two of the three people
        LocalDate bornA = LocalDate.of(1955, 4, 3).plusDays(Math.floorMod(incident.hashCode(), 900));
        String idA = NationalId.of("110105", bornA, 17 + Math.floorMod(incident.hashCode(), 400) * 2);
        String refA = hisPatient("东方明远", "东方", "明远", bornA, idA, "135" + String.format("%08d", Math.floorMod(incident.hashCode(), 99_999_999)));
        LocalDate bornC = bornA.plusDays(3);
        String phoneC = "134" + String.format("%08d", Math.floorMod(incident.hashCode() * 31, 99_999_999));
        String refC = hisPatient("南宫雪梅", "南宫", "雪梅", bornC, null, phoneC);

        Journal k1 = new Journal("wb-k1", opened.plus(Duration.ofHours(1)));
        Journal k2 = new Journal("wb-k2", opened.plus(Duration.ofHours(1)));
        // kiosk 1: a known patient with a valid ID number, a prescription charged (an IOU slip: insurance down) and dispensed
        UUID visitA = k1.append("registration", UUID.randomUUID(), 1, "PatientRegistered",
                registration("DT-1-0001", "东方明远", "M", bornA, idA, null));
        UUID rx = k1.append("prescription", UUID.randomUUID(), 1, "PrescriptionWritten", Contract.write(new DowntimeRecord.PrescriptionWritten(
                typed("东方明远"), "上呼吸道感染", List.of(new DowntimeRecord.DrugLine("AMOX", "阿莫西林胶囊", null, "盒",
                        java.math.BigDecimal.ONE, "粒", "po", "tid", 2, 3, 1200, 2400)), 2400, false, null, false, null, "snap-1", null, null, null)));
        UUID iou = UUID.randomUUID();
        UUID charge = k1.append("charge", UUID.randomUUID(), 1, "ChargeRecorded", Contract.write(new DowntimeRecord.ChargeRecorded(
                visitA.toString(), "DT-1-0001", null, "东方明远", List.of(new DowntimeRecord.PricedLine("AMOX", "DRUG", "阿莫西林胶囊", null,
                        "盒", 1200, 2, 2400, null)), 2400, "IOU", null, false, "13500000000", null, iou.toString())));
        k1.append("iou", iou, 1, "IouIssued", Contract.write(new DowntimeRecord.IouIssued(charge.toString(), "东方明远", "13500000000", 2400)));
        k1.append("dispense", UUID.randomUUID(), 1, "Dispensed", Contract.write(new DowntimeRecord.Dispensed(rx, "prescription",
                typed("东方明远"), List.of(new DowntimeRecord.ClinicalLine("AMOX", "阿莫西林胶囊", null, "盒", 3, 1200, 3600)), 3600, "snap-1",
                null, null, null)));
        // kiosk 2: a new patient, and a known one with the name misspelt (a proposal for a person)
        UUID visitB = k2.append("registration", UUID.randomUUID(), 1, "PatientRegistered",
                registration("DT-2-0001", "西门庆云", "M", bornA.minusYears(20), null, "133" + String.format("%08d",
                        Math.floorMod(incident.hashCode() * 17, 99_999_999))));
        UUID visitC = k2.append("registration", UUID.randomUUID(), 1, "PatientRegistered",
                registration("DT-2-0002", "南宫雪海", "M", bornC, null, phoneC));

        push(k1);
        push(k2);
        assertThat(synced.incidents()).contains(incident.toString());
        assertThat(synced.entries(incident.toString())).hasSize(k1.entries.size() + k2.entries.size());

        // an entry stored before the server checked content on receipt: not JSON. It waits on the workbench with its reason;
        // it never fails the run (it used to: JsonParseException on every tick, and the run endpoint answered 500)
        UUID corrupt = UUID.randomUUID();
        pool.preparedQuery("insert into sync_entry (entry_id, kiosk_id, kiosk_seq, stream_type, stream_id, stream_version, event_type,"
                        + " schema_version, payload, content_hash, recorded_at, hlc, actor, received_at) values ($1, 'wb-k1', 1000,"
                        + " 'registration', $2, 1, 'PatientRegistered', 1, 'not JSON {', $3, $4, 1, 'acct-wb-k1', $4)")
                .execute(Tuple.of(UUID.randomUUID(), corrupt, "0".repeat(64), opened.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC)))
                .await().indefinitely();
        TestAccounts.as(TestAccounts.admin()).when().post("/api/writeback/incidents/" + incident + "/run")
                .then().statusCode(200);
        WritingBack.Report r = running.lastRun(incident.toString()).orElseThrow();
        assertThat(r.total()).isEqualTo(3);
        assertThat(r.written()).isEqualTo(2);
        assertThat(r.toWorkbench()).isEqualTo(1);

        // what reached the HIS: A under the HIS patient of its ID number, with its drug line and provenance; B as a new patient
        Encounter a = encounterOf(visitA);
        assertThat(a.getSubject().getReference()).isEqualTo(refA);
        UUID drugLine = UUID.nameUUIDFromBytes((charge + ":0").getBytes(StandardCharsets.UTF_8));
        assertThat(byLine(MedicationRequest.class, drugLine)).isEqualTo(1);
        assertThat(byLine(ChargeItem.class, drugLine)).isEqualTo(1);
        Provenance prov = his().client().read().resource(Provenance.class).withId("dt-" + visitA).execute();
        assertThat(prov.getAgent()).extracting(ag -> ag.getWho().getDisplay()).contains("wb-k1", "acct-wb-k1");
        Encounter b = encounterOf(visitB);
        assertThat(b.getSubject().getReference()).isNotIn(refA, refC);
        Patient created = his().client().read().resource(Patient.class).withId(b.getSubject().getReference()).execute();
        assertThat(created.getIdentifier()).anySatisfy(id -> assertThat(id.getValue()).isEqualTo("DT-2-0001"));
        assertThat(encounterOf(visitC)).as("the uncertain visit waits for a person").isNull();

        // the workbench: the proposal with the HIS patient; the traces from the same entries
        TestAccounts.department("DATA-ENTRY", null);
        String token = TestAccounts.user("entry-e2e", "DATA-ENTRY", "DATA_ENTRY");
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items").then().statusCode(200)
                .body("$", hasSize(2)).body("find { it.reason == 'PATIENT_PROPOSAL' }.visitId", equalTo(visitC.toString()))
                .body("find { it.reason == 'PATIENT_PROPOSAL' }.kioskId", equalTo("wb-k2"))
                .body("find { it.reason == 'UNREADABLE_RECORD' }.visitId", equalTo(corrupt.toString()));
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/traces").then().statusCode(200)
                .body("dispenseMismatches", hasSize(1)).body("dispenseMismatches[0].mismatch", equalTo("QUANTITY"))
                .body("dispenseMismatches[0].expected", equalTo("2")).body("dispenseMismatches[0].found", equalTo("3"))
                .body("cashierTodo", hasSize(1)).body("cashierTodo[0].kind", equalTo("EXCHANGE_IOU"))
                .body("cashierTodo[0].amountFen", equalTo(2400));
        // EP-6.7.5 HR-8: the trace is closed on the workbench with who and why; it then shows as closed, not open
        String key = TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/traces").then().statusCode(200)
                .extract().path("dispenseMismatches[0].key");
        TestAccounts.as(token).contentType(ContentType.JSON).body(Map.of("why", "")).when()
                .post("/api/workbench/incidents/" + incident + "/traces/" + key + "/close").then().statusCode(422);
        TestAccounts.as(token).contentType(ContentType.JSON).body(Map.of("why", "药房已电话确认多发一盒，已收回")).when()
                .post("/api/workbench/incidents/" + incident + "/traces/" + key + "/close").then().statusCode(204);
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/traces").then().statusCode(200)
                .body("dispenseMismatches", hasSize(0)).body("closedTraces", hasSize(1))
                .body("closedTraces[0].closedBy", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}")).body("closedTraces[0].why", equalTo("药房已电话确认多发一盒，已收回"));

        // replay: the kiosks push again (duplicates), write-back runs again: nothing new in the HIS
        long before = resourcesInHis();
        push(k1);
        push(k2);
        assertThat(synced.entries(incident.toString())).hasSize(k1.entries.size() + k2.entries.size() + 1); // + the corrupt one
        WritingBack.Report again = running.runIncident(incident.toString()).orElseThrow();
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/items").then().statusCode(200)
                .body("$", hasSize(2));
        assertThat(again.written()).isZero();
        assertThat(again.alreadySettled()).isEqualTo(3);
        assertThat(resourcesInHis()).isEqualTo(before);

        // HR-5: a cashier of another department reads none of this incident's slips (names, phones) nor its dispense traces;
        // a cashier of the issuing kiosk's department reads that kiosk's slips only
        String otherCashier = TestAccounts.cashier();
        TestAccounts.as(otherCashier).when().get("/api/workbench/incidents/" + incident + "/traces").then().statusCode(200)
                .body("cashierTodo", hasSize(0)).body("dispenseMismatches", hasSize(0)).body("closedTraces", hasSize(0))
                .body("stillToDispense", hasSize(0));
        TestAccounts.department("WB-CASH", null);
        pool.preparedQuery("insert into kiosk (id, name, department_code, status, created_at, created_by) values ('wb-k1', '收费一号机',"
                + " 'WB-CASH', 'REVOKED', now(), 'test')").execute().await().indefinitely();
        String ownCashier = TestAccounts.user("cashier-wb", "WB-CASH", "CASHIER");
        String todo = TestAccounts.as(ownCashier).when().get("/api/workbench/incidents/" + incident + "/traces").then().statusCode(200)
                .body("cashierTodo", hasSize(1)).body("cashierTodo[0].amountFen", equalTo(2400)).body("dispenseMismatches", hasSize(0))
                .body("closedTraces", hasSize(0)).extract().asString();
        assertThat(todo).contains("东方明远");
    }
}
