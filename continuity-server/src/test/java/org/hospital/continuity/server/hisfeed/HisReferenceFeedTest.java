package org.hospital.continuity.server.hisfeed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hospital.continuity.server.hisfeed.app.PullingHisReference;
import org.hospital.continuity.server.hisfeed.domain.FeedPiece;
import org.hospital.continuity.server.hisfeed.integration.FhirReferenceReader;
import org.hospital.continuity.server.incident.ScenarioAccess;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.server.writeback.FhirTestServerResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The HIS reference feed against the stand-in FHIR HIS filled with a ward: the kiosks' snapshot holds the ward's census
 * with beds, 住院号 and allergies, each piece has its as-of time; a price changed in the HIS without approval raises Class I
 * with the item as evidence (EP-4.1), an approved change does not.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FhirTestServerResource.class)
class HisReferenceFeedTest {

    private static final String DEPT = "HF-NEPH";
    /** Kiosk names as people read them on the pages (no codes). */
    private static final Map<String, String> KIOSK_NAMES = Map.of(DEPT, "肾内二病区终端", "HF-W2", "其他病区终端", "HF-JS", "出院结算处终端");

    @Inject
    PullingHisReference feed;
    @Inject
    FhirContext fhir;
    @Inject
    TestClock clock;
    @Inject
    RunningTheIncidentEngine engine;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;
    private java.util.UUID[] currentBefore;

    /** The catalogues current before this test: other tests' imports compare with them, so the feed's are undone after. */
    @org.junit.jupiter.api.BeforeEach
    void rememberCatalogues() {
        List<java.util.UUID> ids = new java.util.ArrayList<>();
        pool.query("select id from reference_snapshot where status = 'CURRENT'").execute().await().atMost(java.time.Duration.ofSeconds(10))
                .forEach(r -> ids.add(r.getUUID(0)));
        currentBefore = ids.toArray(java.util.UUID[]::new);
    }

    @org.junit.jupiter.api.AfterEach
    void restoreCatalogues() {
        pool.withTransaction(c -> c.query("update reference_snapshot set status = 'SUPERSEDED' where source = 'HIS' and status in ('CURRENT', 'HELD')")
                .execute().chain(() -> c.preparedQuery("update reference_snapshot set status = 'CURRENT' where id = any($1)")
                        .execute(io.vertx.mutiny.sqlclient.Tuple.of(currentBefore)))).await().atMost(java.time.Duration.ofSeconds(10));
        ScenarioAccess.settle(clock, engine);
    }

    private IGenericClient his() {
        fhir.getRestfulClientFactory().setServerValidationMode(ca.uhn.fhir.rest.client.api.ServerValidationModeEnum.NEVER);
        fhir.getRestfulClientFactory().setSocketTimeout(60_000);
        return fhir.newRestfulGenericClient(FhirTestServerProcess.baseUrl());
    }

    private static Organization department(String id, String code, String name) {
        Organization o = new Organization();
        o.setId(id);
        o.addIdentifier().setSystem(FhirReferenceReader.DEPARTMENT).setValue(code);
        o.setName(name);
        return o;
    }

