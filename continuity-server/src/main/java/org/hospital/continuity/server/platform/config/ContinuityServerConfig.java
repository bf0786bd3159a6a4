package org.hospital.continuity.server.platform.config;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Application settings of the continuity server ({@code continuity.*}). */
@StaticInitSafe
@ConfigMapping(prefix = "continuity")
public interface ContinuityServerConfig {

    /** Folder for the server's own files (the embedded PostgreSQL lives in {@code <data-dir>/postgres}). */
    @WithDefault("data/server")
    String dataDir();

    /**
     * The hospital's one time zone: every time on the board, the operations pages, kiosks' instructions,
     * notifications, reports and PDFs is shown in it. The features' own zone keys default to it
     * ({@code application.properties}).
     */
    @WithDefault("Asia/Shanghai")
    java.time.ZoneId zone();

    /** Limits of the JSON API. */
    Api api();

    /** Kiosk registry, enrolment, number pools and reference snapshots. */
    Kiosk kiosk();

    interface Kiosk {
        /** How long a one-time enrolment code can be redeemed. */
        @WithDefault("PT24H")
        java.time.Duration codeValidity();

        /** How long a number block stays usable on a kiosk. */
        @WithDefault("P90D")
        java.time.Duration blockValidity();

        /** Downtime patient numbers per block. */
        @WithDefault("500")
        int patientBlockSize();

        /** Manual invoice numbers per block. */
        @WithDefault("200")
        int invoiceBlockSize();

        /** PBKDF2 iterations of the staff offline verifiers served to kiosks. */
        @WithDefault("120000")
        int verifierIterations();

        /**
         * The server's master key for the kiosks' key-wrapping keys (base64, at least 32 bytes; env
         * {@code CONTINUITY_KIOSK_WRAP_KEY}); without it {@code <data-dir>/kiosk-wrap.key}, created owner-only. Never in
         * the database: a database dump and a kiosk's disk together still do not open the kiosk's data.
         */
        java.util.Optional<String> wrapKey();

        /** Seed demo departments, doctors and fictitious patients (drills, tests; HR-21). */
        @WithDefault("false")
        boolean demoData();
    }

    interface Api {
        /**
         * Largest request body accepted by ordinary endpoints, in bytes; a larger one gets a 413
         * problem+json and nothing is stored. Sync ingest has its own, larger limit.
         */
        @WithDefault("1048576")
        long maxBodyBytes();
    }
}
