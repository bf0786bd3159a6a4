package org.hospital.continuity.playbooks.simulate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.incident.EngineSettings;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * A scenario: a timeline of inputs at offsets from a start instant, with the circumstances and settings. Read
 * from YAML by {@link ScenarioLoader}; run by {@link Simulator}.
 *
 * @param id       stable id
 * @param title    in both languages
 * @param source   the file it was read from
 * @param start    the instant offsets count from
 * @param zone     the hospital's time zone (for display and same-day deadlines)
 * @param context  the EP-5.1 circumstances in force at the start
 * @param until    how long after the start to simulate at most; empty: until nothing is pending
 * @param settings the engine settings (defaults plus the scenario's changes)
 * @param inputs   the inputs, in time order
 * @param horizon  the longest gap allowed between two entries (and after the last one without {@code until})
 * @param expect   what must happen (checked by the tests and {@code simulate --check})
 */
public record Scenario(String id, Bilingual title, String source, Instant start, ZoneId zone,
                       Set<ContextModifier> context, Optional<Duration> until, EngineSettings settings,
                       List<Input> inputs, Duration horizon, Expectation expect) {

    /** The default horizon: a scenario is about days, not years. */
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(30);

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        context = Set.copyOf(context);
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(settings, "settings");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(expect, "expect");
    }

    /** A scenario with the default horizon and no expectation. */
    public Scenario(String id, Bilingual title, String source, Instant start, ZoneId zone, Set<ContextModifier> context,
                    Optional<Duration> until, EngineSettings settings, List<Input> inputs) {
        this(id, title, source, start, zone, context, until, settings, inputs, DEFAULT_HORIZON, Expectation.none());
    }
}
