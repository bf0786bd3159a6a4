package org.hospital.continuity.server.drill.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hospital.continuity.playbooks.simulate.Scenario;
import org.hospital.continuity.playbooks.simulate.ScenarioLoader;
import org.hospital.continuity.server.platform.api.DomainRejection;

/**
 * The drill scenarios the server ships ({@code drills/index.txt} on the class path, the playbooks' scenario
 * format), and custom ones posted as YAML (a bad file is a 422 naming line and field).
 */
@ApplicationScoped
public class DrillScenarios {

    private final Map<String, Scenario> shipped = new LinkedHashMap<>();

    public DrillScenarios() {
        ClassLoader cl = DrillScenarios.class.getClassLoader();
        for (String name : read(cl, "drills/index.txt").split("\n")) {
            if (!name.isBlank()) {
                Scenario s = ScenarioLoader.parse(name.trim(), read(cl, "drills/" + name.trim()));
                shipped.put(s.id(), s);
            }
        }
    }

    private static String read(ClassLoader cl, String path) {
        try (InputStream in = cl.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Scenario> shipped() {
        return List.copyOf(shipped.values());
    }

    public Optional<Scenario> byId(String id) {
        return Optional.ofNullable(shipped.get(id));
    }

    /** A custom scenario from YAML; 422 with the loader's message when the file is wrong. */
    public Scenario parse(String yaml) {
        try {
            return ScenarioLoader.parse("custom.yaml", yaml);
        } catch (RuntimeException e) {
            throw new DomainRejection(422, "bad-scenario", "EP-9.4", e.getMessage());
        }
    }
}
