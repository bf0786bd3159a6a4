package org.hospital.continuity.server.writeback;

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
            entries.add(JournalEntry.seal(UUID.randomUUID(), kiosk, seq, streamType, stream, version, eventType, 1, payload, at,
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
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("patientNumber", number);
        p.put("knownPatientId", null);
        p.put("name", name);
        p.put("sex", sex);
        p.put("birthDate", born.toString());
        p.put("ageYears", null);
        p.put("idNumber", id);
        p.put("phone", phone);
        p.put("insuranceType", "SELF_PAY");
        p.put("insuranceCard", null);
        p.put("departmentCode", "0301");
        p.put("doctorCode", "D001");
        p.put("feeItemCode", "REG-01");
        p.put("feeItemName", "普通门诊挂号");
        p.put("feeFen", 1000);
        return json(p);
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
                registration("DT-1-0001", "东方明远", "MALE", bornA, idA, null));
        UUID rx = k1.append("prescription", UUID.randomUUID(), 1, "PrescriptionWritten", json(Map.of(
                "patient", Map.of("name", "东方明远"), "diagnosis", "上呼吸道感染", "lines", List.of(Map.of("drugCode", "AMOX", "quantity", 2)),
                "totalFen", 2400)));
        UUID charge = k1.append("charge", UUID.randomUUID(), 1, "ChargeRecorded", json(Map.of("registrationId", visitA.toString(),
                "patientNumber", "DT-1-0001", "patientName", "东方明远", "lines", List.of(Map.of("code", "AMOX", "kind", "DRUG",
                        "name", "阿莫西林胶囊", "unitPriceFen", 1200, "quantity", 2, "amountFen", 2400)), "totalFen", 2400,
                "settlement", "IOU", "insuranceDeferred", false, "phone", "13500000000")));
        k1.append("iou", UUID.randomUUID(), 1, "IouIssued", json(Map.of("chargeId", charge.toString(), "patientName", "东方明远",
                "phone", "13500000000", "amountFen", 2400)));
        k1.append("dispense", UUID.randomUUID(), 1, "Dispensed", json(Map.of("fills", rx.toString(), "fillsType", "prescription",
                "patient", Map.of("name", "东方明远"), "lines", List.of(Map.of("code", "AMOX", "quantity", 3)), "totalFen", 3600)));
        // kiosk 2: a new patient, and a known one with the name misspelt (a proposal for a person)
        UUID visitB = k2.append("registration", UUID.randomUUID(), 1, "PatientRegistered",
                registration("DT-2-0001", "西门庆云", "MALE", bornA.minusYears(20), null, "133" + String.format("%08d",
                        Math.floorMod(incident.hashCode() * 17, 99_999_999))));
        UUID visitC = k2.append("registration", UUID.randomUUID(), 1, "PatientRegistered",
                registration("DT-2-0002", "南宫雪海", "MALE", bornC, null, phoneC));

        push(k1);
        push(k2);
        assertThat(synced.incidents()).contains(incident.toString());
        assertThat(synced.entries(incident.toString())).hasSize(k1.entries.size() + k2.entries.size());

        WritingBack.Report r = running.runIncident(incident.toString()).orElseThrow();
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
                .body("$", hasSize(1)).body("[0].reason", equalTo("PATIENT_PROPOSAL")).body("[0].visitId", equalTo(visitC.toString()))
                .body("[0].kioskId", equalTo("wb-k2"));
        TestAccounts.as(token).when().get("/api/workbench/incidents/" + incident + "/traces").then().statusCode(200)
                .body("dispenseMismatches", hasSize(1)).body("dispenseMismatches[0].mismatch", equalTo("QUANTITY"))
                .body("dispenseMismatches[0].expected", equalTo("2")).body("dispenseMismatches[0].found", equalTo("3"))
                .body("cashierTodo", hasSize(1)).body("cashierTodo[0].kind", equalTo("EXCHANGE_IOU"))
                .body("cashierTodo[0].amountFen", equalTo(2400));

        // replay: the kiosks push again (duplicates), write-back runs again: nothing new in the HIS
        long before = resourcesInHis();
        push(k1);
        push(k2);
        assertThat(synced.entries(incident.toString())).hasSize(k1.entries.size() + k2.entries.size());
        WritingBack.Report again = running.runIncident(incident.toString()).orElseThrow();
        assertThat(again.written()).isZero();
        assertThat(again.alreadySettled()).isEqualTo(3);
        assertThat(resourcesInHis()).isEqualTo(before);
    }
}
