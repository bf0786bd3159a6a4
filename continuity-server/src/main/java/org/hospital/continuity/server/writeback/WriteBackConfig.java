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

    /**
     * Which HIS link write-back uses: {@code fhir} (HL7 FHIR R4 transactions, the default) or {@code hl7v2} (HL7 v2.5.1
     * messages over MLLP, for a HIS that does not speak FHIR). See docs/writeback.md.
     */
    @WithDefault("fhir")
    String link();

    /** The HL7 v2 link ({@code continuity.writeback.hl7v2.*}), used when {@link #link()} is {@code hl7v2}. */
    Hl7v2 hl7v2();

    /** Where the HIS's MLLP listener is and how it is addressed. */
    interface Hl7v2 {
        /** Host of the HIS's MLLP listener. */
        @WithDefault("127.0.0.1")
        String host();

        /** Port of the HIS's MLLP listener. */
        @WithDefault("2575")
        int port();

        /** MSH-5, the receiving application (the HIS's interface engine). */
        @WithDefault("HIS")
        String receivingApplication();

        /** MSH-6, the receiving facility. */
        @WithDefault("HOSPITAL")
        String receivingFacility();

        /** How long to wait for an acknowledgement before the HIS counts as not answering. */
        @WithDefault("30S")
        java.time.Duration timeout();

        /** MLLP connections write-back may hold open at once (its concurrent visits share them). */
        @WithDefault("4")
        int connections();
    }

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

    /**
     * FHIR link: answer matching's candidate queries from the HIS's patients read once and kept current (the patients'
     * history since the previous read, at most once a second while a run asks) instead of five to seven searches per
     * visit (docs/writeback.md, "Candidate index"). false: search the HIS for every visit.
     */
    @WithDefault("true")
    boolean candidateIndex();

    /**
     * How often the candidate index is read ahead / caught up while the HIS answers, before any outage (a Quarkus
     * scheduler period such as {@code 5M}; {@code off}: read only when a write-back run asks). Read by
     * {@code RunningWriteBack.keepCandidatesAhead}'s schedule.
     */
    @WithDefault("5M")
    String candidateIndexRefresh();

    /**
     * Visits written at once (each lane of dependent visits stays in capture order). The HIS, not this server, is the
     * bottleneck: a few concurrent writers keep it busy (the stand-in HIS took 76 bundles/s from 2 clients and 91 from 4).
     */
    @WithDefault("4")
    int concurrency();

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