    private static Location location(String id, String name, String type, String partOf, String organization) {
        Location l = new Location();
        l.setId(id);
        l.setName(name);
        l.setPhysicalType(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/location-physical-type", type, null)));
        if (partOf != null) {
            l.setPartOf(new Reference("Location/" + partOf));
        }
        if (organization != null) {
            l.setManagingOrganization(new Reference("Organization/" + organization));
        }
        return l;
    }

    private static Patient patient(String id, String hisId, String name, Enumerations.AdministrativeGender sex, String birth) {
        Patient p = new Patient();
        p.setId(id);
        p.addIdentifier().setSystem(FhirReferenceReader.PATIENT_ID).setValue(hisId);
        p.addName().setText(name);
        p.setGender(sex);
        p.setBirthDateElement(new DateType(birth));
        return p;
    }

    private static Encounter stay(String id, String patient, String number, String bed, Encounter.EncounterStatus status) {
        Encounter e = new Encounter();
        e.setId(id);
        e.setStatus(status);
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
        e.addIdentifier().setSystem(FhirReferenceReader.INPATIENT_NUMBER).setValue(number);
        e.setSubject(new Reference("Patient/" + patient));
        e.addLocation().setLocation(new Reference("Location/" + bed)).setStatus(Encounter.EncounterLocationStatus.ACTIVE);
        e.setServiceProvider(new Reference("Organization/hf-neph"));
        return e;
    }

    private static ChargeItemDefinition price(String code, String name, String yuan, boolean drug) {
        ChargeItemDefinition d = new ChargeItemDefinition();
        d.setId("hf-price-" + code);
        d.setUrl(FhirReferenceReader.PRICE_LIST + code);
        d.setTitle(name);
        d.setStatus(Enumerations.PublicationStatus.ACTIVE);
        d.setCode(new CodeableConcept().addCoding(new Coding(drug ? FhirReferenceReader.DRUG : FhirReferenceReader.ITEM, code, name)));
        d.addExtension(FhirReferenceReader.UNIT, new StringType(drug ? "盒" : "次"));
        d.addPropertyGroup().addPriceComponent().setType(ChargeItemDefinition.ChargeItemDefinitionPriceComponentType.BASE)
                .setAmount(new Money().setCurrency("CNY").setValue(new BigDecimal(yuan)));
        return d;
    }

    private static MedicationRequest order(String id, String patient, String drug, String amount, String unit, String route, String frequency,
                                           MedicationRequest.MedicationRequestStatus status) {
        MedicationRequest m = new MedicationRequest();
        m.setId(id);
        m.setStatus(status);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setSubject(new Reference("Patient/" + patient));
        m.setMedication(new CodeableConcept().setText(drug));
        m.setRequester(new Reference("Practitioner/hf-doc1"));
        m.setAuthoredOn(java.util.Date.from(java.time.Instant.parse("2026-12-05T02:00:00Z")));
        Dosage d = m.addDosageInstruction();
        d.addDoseAndRate().setDose(new org.hl7.fhir.r4.model.Quantity().setValue(new BigDecimal(amount)).setUnit(unit));
        d.setRoute(new CodeableConcept().setText(route));
        d.setTiming(new org.hl7.fhir.r4.model.Timing().setCode(new CodeableConcept().setText(frequency)));
        return m;
    }

    private static MedicationAdministration dose(String id, String patient, String order, String drug, Instant due,
                                                 MedicationAdministration.MedicationAdministrationStatus status) {
        MedicationAdministration a = new MedicationAdministration();
        a.setId(id);
        a.setStatus(status);
        a.setSubject(new Reference("Patient/" + patient));
        a.setRequest(new Reference("MedicationRequest/" + order));
        a.setMedication(new CodeableConcept().setText(drug));
        a.setEffective(new org.hl7.fhir.r4.model.DateTimeType(java.util.Date.from(due)));
        return a;
    }

    private void fillTheWard() {
        IGenericClient his = his();
        his.update().resource(department("hf-neph", DEPT, "肾内科")).execute();
        his.update().resource(location("hf-ward", "肾内二病区", "wa", null, "hf-neph")).execute();
        his.update().resource(location("hf-bed3", "3床", "bd", "hf-ward", null)).execute();
        his.update().resource(location("hf-bed5", "5床", "bd", "hf-ward", null)).execute();
        his.update().resource(location("hf-bed7", "7床", "bd", "hf-ward", null)).execute();
        his.update().resource(patient("hf-p1", "HF-P1", "周病房", Enumerations.AdministrativeGender.MALE, "1956-04-12")).execute();
        his.update().resource(patient("hf-p2", "HF-P2", "吴病房", Enumerations.AdministrativeGender.FEMALE, "1968-11-03")).execute();
        his.update().resource(patient("hf-p3", "HF-P3", "郑出院", Enumerations.AdministrativeGender.FEMALE, "1980-01-30")).execute();
        his.update().resource(stay("hf-e1", "hf-p1", "ZY-HF-0001", "hf-bed3", Encounter.EncounterStatus.INPROGRESS)).execute();
        his.update().resource(stay("hf-e2", "hf-p2", "ZY-HF-0002", "hf-bed5", Encounter.EncounterStatus.INPROGRESS)).execute();
        // discharged yesterday: not in the census
        his.update().resource(stay("hf-e3", "hf-p3", "ZY-HF-0003", "hf-bed7", Encounter.EncounterStatus.FINISHED)).execute();
        Practitioner doctor = new Practitioner();
        doctor.setId("hf-doc1");
        doctor.addIdentifier().setSystem(FhirReferenceReader.PRACTITIONER).setValue("HF-D01");
        doctor.addName().setText("冯主任");
        his.update().resource(doctor).execute();
        PractitionerRole role = new PractitionerRole();
        role.setId("hf-role1");
        role.setActive(true);
        role.setPractitioner(new Reference("Practitioner/hf-doc1"));
        role.setOrganization(new Reference("Organization/hf-neph"));
        role.addCode().setText("主任医师");
        his.update().resource(role).execute();
        AllergyIntolerance penicillin = new AllergyIntolerance();
        penicillin.setId("hf-a1");
        penicillin.setClinicalStatus(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", null)));
        penicillin.setCode(new CodeableConcept().addCoding(new Coding("urn:his:allergen", "A-PEN", "青霉素")).setText("青霉素"));
        penicillin.setPatient(new Reference("Patient/hf-p1"));
        penicillin.addReaction().setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE)
                .addManifestation(new CodeableConcept().setText("过敏性休克"));
        his.update().resource(penicillin).execute();
        AllergyIntolerance none = new AllergyIntolerance();
        none.setId("hf-a2");
        none.setCode(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", FhirReferenceReader.NO_KNOWN_ALLERGY,
                "No known allergy")));
        none.setPatient(new Reference("Patient/hf-p2"));
        his.update().resource(none).execute();
        // active orders and the MAR of the next 24 hours (planned administrations), one order stopped, one dose already given,
        // one dose beyond the window (the doses due far enough ahead that settling the engine, which moves the test clock on by
        // up to five hours before the pull the test reads, leaves them in the window)
        Instant now = clock.instant();
        his.update().resource(order("hf-o1", "hf-p1", "碳酸司维拉姆片", "800", "mg", "口服", "每日三次", MedicationRequest.MedicationRequestStatus.ACTIVE)).execute();
        his.update().resource(order("hf-o2", "hf-p2", "头孢呋辛钠注射液", "1.5", "g", "静脉滴注", "每12小时一次", MedicationRequest.MedicationRequestStatus.ACTIVE)).execute();
        his.update().resource(order("hf-o3", "hf-p2", "氯化钾缓释片", "1", "g", "口服", "每日两次", MedicationRequest.MedicationRequestStatus.STOPPED)).execute();
        his.update().resource(dose("hf-m1", "hf-p1", "hf-o1", "碳酸司维拉姆片", now.plus(Duration.ofHours(7)), MedicationAdministration.MedicationAdministrationStatus.INPROGRESS)).execute();
        his.update().resource(dose("hf-m2", "hf-p1", "hf-o1", "碳酸司维拉姆片", now.plus(Duration.ofHours(20)), MedicationAdministration.MedicationAdministrationStatus.INPROGRESS)).execute();
        his.update().resource(dose("hf-m3", "hf-p2", "hf-o2", "头孢呋辛钠注射液", now.plus(Duration.ofHours(9)), MedicationAdministration.MedicationAdministrationStatus.ONHOLD)).execute();
        his.update().resource(dose("hf-m4", "hf-p2", "hf-o2", "头孢呋辛钠注射液", now.minus(Duration.ofHours(1)), MedicationAdministration.MedicationAdministrationStatus.COMPLETED)).execute();
        his.update().resource(dose("hf-m5", "hf-p1", "hf-o1", "碳酸司维拉姆片", now.plus(Duration.ofHours(40)), MedicationAdministration.MedicationAdministrationStatus.INPROGRESS)).execute();
        his.update().resource(price("HF-S1", "肾功能检测", "45.00", false)).execute();
        his.update().resource(price("HF-S2", "血液透析", "420.00", false)).execute();
        his.update().resource(price("HF-S3", "床位费", "50.00", false)).execute();
        his.update().resource(price("HF-D1", "碳酸司维拉姆片", "98.50", true)).execute();
    }

    private static JsonPath snapshotOf(String department) {
        if ("HF-W2".equals(department)) {
            // a ward the HIS feed does not name: in the directory with a name people read (the pages' word sweeps read it)
            TestAccounts.asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("code", "HF-W2", "nameZh", "其他病区", "nameEn", "Other ward", "area", "NURSE_STATION"))
                    .post("/api/departments").then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
        }
        String code = TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("name", KIOSK_NAMES.getOrDefault(department, "病区终端"), "departmentCode", department))
                .post("/api/admin/kiosks").then().statusCode(201).extract().path("code");
        JsonPath enrolled = given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/kiosk/enrolments")
                .then().statusCode(201).extract().jsonPath();
        return given().auth().preemptive().basic(enrolled.getString("kioskId"), enrolled.getString("secret")).get("/api/kiosk/snapshot")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The current incident's fault class; null when there is no incident or it has none. */
    private static String faultClass() {
        var r = TestAccounts.as(TestAccounts.itDuty()).get("/api/incidents/current").then().extract();
        return r.statusCode() == 404 ? null : r.jsonPath().getString("incident.faultClass");
    }

    private static String status(String catalogue) {
        return TestAccounts.asAdmin().get("/api/reference/" + catalogue + "/snapshots?limit=1").then().statusCode(200).extract().path("[0].status");
    }

    /** The feed's first pull may meet an earlier import of another test: IT accepts what the HIS holds as the baseline. */
    private void baseline() {
        for (String catalogue : List.of("PRICE_CATALOGUE", "DRUG_DICTIONARY")) {
            JsonPath latest = TestAccounts.asAdmin().get("/api/reference/" + catalogue + "/snapshots?limit=1").then().statusCode(200).extract().jsonPath();
            if ("HELD".equals(latest.getString("[0].status"))) {
                TestAccounts.asAdmin().post("/api/reference/" + catalogue + "/snapshots/" + latest.getString("[0].id") + "/accept").then().statusCode(200);
            }
        }
        ScenarioAccess.settle(clock, engine);
    }

    @Test
    @DisplayName("EP-4.1, HR-5, HR-10 a ward fed from the HIS: census with beds, 住院号 and allergies in the ward kiosk's snapshot; an unapproved price change is Class I with the item as evidence, an approved one is not")
    void wardFromTheHis() {
        FhirTestServerProcess.reset();
        fillTheWard();
        ScenarioAccess.settle(clock, engine);

        PullingHisReference.Report first = feed.pull();
        assertThat(first.pieces().values()).doesNotContain("FAILED");
        baseline();
        // settling the engine moved the test clock on: a pull now gives every piece a fresh as-of time
        feed.pull();

        // the ward kiosk: the ward's census with ward, bed, 住院号 and allergies; not the discharged patient
        JsonPath ward = snapshotOf(DEPT);
        assertThat(ward.getList("patients.patientId", String.class)).containsExactlyInAnyOrder("HF-P1", "HF-P2");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.bed")).isEqualTo("3床");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.ward")).isEqualTo("肾内二病区");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.inpatientNumber")).isEqualTo("ZY-HF-0001");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.name")).isEqualTo("周病房");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.allergies[0].allergen")).isEqualTo("青霉素");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.allergies[0].severity")).isEqualTo("SEVERE");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.allergies[0].reaction")).isEqualTo("过敏性休克");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.allergiesRecordedAt")).isNotNull();
        // no known allergy: recorded, and empty
        assertThat(ward.getList("patients.find { it.patientId == 'HF-P2' }.allergies")).isEmpty();
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P2' }.allergiesRecordedAt")).isNotNull();
        // active orders (not the stopped one) and the MAR of the next 24 hours (not the dose given, not the one beyond the window)
        assertThat(ward.getList("patients.find { it.patientId == 'HF-P1' }.orders.drug", String.class)).containsExactly("碳酸司维拉姆片");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.orders[0].dose")).isEqualTo("800mg");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.orders[0].route")).isEqualTo("口服");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.orders[0].frequency")).isEqualTo("每日三次");
        assertThat(ward.getString("patients.find { it.patientId == 'HF-P1' }.orders[0].prescriber")).isEqualTo("冯主任");
        assertThat(ward.getList("patients.find { it.patientId == 'HF-P2' }.orders.drug", String.class)).containsExactly("头孢呋辛钠注射液");
        assertThat(ward.getList("patients.find { it.patientId == 'HF-P1' }.administrations.orderId", String.class))
                .containsExactly("MedicationRequest/hf-o1", "MedicationRequest/hf-o1");
        assertThat(ward.getList("patients.find { it.patientId == 'HF-P1' }.administrations.dose", String.class)).containsOnly("800mg");
        assertThat(ward.getList("patients.find { it.patientId == 'HF-P2' }.administrations.route", String.class)).containsExactly("静脉滴注");
        assertThat(ward.getList("patients.find { it.patientId == 'HF-P2' }.administrations.drug", String.class)).containsExactly("头孢呋辛钠注射液");
        // each piece with the time the HIS last answered for it
        assertThat(ward.getList("feed.piece", String.class)).contains("CENSUS", "ALLERGIES", "ORDERS", "MAR");
        assertThat(ward.getString("feed.find { it.piece == 'MAR' }.zh")).isEqualTo("24小时给药计划");
        assertThat(ward.getString("feed.find { it.piece == 'MAR' }.asOf")).isNotNull();
        assertThat(ward.getString("doctors.find { it.code == 'HF-D01' }.name")).isEqualTo("冯主任");
        assertThat(ward.getString("doctors.find { it.code == 'HF-D01' }.departmentCode")).isEqualTo(DEPT);
        assertThat(ward.getString("departments.find { it.code == 'HF-NEPH' }.name")).isEqualTo("肾内科");
        assertThat(ward.getLong("items.find { it.code == 'HF-S1' }.priceFen")).isEqualTo(4500L);
        assertThat(ward.getString("items.find { it.code == 'HF-D1' }.kind")).isEqualTo("DRUG");

        // another ward's kiosk gets none of them; the settlement desk gets the whole census
        assertThat(snapshotOf("HF-W2").getList("patients.patientId", String.class)).doesNotContain("HF-P1", "HF-P2");
        TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("code", "HF-JS", "nameZh", "出院结算处", "nameEn", "Discharge settlement", "area", "DISCHARGE_SETTLEMENT"))
                .post("/api/departments").then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
        assertThat(snapshotOf("HF-JS").getList("patients.patientId", String.class)).contains("HF-P1", "HF-P2");

        // readiness: every piece with its as-of time, none stale
        JsonPath feedStatus = TestAccounts.as(TestAccounts.itDuty()).get("/api/his-feed").then().statusCode(200).extract().jsonPath();
        for (FeedPiece p : FeedPiece.values()) {
            assertThat(feedStatus.getString("pieces.find { it.piece == '" + p + "' }.asOf")).as(p.name()).isNotNull();
            assertThat(feedStatus.getBoolean("pieces.find { it.piece == '" + p + "' }.stale")).as(p.name()).isFalse();
        }
        assertThat(feedStatus.getInt("pieces.find { it.piece == 'CENSUS' }.count")).isEqualTo(2);
        String page = TestAccounts.as(TestAccounts.leader()).get("/readiness").then().statusCode(200).extract().asString();
        assertThat(page).contains("HIS 基础数据同步", "在院病人", "价表", "过敏史", "数据截至").doesNotContain("已过期");

        // nothing changed in the HIS: nothing is applied again
        PullingHisReference.Report again = feed.pull();
        assertThat(again.pieces().values()).allMatch(o -> o.equals("UNCHANGED") || o.equals("SAME"));

        // HR-10 an approved change: the HIS's new price becomes the kiosks' price, no alarm
        TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body(List.of(Map.of("code", "HF-S2", "kind", "CHANGED", "priceFen", 43000, "reason", "物价调整通知 2026-12 第3号")))
                .post("/api/reference/PRICE_CATALOGUE/approvals").then().statusCode(200);
        his().update().resource(price("HF-S2", "血液透析", "430.00", false)).execute();
        assertThat(feed.pull().pieces()).containsEntry(FeedPiece.PRICE_CATALOGUE, "READ");
        assertThat(status("PRICE_CATALOGUE")).isEqualTo("CURRENT");
        assertThat(faultClass()).isNull();
        assertThat(snapshotOf(DEPT).getLong("items.find { it.code == 'HF-S2' }.priceFen")).isEqualTo(43000L);

        // EP-4.1 one price changed without approval: held back (kiosks keep the old price) and Class I with the item as evidence
        his().update().resource(price("HF-S1", "肾功能检测", "54.00", false)).execute();
        assertThat(feed.pull().pieces()).containsEntry(FeedPiece.PRICE_CATALOGUE, "READ");
        assertThat(status("PRICE_CATALOGUE")).isEqualTo("HELD");
        JsonPath incident = ScenarioAccess.current();
        assertThat(incident.getString("incident.faultClass")).isEqualTo("CLASS_I");
        assertThat(incident.getList("signals.kind", String.class)).contains("INTEGRITY_ALARM");
        assertThat(incident.getList("signals.zh", String.class)).anyMatch(zh -> zh.contains("价表目录被修改") && zh.contains("HF-S1"))
                .noneMatch(zh -> zh.contains("HF-S2"));
        assertThat(snapshotOf(DEPT).getLong("items.find { it.code == 'HF-S1' }.priceFen")).isEqualTo(4500L);
        // the next pull sees the same content: no second alarm
        feed.pull();
        assertThat(ScenarioAccess.current().getList("signals.kind", String.class).stream().filter("INTEGRITY_ALARM"::equals).count()).isEqualTo(1);

        // HR-10 the change approved afterwards: the held pull becomes current and the alarm clears
        TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body(List.of(Map.of("code", "HF-S1", "kind", "CHANGED", "priceFen", 5400, "reason", "物价调整通知 2026-12 第4号")))
                .post("/api/reference/PRICE_CATALOGUE/approvals").then().statusCode(200);
        assertThat(status("PRICE_CATALOGUE")).isEqualTo("CURRENT");
        assertThat(faultClass()).isNull();
        assertThat(snapshotOf(DEPT).getLong("items.find { it.code == 'HF-S1' }.priceFen")).isEqualTo(5400L);
        ScenarioAccess.settle(clock, engine);

        // a discharge in the HIS leaves the ward's snapshot at the next pull
        his().update().resource(stay("hf-e2", "hf-p2", "ZY-HF-0002", "hf-bed5", Encounter.EncounterStatus.FINISHED)).execute();
        assertThat(feed.pull().pieces()).containsEntry(FeedPiece.CENSUS, "READ");
        assertThat(snapshotOf(DEPT).getList("patients.patientId", String.class)).containsExactly("HF-P1");
    }

    /** An outpatient registration (Encounter class AMB) in a department, with the doctor registered with (null: the department). */
    private static Encounter registration(String id, String patient, String number, String department, String doctor, Instant at,
                                          Encounter.EncounterStatus status) {
        Encounter e = new Encounter();
        e.setId(id);
        e.setStatus(status);
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        e.addIdentifier().setSystem(FhirReferenceReader.OUTPATIENT_NUMBER).setValue(number);
        e.setSubject(new Reference("Patient/" + patient));
        e.setServiceProvider(new Reference("Organization/" + department));
        if (doctor != null) {
            e.addParticipant().setIndividual(new Reference("Practitioner/" + doctor));
        }
        e.setPeriod(new org.hl7.fhir.r4.model.Period().setStart(java.util.Date.from(at)));
        return e;
    }

    @Test
    @DisplayName("EP-6.2, EP-6.4, HR-5 today's outpatients from the HIS: a doctor's kiosk gets its department's with the doctor and 门诊号, the outpatient cashier all of them; yesterday's and cancelled ones nobody; a cancellation in the HIS leaves at the next pull")
    void outpatientsOfToday() {
        FhirTestServerProcess.reset();
        fillTheWard();
        IGenericClient his = his();
        his.update().resource(department("hf-card", "HF-CARD", "心内科")).execute();
        his.update().resource(patient("hf-p4", "HF-P4", "钱门诊", Enumerations.AdministrativeGender.MALE, "1975-06-01")).execute();
        his.update().resource(patient("hf-p5", "HF-P5", "孙门诊", Enumerations.AdministrativeGender.FEMALE, "1990-02-14")).execute();
        his.update().resource(patient("hf-p6", "HF-P6", "李昨天", Enumerations.AdministrativeGender.FEMALE, "1962-09-09")).execute();
        his.update().resource(patient("hf-p7", "HF-P7", "王退号", Enumerations.AdministrativeGender.MALE, "1988-12-12")).execute();
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant dayStart = java.time.LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        his.update().resource(registration("hf-op1", "hf-p4", "MZ-HF-0001", "hf-neph", "hf-doc1", now, Encounter.EncounterStatus.ARRIVED)).execute();
        his.update().resource(registration("hf-op2", "hf-p5", "MZ-HF-0002", "hf-card", null, now, Encounter.EncounterStatus.PLANNED)).execute();
        // registered yesterday (the hospital's day, not the machine's), and one registration cancelled today
        his.update().resource(registration("hf-op3", "hf-p6", "MZ-HF-0003", "hf-neph", "hf-doc1", dayStart.minus(Duration.ofHours(1)),
                Encounter.EncounterStatus.FINISHED)).execute();
        his.update().resource(registration("hf-op4", "hf-p7", "MZ-HF-0004", "hf-neph", "hf-doc1", now, Encounter.EncounterStatus.CANCELLED)).execute();

        PullingHisReference.Report first = feed.pull();
        assertThat(first.pieces()).containsEntry(FeedPiece.OUTPATIENTS, "READ");

        // the department's doctor kiosk: its outpatient of today with the 门诊号, the doctor and the registration time; and its census
        JsonPath neph = snapshotOf(DEPT);
        assertThat(neph.getList("patients.patientId", String.class)).contains("HF-P4", "HF-P1").doesNotContain("HF-P5", "HF-P6", "HF-P7");
        String p4 = "patients.find { it.patientId == 'HF-P4' }.";
        assertThat(neph.getBoolean(p4 + "census")).isFalse();
        assertThat(neph.getString(p4 + "name")).isEqualTo("钱门诊");
        assertThat(neph.getString(p4 + "outpatientNumber")).isEqualTo("MZ-HF-0001");
        assertThat(neph.getString(p4 + "visit.doctorName")).isEqualTo("冯主任");
        assertThat(neph.getString(p4 + "visit.doctorCode")).isEqualTo("HF-D01");
        assertThat(neph.getString(p4 + "visit.departmentCode")).isEqualTo(DEPT);
        assertThat(Instant.parse(neph.getString(p4 + "visit.registeredAt"))).isEqualTo(now);
        assertThat(neph.getString("feed.find { it.piece == 'OUTPATIENTS' }.zh")).isEqualTo("今日门诊挂号");
        assertThat(neph.getString("feed.find { it.piece == 'OUTPATIENTS' }.asOf")).isNotNull();
        // another department's kiosk: its own (a department registration: no doctor), not the other's
        JsonPath card = snapshotOf("HF-CARD");
        assertThat(card.getList("patients.patientId", String.class)).contains("HF-P5").doesNotContain("HF-P4", "HF-P1", "HF-P6", "HF-P7");
        assertThat(card.getString("patients.find { it.patientId == 'HF-P5' }.visit.doctorName")).isNull();
        // the outpatient registration and cashier desk: every outpatient of today, none of yesterday's or the cancelled
        TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("code", "HF-MZ", "nameZh", "门诊挂号收费处", "nameEn", "Outpatient cashier", "area", "OUTPATIENT_REGISTRATION"))
                .post("/api/departments").then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
        JsonPath desk = snapshotOf("HF-MZ");
        assertThat(desk.getList("patients.patientId", String.class)).contains("HF-P4", "HF-P5").doesNotContain("HF-P6", "HF-P7");

        // nothing changed in the HIS: not applied again (not even read, once the HIS's clock has moved past the last change)
        assertThat(feed.pull().pieces().get(FeedPiece.OUTPATIENTS)).isIn("UNCHANGED", "SAME");
        // a registration cancelled in the HIS leaves at the next pull (a delta: only the piece that changed is applied)
        his.update().resource(registration("hf-op1", "hf-p4", "MZ-HF-0001", "hf-neph", "hf-doc1", now, Encounter.EncounterStatus.CANCELLED)).execute();
        assertThat(feed.pull().pieces()).containsEntry(FeedPiece.OUTPATIENTS, "READ");
        assertThat(snapshotOf(DEPT).getList("patients.patientId", String.class)).doesNotContain("HF-P4").contains("HF-P1");
        assertThat(snapshotOf("HF-MZ").getList("patients.patientId", String.class)).contains("HF-P5").doesNotContain("HF-P4");
        baseline();
    }

    @Test
    @DisplayName("HR-10 the HIS not answering: each piece keeps its as-of time (its age grows) and shows why, in Chinese")
    void hisDown() {
        JsonPath before = TestAccounts.as(TestAccounts.itDuty()).get("/api/his-feed").then().statusCode(200).extract().jsonPath();
        // a HIS at a closed port: nothing answers
        PullingHisReference.Report report = feed.pullFrom(new FhirReferenceReader(fhir, "http://127.0.0.1:9/fhir", 50));
        assertThat(report.pieces().values()).containsOnly("FAILED");
        JsonPath after = TestAccounts.as(TestAccounts.itDuty()).get("/api/his-feed").then().statusCode(200).extract().jsonPath();
        for (FeedPiece p : FeedPiece.values()) {
            String find = "pieces.find { it.piece == '" + p + "' }.";
            assertThat(after.getString(find + "asOf")).as(p.name()).isEqualTo(before.getString(find + "asOf"));
            assertThat(after.getString(find + "error")).as(p.name()).startsWith("HIS 未应答");
        }
    }
}
