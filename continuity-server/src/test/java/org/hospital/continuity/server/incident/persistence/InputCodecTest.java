package org.hospital.continuity.server.incident.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.OverrideRequest;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine journal keeps every input so that a replay gives the very same inputs: the incident a decision
 * names and the area a probe, diagnosis or request names survive (several incidents may be open at once; an
 * area's ladder is that area's, EP-4.1 局部网络不通). Plain JUnit with the mapper settings Quarkus uses.
 */
@DisplayName("Engine journal: every input round-trips, with its incident and area")
class InputCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, false);

    private final InputCodec codec = new InputCodec(JSON);

    private static final Instant AT = Instant.parse("2026-11-24T02:01:00Z");
    private static final Area B = Area.parse("B/5").orElseThrow();

    static List<Input> inputs() {
        return List.of(
                new Input.Observe(new ProbeResult("p1", AT, Component.NETWORK_SEGMENT, "fibre-b", ProbeStatus.DOWN, "B楼汇聚交换机失联",
                        Optional.of(B))),
                new Input.Observe(new ProbeResult("p2", AT, Component.DATABASE_SERVER, "his-db-01", ProbeStatus.UP, "")),
                new Input.Observe(new Diagnosis("d1", AT, "net-admin-sun", Cause.FIBRE_DAMAGED, List.of("p1"), "施工挖断光纤")),
                new Input.Observe(new Clearance("c1", AT, "it-duty-li", List.of("p1"), "熔接完成")),
                new Input.RequestOverride(new OverrideRequest(AT, "it-duty-li", FaultClass.CLASS_I, Optional.of(Scope.PARTIAL), "B楼断网"),
                        Optional.of("2")),
                new Input.RequestOverride(new OverrideRequest(AT, "it-duty-li", FaultClass.CLASS_II, Optional.empty(), "单终端")),
                new Input.LiftOverride(AT, "it-duty-li", "证据已足", Optional.of("2")),
                new Input.LiftOverride(AT, "it-duty-li", "证据已足"),
                new Input.RequestManualMode(AT, "icu-head-liu", Department.CRITICAL_CARE, "危重病人", Optional.of(B), Optional.of("1")),
                new Input.RequestManualMode(AT, "icu-head-liu", Department.CRITICAL_CARE, "危重病人"),
                new Input.SwitchEarlier(AT, "vice-president-zhou", Department.PHARMACY, "假日排队过长", Optional.of(B), Optional.of("1")),
                new Input.MergeIncidents(AT, "it-duty-li", "2", "1", "同一条光纤"),
                new Input.ChangeContext(AT, Set.of(ContextModifier.HOLIDAY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @DisplayName("an input read back from its journal row equals the input")
    void roundTrips(Input input) {
        InputCodec.Encoded enc = codec.encode(input);
        Input back = codec.decode(enc.kind(), new JsonObject(enc.payload().encode()));
        assertThat(back).isEqualTo(input);
    }

    @Test
    @DisplayName("a row written before decisions named their incident reads as naming none")
    void olderRowsReadWithoutIncident() {
        JsonObject old = new JsonObject().put("at", AT.toString()).put("by", "it-duty-li").put("reason", "证据已足");
        assertThat(codec.decode("LIFT_OVERRIDE", old)).isEqualTo(new Input.LiftOverride(AT, "it-duty-li", "证据已足"));
    }
}
