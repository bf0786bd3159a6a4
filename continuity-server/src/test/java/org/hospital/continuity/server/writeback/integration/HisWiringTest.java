package org.hospital.continuity.server.writeback.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hospital.continuity.server.writeback.WriteBackConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The HIS link is chosen by configuration: FHIR R4 by default, HL7 v2 over MLLP when asked. */
class HisWiringTest {

    static WriteBackConfig config(String link) {
        WriteBackConfig.Hl7v2 v2 = (WriteBackConfig.Hl7v2) Proxy.newProxyInstance(HisWiringTest.class.getClassLoader(),
                new Class<?>[] {WriteBackConfig.Hl7v2.class}, (p, m, a) -> switch (m.getName()) {
                    case "host" -> "127.0.0.1";
                    case "port" -> 2575;
                    case "receivingApplication" -> "HIS";
                    case "receivingFacility" -> "HOSPITAL";
                    case "timeout" -> Duration.ofSeconds(5);
                    case "connections" -> 2;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (WriteBackConfig) Proxy.newProxyInstance(HisWiringTest.class.getClassLoader(), new Class<?>[] {WriteBackConfig.class},
                (p, m, a) -> switch (m.getName()) {
                    case "link" -> link;
                    case "hl7v2" -> v2;
                    case "fhirBaseUrl" -> "http://127.0.0.1:1/fhir";
                    case "zone" -> "Asia/Shanghai";
                    case "departments", "items", "drugs" -> Map.of();
                    case "candidateIndex" -> true;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    @DisplayName("continuity.writeback.link chooses the HIS link: fhir (default) or hl7v2; anything else stops the start")
    void theLinkIsChosenByConfiguration() {
        HisWiring wiring = new HisWiring();
        FhirContext fhir = FhirContext.forR4Cached();
        assertThat(wiring.hisPort(fhir, config("fhir"), Instant::now)).isInstanceOf(FhirHisPort.class);
        assertThat(wiring.hisPort(fhir, config("HL7v2"), Instant::now)).isInstanceOf(Hl7v2HisPort.class);
        assertThatThrownBy(() -> wiring.hisPort(fhir, config("soap"), Instant::now)).isInstanceOf(IllegalStateException.class);
    }
}
