package org.hospital.continuity.server.drill.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Drills, readiness and restore tests ({@code continuity.drill.*}). */
@io.quarkus.runtime.annotations.StaticInitSafe
@ConfigMapping(prefix = "continuity.drill")
public interface DrillConfig {

    /**
     * HR-21: where a drill's downtime records are written back. Empty (the default): they are held, nothing is
     * written anywhere. Set it to a training FHIR server to rehearse the write-back too. Never the real HIS: a
     * sandbox URL equal to {@code continuity.writeback.fhir-base-url} is refused at start.
     */
    Optional<String> sandboxFhirUrl();

    /** How often the scenario player looks for signals that are due. */
    @WithDefault("500MS")
    Duration playerTick();

    /** Set false to run no scenario player in this instance (tests drive it by hand). */
    @WithDefault("true")
    boolean playerEnabled();

    /** The largest time compression a drill may ask for (engine seconds per real second). */
    @WithDefault("3600")
    int maxFactor();
}
