package org.hospital.continuity.kiosk.platform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.hospital.continuity.sync.wire.StrictJson;

/** Request bodies are read by the strict JSON rules ({@link StrictJson}): trailing data, cut-off fractions and NUL refused. */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJson.apply(mapper);
    }
}
