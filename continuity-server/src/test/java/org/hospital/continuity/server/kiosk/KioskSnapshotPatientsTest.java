package org.hospital.continuity.server.kiosk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.hospital.continuity.server.kiosk.domain.KioskWire;
import org.hospital.continuity.server.kiosk.persistence.ReferenceRepository;
import org.hospital.continuity.server.platform.PostgresResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HR-5: a kiosk's snapshot carries the patients of its own department only, never the hospital's whole list. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class KioskSnapshotPatientsTest {

    @Inject
    ReferenceRepository reference;

    private static KioskWire.Patient inpatient(String id, String name, String ward) {
        return new KioskWire.Patient(id, true, "ZY-" + id, null, name, "F", LocalDate.of(1960, 1, 1), null, "13800009999", "SELF_PAY", null,
                ward, "1床", 100_000);
    }

    private static List<String> patientsOf(String department) {
        JsonPath enrolled = KioskRegistryTest.enrol(KioskRegistryTest.createKiosk("病区终端 " + department, department).getString("code"));
        return given().auth().preemptive().basic(enrolled.getString("kioskId"), enrolled.getString("secret")).get("/api/kiosk/snapshot")
                .then().statusCode(200).extract().jsonPath().getList("patients.patientId");
    }

    @Test
    @DisplayName("HR-5 a ward kiosk receives its own ward's census and no other ward's patients")
    void wardKioskGetsOnlyItsWardsCensus() {
        reference.pool().withTransaction(c -> reference.insertPatients(c, List.of(inpatient("KP-A1", "甲病区病人一", "甲病区"),
                        inpatient("KP-A2", "甲病区病人二", "甲病区")), "KP-WARD-A")
                .chain(() -> reference.insertPatients(c, List.of(inpatient("KP-B1", "乙病区病人", "乙病区")), "KP-WARD-B")))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(patientsOf("KP-WARD-A")).containsExactlyInAnyOrder("KP-A1", "KP-A2");
        assertThat(patientsOf("KP-WARD-B")).containsExactly("KP-B1");
        assertThat(patientsOf("KP-NONE")).as("a department without patients gets none, not everybody's").isEmpty();
    }
}
