package org.hospital.continuity.server.syncreceiver.config;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the sync receiver ({@code continuity.sync-receiver.*}). */
@StaticInitSafe
@ConfigMapping(prefix = "continuity.sync-receiver")
public interface SyncReceiverConfig {

    /**
     * Pushes stored at the same time, over all kiosks. One more gets 503 with Retry-After, so that
     * fifty kiosks returning at once queue on their side instead of exhausting the database pool.
     */
    @WithDefault("12")
    int maxConcurrentPushes();

    /** Pushes that may wait for a free slot; more are refused at once with 503 and Retry-After. */
    @WithDefault("100")
    int maxWaitingPushes();

    /** How long a push waits for a free slot before it is refused with 503 and Retry-After, in milliseconds. */
    @WithDefault("3000")
    long admissionWaitMillis();

    /** Seconds a refused kiosk is told to wait (Retry-After) when the server is busy. */
    @WithDefault("1")
    int retryAfterSeconds();

    /**
     * Highest entry schema version this server understands; a kiosk sending a newer one is refused (422). The record
     * contract's highest current version (registration, charge and IOU slip are at 2); each kind's own highest version
     * is checked by the contract on receipt.
     */
    @WithDefault("2")
    int maxSchemaVersion();

    /**
     * Interim kiosk credentials until kiosk enrolment lands: kiosk id → lowercase hex
     * SHA-256 of its secret. Never the secret itself.
     */
    Map<String, String> interimCredentials();

    /** Kiosk ids whose credential is revoked: their pushes are refused (403), nothing stored. */
    Optional<List<String>> revokedKiosks();
}
