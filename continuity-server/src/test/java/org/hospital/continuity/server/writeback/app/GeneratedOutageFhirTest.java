package org.hospital.continuity.server.writeback.app;

import ca.uhn.fhir.context.FhirContext;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.hospital.continuity.server.writeback.OutageFixture;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.server.writeback.integration.FhirIdentifiers;
import org.hospital.continuity.sync.his.CodeMapping;
import org.hospital.continuity.sync.simulation.OutageDataSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small generated outage through the real FHIR path on every test run: 2,000 HIS patients (namesakes, twins,
 * slips) and 300 registrations, matched by {@code FhirHisPort}'s complete candidate retrieval: no wrong automatic
 * outcome. The 20,000-patient, ten-seed figures are the write-back benchmark's (docs/benchmarks.md).
 */
class GeneratedOutageFhirTest {

    @Test
    @DisplayName("A generated outage against a 2,000-patient HIS through FHIR: zero wrong automatic outcomes, most written automatically")
    void generatedOutageThroughFhir() {
        FhirIdentifiers ids = FhirIdentifiers.defaults();
        FhirHisPort his = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), ids, ZoneId.of("Asia/Shanghai"));
        FhirTestServerProcess.reset();
        his.forgetPrices();
        OutageFixture fx = new OutageFixture(OutageDataSet.generate(20261122L, 2_000, 300, 4,
                Instant.parse("2026-11-21T00:00:00Z")), "small");
        fx.seed(his, ids);
        InMemoryLedger ledger = new InMemoryLedger();

        new WritingBack(his, new CodeMapping(Map.of()), new HisCircuit(5, Duration.ofMinutes(1), Instant::now), ledger, Instant::now,
                d -> { }, 3, Duration.ofMillis(1)).run("small", fx.drafts, null);
        OutageGrading g = OutageGrading.of(fx, ledger);

        System.out.println("generated outage through FHIR: " + g);
        assertThat(g.wrong()).as("%s", g).isZero();
        assertThat(g.automaticShare()).as("%s", g).isGreaterThanOrEqualTo(0.95);
        assertThat(g.workbench()).as("the hard cases reach the workbench").isPositive();
    }
}
