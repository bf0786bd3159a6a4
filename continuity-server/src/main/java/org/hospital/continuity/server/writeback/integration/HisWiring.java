package org.hospital.continuity.server.writeback.integration;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.hospital.continuity.server.writeback.WriteBackConfig;
import org.hospital.continuity.server.writeback.domain.HisCircuit;
import org.hospital.continuity.sync.his.CodeMapping;
import org.hospital.continuity.sync.his.HisPort;

import java.time.InstantSource;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * The HIS adapter: one FhirContext for the application (it is expensive), the {@link HisPort} the configuration
 * chooses ({@code continuity.writeback.link}: FHIR R4 by default, or HL7 v2 over MLLP), the configured code mapping and
 * the circuit breaker. The port is blocking: callers run
 * it on a worker ({@code Uni.createFrom().item(...).runSubscriptionOn(executor)}), never on the event loop.
 */
@ApplicationScoped
public class HisWiring {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    @Produces
    @Singleton
    HisPort hisPort(FhirContext fhir, WriteBackConfig config, InstantSource clock) {
        // the link is chosen by configuration: FHIR R4 unless the HIS speaks only HL7 v2
        return switch (config.link().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fhir" -> new FhirHisPort(fhir, config.fhirBaseUrl(), FhirIdentifiers.defaults(), ZoneId.of(config.zone()), clock,
                    config.candidateIndex());
            case "hl7v2", "v2" -> {
                WriteBackConfig.Hl7v2 v2 = config.hl7v2();
                yield new Hl7v2HisPort(v2.host(), v2.port(), v2.receivingApplication(), v2.receivingFacility(), ZoneId.of(config.zone()), clock,
                        v2.timeout(), v2.connections());
            }
            default -> throw new IllegalStateException("continuity.writeback.link must be fhir or hl7v2, not " + config.link());
        };
    }

    @Produces
    @Singleton
    CodeMapping codeMapping(WriteBackConfig config) {
        Map<CodeMapping.Kind, Map<String, String>> codes = new EnumMap<>(CodeMapping.Kind.class);
        if (!config.departments().isEmpty()) {
            codes.put(CodeMapping.Kind.DEPARTMENT, config.departments());
        }
        if (!config.items().isEmpty()) {
            codes.put(CodeMapping.Kind.ITEM, config.items());
        }
        if (!config.drugs().isEmpty()) {
            codes.put(CodeMapping.Kind.DRUG, config.drugs());
        }
        return new CodeMapping(codes);
    }

    @Produces
    @Singleton
    HisCircuit hisCircuit(WriteBackConfig config, InstantSource clock) {
        return new HisCircuit(config.breakerThreshold(), config.breakerCoolDown(), clock);
    }
}
