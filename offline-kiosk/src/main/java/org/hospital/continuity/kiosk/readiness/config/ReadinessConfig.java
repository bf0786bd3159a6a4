package org.hospital.continuity.kiosk.readiness.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Readiness reports to the server ({@code continuity.readiness.*}). */
@io.quarkus.runtime.annotations.StaticInitSafe
@ConfigMapping(prefix = "continuity.readiness")
public interface ReadinessConfig {

    /** How often the kiosk reports while online; "off" for never. */
    @WithDefault("30s")
    String reportEvery();
}
