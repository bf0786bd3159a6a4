package org.hospital.continuity.server.hisfeed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hospital.continuity.server.hisfeed.integration.AdtListener;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.writeback.FhirTestServerResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The census from a HIS that speaks HL7 v2: a real MLLP client (HAPI HL7 v2) sends ADT messages to the server's listener;
 * each is acknowledged (AA applied, AE with ERR refused and nothing stored) and the ward kiosk's snapshot shows the census
 * the messages made (admit, transfer, update, discharge), with the census's as-of time.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FhirTestServerResource.class)
class AdtFeedTest {

    private static final String WARD = "V2-NEPH";
    private static final AtomicInteger CONTROL = new AtomicInteger();

    @Inject
    AdtListener listener;

    private HapiContext client;
    private Connection connection;

    @BeforeEach
    void connect() throws Exception {
        int port = listener.open(0);
        client = new DefaultHapiContext();
        client.getParserConfiguration().setValidating(false);
        client.setValidationContext(ValidationContextFactory.noValidation());
        client.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
        connection = client.newClient("127.0.0.1", port, false);
        connection.getInitiator().setTimeout(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() throws Exception {
        connection.close();
        client.close();
        listener.close();
    }

    /** An ADT message in ER7 as a v2.5.1 HIS sends it; {@code pid} and {@code pv1} are the segments' fields after the name. */
    private Message adt(String trigger, String structure, String pid, String pv1) throws Exception {
        String er7 = "MSH|^~\\&|HIS|HOSPITAL|CONTINUITY|HOSPITAL|20261207093000||ADT^" + trigger + "^" + structure + "|V2-" + CONTROL.incrementAndGet()
                + "|P|2.5.1|||||CHN|UNICODE UTF-8\r"
                + "EVN|" + trigger + "|20261207093000\r"
                + "PID|1||" + pid + "\r"
                + "PV1|1|" + pv1 + "\r";
        return client.getPipeParser().parse(er7);
    }

    private Terser send(Message m) throws Exception {
        return new Terser(connection.getInitiator().sendAndReceive(m));
    }

    private static JsonPath snapshotOf(String department) {
        String code = TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "肾内二病区终端", "departmentCode", department))
                .post("/api/admin/kiosks").then().statusCode(201).extract().path("code");
        JsonPath enrolled = given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/kiosk/enrolments")
                .then().statusCode(201).extract().jsonPath();
        return given().auth().preemptive().basic(enrolled.getString("kioskId"), enrolled.getString("secret")).get("/api/kiosk/snapshot")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    @DisplayName("EP-6 readiness, HR-5 ADT A01/A02/A08/A03 over MLLP make the ward kiosk's census (住院号 PV1-19, ward PV1-3.1, bed PV1-3.3); each acknowledged AA")
    void admitTransferUpdateDischarge() throws Exception {
        // PID-3, PID-5 name, PID-7 birth, PID-8 sex; PV1-2 class, PV1-3 ward^^bed^^^^^^description, PV1-7 attending, PV1-10 department, PV1-19 住院号
        Terser a1 = send(adt("A01", "ADT_A01", "HV-1001^^^HIS^MR~110105195604120031^^^CHN^NNCHN||周^病房||19560412|M",
                "I|W2^^12^^^^^^肾内二病区||||D01^冯^主任|||" + WARD + "|||||||||ZY-V2-0001"));
        assertThat(a1.get("/.MSA-1")).isEqualTo("AA");
        assertThat(send(adt("A01", "ADT_A01", "HV-1002^^^HIS^MR||吴^病房||19681103|F",
                "I|W2^^15^^^^^^肾内二病区||||D01^冯^主任|||" + WARD + "|||||||||ZY-V2-0002")).get("/.MSA-1")).isEqualTo("AA");
        assertThat(send(adt("A01", "ADT_A01", "HV-1003^^^HIS^MR||郑出院||19800130|F",
                "I|W2^^17^^^^^^肾内二病区||||D01^冯^主任|||" + WARD + "|||||||||ZY-V2-0003")).get("/.MSA-1")).isEqualTo("AA");
        // a transfer to another bed, an update of the name, a discharge
        assertThat(send(adt("A02", "ADT_A02", "HV-1002^^^HIS^MR||吴^病房||19681103|F",
                "I|W2^^加3^^^^^^肾内二病区||||D01^冯^主任|||" + WARD + "|||||||||ZY-V2-0002")).get("/.MSA-1")).isEqualTo("AA");
        assertThat(send(adt("A08", "ADT_A01", "HV-1001^^^HIS^MR||周^秉房||19560412|M",
                "I|W2^^12^^^^^^肾内二病区||||D01^冯^主任|||" + WARD + "|||||||||ZY-V2-0001")).get("/.MSA-1")).isEqualTo("AA");
        assertThat(send(adt("A03", "ADT_A03", "HV-1003^^^HIS^MR||郑出院||19800130|F",
                "I|W2^^17^^^^^^肾内二病区||||D01^冯^主任|||" + WARD + "|||||||||ZY-V2-0003")).get("/.MSA-1")).isEqualTo("AA");

        JsonPath ward = snapshotOf(WARD);
        assertThat(ward.getList("patients.patientId", String.class)).containsExactlyInAnyOrder("HV-1001", "HV-1002");
        String p1 = "patients.find { it.patientId == 'HV-1001' }.";
        assertThat(ward.getString(p1 + "name")).isEqualTo("周秉房");
        assertThat(ward.getString(p1 + "inpatientNumber")).isEqualTo("ZY-V2-0001");
        assertThat(ward.getString(p1 + "ward")).isEqualTo("肾内二病区");
        assertThat(ward.getString(p1 + "bed")).isEqualTo("12床");
        assertThat(ward.getString(p1 + "idNumber")).isEqualTo("110105195604120031");
        assertThat(ward.getString(p1 + "birthDate")).isEqualTo("1956-04-12");
        assertThat(ward.getString(p1 + "attendingDoctor")).isEqualTo("冯主任");
        assertThat(ward.getString("patients.find { it.patientId == 'HV-1002' }.bed")).isEqualTo("加3床");
        assertThat(ward.getString("feed.find { it.piece == 'CENSUS' }.asOf")).isNotNull();
        // another ward's kiosk gets none of them (HR-5)
        assertThat(snapshotOf("V2-QT").getList("patients.patientId", String.class)).doesNotContain("HV-1001", "HV-1002");
    }

    @Test
    @DisplayName("a message that cannot be applied is answered AE with ERR (condition, segment, field, reason) and nothing of it is stored; the next one is applied")
    void refusedWhole() throws Exception {
        // an admit without a ward
        Terser ack = send(adt("A01", "ADT_A01", "HV-2001^^^HIS^MR||王^无病区||19700101|M", "I|^^5||||D01^冯^主任|||" + WARD + "-R|||||||||ZY-V2-0101"));
        String er7 = ack.getFinder().getRoot().getMessage().encode();
        assertThat(ack.get("/.MSA-1")).as(er7).isEqualTo("AE");
        assertThat(ack.get("/.ERR-3-1")).as(er7).isEqualTo("101");
        assertThat(ack.get("/.ERR-2-1")).as(er7).isEqualTo("PV1");
        assertThat(ack.get("/.ERR-2-3")).as(er7).isEqualTo("3");
        assertThat(er7).contains("缺少病区");
        // an event the census does not take
        Terser a04 = send(adt("A04", "ADT_A01", "HV-2002^^^HIS^MR||李^门诊||19900101|F", "O|MZ^^^^^^^^门诊||||D01^冯^主任|||" + WARD + "-R"));
        assertThat(a04.get("/.MSA-1")).isEqualTo("AE");
        assertThat(a04.get("/.ERR-3-1")).as(a04.getFinder().getRoot().getMessage().encode()).isEqualTo("201");
        assertThat(snapshotOf(WARD + "-R").getList("patients.patientId", String.class)).doesNotContain("HV-2001", "HV-2002");
        // the link goes on: the next message is applied
        assertThat(send(adt("A01", "ADT_A01", "HV-2003^^^HIS^MR||钱^入院||19750601|M",
                "I|W3^^8^^^^^^肾内三病区||||D01^冯^主任|||" + WARD + "-R|||||||||ZY-V2-0103")).get("/.MSA-1")).isEqualTo("AA");
        assertThat(snapshotOf(WARD + "-R").getList("patients.patientId", String.class)).containsExactly("HV-2003");
    }
}
