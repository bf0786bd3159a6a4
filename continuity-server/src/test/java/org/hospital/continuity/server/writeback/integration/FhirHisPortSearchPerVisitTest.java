package org.hospital.continuity.server.writeback.integration;

import ca.uhn.fhir.context.FhirContext;
import org.hospital.continuity.server.writeback.FhirTestServerProcess;
import org.junit.jupiter.api.BeforeAll;

import java.time.InstantSource;
import java.time.ZoneId;

/**
 * {@link FhirHisPortTest} again with the candidate index off ({@code continuity.writeback.candidate-index=false}): the
 * per-visit FHIR searches ({@link FhirCandidateSearch}: every page, accurate totals, narrowed searches, the cap) keep
 * their own proof now that the index is the default.
 */
class FhirHisPortSearchPerVisitTest extends FhirHisPortTest {

    @BeforeAll
    static void connectSearchingPerVisit() {
        his = new FhirHisPort(FhirContext.forR4Cached(), FhirTestServerProcess.baseUrl(), IDS, ZoneId.of("Asia/Shanghai"),
                InstantSource.system(), false);
    }
}
