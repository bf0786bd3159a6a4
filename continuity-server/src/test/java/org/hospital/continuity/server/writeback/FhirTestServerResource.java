package org.hospital.continuity.server.writeback;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** For {@code @QuarkusTest}: points the HIS client at the stand-in FHIR server. */
public class FhirTestServerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("continuity.writeback.fhir-base-url", FhirTestServerProcess.baseUrl());
    }

    @Override
    public void stop() {
        // kept for the whole JVM; stopped by its shutdown hook
    }
}
