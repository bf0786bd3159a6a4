package org.hospital.continuity.server.writeback;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Write-back to the HIS ({@code continuity.writeback.*}). */
@StaticInitSafe
@ConfigMapping(prefix = "continuity.writeback")
public interface WriteBackConfig {

    /** Base URL of the HIS's FHIR R4 endpoint. */
    @WithDefault("http://127.0.0.1:8090/fhir")
    String fhirBaseUrl();

    /** How often the background write-back looks for work (one server at a time). */
    @WithDefault("1M")
    Duration interval();

    /** How long after start-up the first background run waits. */
    @WithDefault("30S")
    Duration startDelay();

    /** Hospital time zone (EP-8.4 deadlines, Encounter dates). */
    @WithDefault("Asia/Shanghai")
    String zone();

    /** Attempts per HIS call before the visit's run pauses. */
    @WithDefault("3")
    int attempts();

    /** Pause between attempts, multiplied by the attempt number. */
    @WithDefault("2S")
    Duration backoff();

    /** Failures in a row that open the circuit breaker. */
    @WithDefault("5")
    int breakerThreshold();

    /** How long the breaker stays open before one trial call. */
    @WithDefault("1M")
    Duration breakerCoolDown();

    /** Kiosk department code → HIS department code; empty = the codes are the same on both sides. */
    Map<String, String> departments();

    /** Kiosk item code → HIS item code; empty = the codes are the same. */
    Map<String, String> items();

    /** Kiosk drug code → HIS drug code; empty = the codes are the same. */
    Map<String, String> drugs();
}
