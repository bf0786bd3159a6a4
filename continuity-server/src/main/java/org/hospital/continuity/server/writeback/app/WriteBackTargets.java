package org.hospital.continuity.server.writeback.app;

import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hospital.continuity.server.incident.Incidents;
import ca.uhn.fhir.context.FhirContext;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.UUID;
import org.hospital.continuity.server.writeback.WriteBackConfig;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.server.writeback.integration.FhirHisPort;
import org.hospital.continuity.server.writeback.integration.FhirIdentifiers;
import org.hospital.continuity.sync.his.HisPort;

/**
 * HR-21: where the write-back of an incident goes. A real incident goes to the real HIS; a drill
 * incident never does: it goes to the configured sandbox FHIR target (its own circuit breaker), or is held.
 * Blocking (called by the write-back service on a worker thread).
 */
@ApplicationScoped
public class WriteBackTargets {

    /** Where one incident's write-back goes. */
    public sealed interface Target permits Real, Sandbox, Held {
    }

    public record Real() implements Target {
    }

    public record Sandbox(HisPort port, HisCircuit circuit, String url) implements Target {
    }

    public record Held(UUID drill) implements Target {
    }

    private final Incidents incidents;
    private final Optional<String> sandboxUrl;
    private final WriteBackConfig writeBack;
    private final FhirContext fhir;
    private final InstantSource clock;
    private volatile Sandbox sandbox;

    public WriteBackTargets(Incidents incidents,
                            @ConfigProperty(name = "continuity.drill.sandbox-fhir-url") Optional<String> sandboxUrl,
                            WriteBackConfig writeBack, FhirContext fhir, InstantSource clock) {
        this.incidents = incidents;
        this.sandboxUrl = sandboxUrl;
        this.writeBack = writeBack;
        this.fhir = fhir;
        this.clock = clock;
    }

    /** The drill an incident belongs to, or null (blocking). */
    public UUID drillOf(String incident) {
        UUID id;
        try {
            id = UUID.fromString(incident);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return incidents.drillOf(id).await().indefinitely().orElse(null);
    }

    public Target targetFor(String incident) {
        UUID drill = drillOf(incident);
        if (drill == null) {
            return new Real();
        }
        return sandbox().<Target>map(s -> s).orElseGet(() -> new Held(drill));
    }

    /** The sandbox target, when one is configured and is not the real HIS. */
    public java.util.Optional<Sandbox> sandbox() {
        java.util.Optional<String> url = sandboxUrl.filter(u -> !u.isBlank());
        if (url.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (same(url.get(), writeBack.fhirBaseUrl())) {
            Log.errorf("continuity.drill.sandbox-fhir-url is the real HIS (%s): drill records are held instead (HR-21)", url.get());
            return java.util.Optional.empty();
        }
        Sandbox s = sandbox;
        if (s == null) {
            synchronized (this) {
                if (sandbox == null) {
                    sandbox = new Sandbox(new FhirHisPort(fhir, url.get(), FhirIdentifiers.defaults(), ZoneId.of(writeBack.zone()), clock),
                            new HisCircuit(writeBack.breakerThreshold(), writeBack.breakerCoolDown(), clock), url.get());
                }
                s = sandbox;
            }
        }
        return java.util.Optional.of(s);
    }

    static boolean same(String a, String b) {
        return a.replaceAll("/+$", "").equalsIgnoreCase(b.replaceAll("/+$", ""));
    }
}
