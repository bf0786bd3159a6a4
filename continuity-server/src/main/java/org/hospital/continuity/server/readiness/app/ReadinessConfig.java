package org.hospital.continuity.server.readiness.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Kiosk readiness ({@code continuity.readiness.*}). */
@io.quarkus.runtime.annotations.StaticInitSafe
@ConfigMapping(prefix = "continuity.readiness")
public interface ReadinessConfig {

    /** How often the server re-assesses every kiosk (and tells IT on duty about one that turned not ready); "off" for none. */
    @WithDefault("1M")
    String every();

    /** How long after start the first assessment waits. */
    @WithDefault("30S")
    String startDelay();

    /** A kiosk not heard from (readiness report or sync push) for longer is not ready. */
    @WithDefault("15M")
    Duration maxSilence();

    /** Reference data older than this is not ready (prices and patients move daily). */
    @WithDefault("26H")
    Duration maxSnapshotAge();

    /** Fewer numbers left in a pool is not ready. */
    @WithDefault("20")
    long minPoolRemaining();

    /** A pool block expiring within this is not ready. */
    @WithDefault("3D")
    Duration poolExpiryMargin();

    /** Entries unsent for longer than this are a problem while the server is reachable. */
    @WithDefault("15M")
    Duration maxUnsentAge();

    /** The kiosk's clock may differ from the server's by at most this (journal ordering, EP-8.4 times). */
    @WithDefault("2M")
    Duration maxClockDrift();

    /** The kiosk software version every kiosk should run; unset: any. */
    Optional<String> expectedVersion();

    /**
     * A kiosk's copy of the HIS's ward data (census, orders, MAR, allergies) is stale when the HIS last answered for it
     * longer ago than this (IT is told, as for every readiness problem).
     */
    @WithDefault("2H")
    Duration maxHisDataAge();

    /** A kiosk with a ward's census has printed its downtime reports within this (the print interval is 4 h by default). */
    @WithDefault("9H")
    Duration maxWardReportAge();

    /** The number pools a kiosk needs to work offline. */
    @WithDefault("PATIENT,INVOICE")
    List<String> requiredPools();
}
