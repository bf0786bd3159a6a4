package org.hospital.continuity.playbooks.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.ClassifierSettings;
import org.hospital.continuity.playbooks.classify.OverrideRequest;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.incident.EngineSettings;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderSettings;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.IntegrityKind;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.hospital.continuity.playbooks.signal.Terminal;
import org.hospital.continuity.playbooks.text.Bilingual;
import org.hospital.continuity.playbooks.yaml.FileFormatException;
import org.hospital.continuity.playbooks.yaml.YamlNode;

/**
 * Reads scenario files (YAML; format in docs/playbooks.md). A bad file is a {@link FileFormatException} naming
 * file, line, field and what was expected. Timeline entries must be in time order; ids referred to by
 * {@code explains} and {@code ids} must be defined earlier in the timeline.
 */
public final class ScenarioLoader {

    private static final Set<String> SCENARIO_KEYS = Set.of("id", "title", "start", "zone", "context", "until", "settings", "timeline");
    private static final Set<String> SETTINGS_KEYS = Set.of("classifier", "ladder", "closeAfterQuiet");
    private static final Set<String> CLASSIFIER_KEYS = Set.of("patternMinTerminals", "patternWindow", "wholeNetworkMinBuildings",
            "wholeNetworkWindow", "unstableMinFailures", "unstableWindow", "keyTerminals");
    private static final Set<String> LADDER_KEYS = Set.of("FRONT_DESK", "WARDS_AND_THEATRES", "WHOLE_HOSPITAL");
    private static final List<String> KINDS = List.of("probe", "report", "alarm", "diagnosis", "clear", "override",
            "lift-override", "manual-request", "context");
    private static final Set<String> ENTRY_KEYS = entryKeys();
    private static final int MAX_COUNT = 1000;

    private ScenarioLoader() {
    }

    /** Reads a scenario file. */
    public static Scenario load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and validates a scenario. */
    public static Scenario parse(String fileName, String yaml) {
        YamlNode root = YamlNode.parse(fileName, yaml).mapping("a scenario", SCENARIO_KEYS);
        String id = root.require("id", "the scenario id").identifier();
        Bilingual title = root.require("title", "a title {zh: …, en: …}").bilingual();
        Instant start = root.require("start", "the start instant").instant();
        ZoneId zone = root.get("zone").map(YamlNode::zone).orElse(EngineSettings.DEFAULT_ZONE);
        Set<ContextModifier> context = root.get("context").map(ScenarioLoader::modifiers).orElse(Set.of());
        Optional<Duration> until = root.get("until").map(YamlNode::duration);
        EngineSettings settings = root.get("settings").map(ScenarioLoader::settings).orElse(EngineSettings.defaults()).withZone(zone);
        YamlNode timelineNode = root.require("timeline", "a list of timeline entries");
        List<Input> inputs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Duration previous = Duration.ZERO;
        int index = 0;
        for (YamlNode entry : timelineNode.list("timeline entries")) {
            index++;
            entry.mapping("a timeline entry", ENTRY_KEYS);
            YamlNode atNode = entry.require("at", "an offset from the start such as PT30M");
            Duration offset = atNode.duration();
            if (offset.compareTo(previous) < 0) {
                throw atNode.error("offsets in time order (not before the previous entry's " + previous + ")", "'" + offset + "'");
            }
            previous = offset;
            if (until.isPresent() && offset.compareTo(until.get()) > 0) {
                throw atNode.error("an offset within until (" + until.get() + ")", "'" + offset + "'");
            }
            String signalId = entry.get("id").map(YamlNode::identifier).orElse("e" + index);
            if (!ids.add(signalId)) {
                throw entry.get("id").orElse(entry).error("an id used once in the timeline", "'" + signalId + "' again");
            }
            inputs.add(input(entry, signalId, start.plus(offset), ids));
        }
        if (inputs.isEmpty()) {
            throw timelineNode.error("at least one timeline entry", "an empty list");
        }
        return new Scenario(id, title, fileName, start, zone, context, until, settings, inputs);
    }

    private static Input input(YamlNode entry, String id, Instant at, Set<String> knownIds) {
        List<String> kinds = KINDS.stream().filter(k -> entry.keys().contains(k)).toList();
        if (kinds.size() != 1) {
            throw entry.error("exactly one of " + String.join(", ", KINDS) + " besides at and id",
                    kinds.isEmpty() ? "none" : String.join(" and ", kinds));
        }
        String kind = kinds.get(0);
        YamlNode body = entry.require(kind, "the " + kind);
        return switch (kind) {
            case "probe" -> {
                body.mapping("a probe result", Set.of("component", "target", "status", "detail"));
                yield new Input.Observe(new ProbeResult(id, at,
                        body.require("component", "a component").enumValue(Component.class),
                        body.require("target", "the probed target (host, segment, line)").string("the probed target"),
                        body.require("status", "UP or DOWN").enumValue(ProbeStatus.class),
                        optionalText(body, "detail")));
            }
            case "report" -> {
                body.mapping("a fault report", Set.of("reporter", "terminal", "symptom", "text"));
                yield new Input.Observe(new FaultReport(id, at,
                        body.require("reporter", "who filed it").string("who filed it"),
                        terminal(body.require("terminal", "the terminal {id, department, …}")),
                        body.require("symptom", "what they saw").enumValue(Symptom.class),
                        optionalText(body, "text")));
            }
            case "alarm" -> {
                body.mapping("an integrity alarm", Set.of("kind", "source", "detail"));
                yield new Input.Observe(new IntegrityAlarm(id, at,
                        body.require("kind", "what was found").enumValue(IntegrityKind.class),
                        optionalText(body, "source"), optionalText(body, "detail")));
            }
            case "diagnosis" -> {
                body.mapping("a diagnosis", Set.of("by", "cause", "explains", "note"));
                yield new Input.Observe(new Diagnosis(id, at,
                        body.require("by", "who diagnosed").string("who diagnosed"),
                        body.require("cause", "an EP-4 cause").enumValue(Cause.class),
                        body.get("explains").map(n -> references(n, knownIds, id)).orElse(List.of()),
                        optionalText(body, "note")));
            }
            case "clear" -> {
                body.mapping("a clearance", Set.of("by", "ids", "note"));
                yield new Input.Observe(new Clearance(id, at,
                        body.require("by", "who cleared").string("who cleared"),
                        nonEmpty(body.require("ids", "the ids it clears"), references(body.require("ids", "the ids it clears"), knownIds, id)),
                        optionalText(body, "note")));
            }
            case "override" -> {
                body.mapping("a manual override", Set.of("by", "class", "scope", "reason"));
                yield new Input.RequestOverride(new OverrideRequest(at, optionalText(body, "by"),
                        body.require("class", "a fault class").enumValue(FaultClass.class),
                        body.get("scope").map(n -> n.enumValue(Scope.class)),
                        optionalText(body, "reason")));
            }
            case "lift-override" -> {
                body.mapping("lifting an override", Set.of("by", "reason"));
                yield new Input.LiftOverride(at, optionalText(body, "by"), optionalText(body, "reason"));
            }
            case "manual-request" -> {
                body.mapping("a request for manual mode", Set.of("by", "department", "reason"));
                yield new Input.RequestManualMode(at, optionalText(body, "by"),
                        body.require("department", "a department").enumValue(Department.class),
                        optionalText(body, "reason"));
            }
            case "context" -> new Input.ChangeContext(at, modifiers(body));
            default -> throw entry.error("a known timeline entry kind");
        };
    }

    private static Terminal terminal(YamlNode node) {
        node.mapping("a terminal", Set.of("id", "department", "ward", "building", "subnet"));
        return new Terminal(
                node.require("id", "the terminal id").string("the terminal id"),
                node.require("department", "a department").enumValue(Department.class),
                node.get("ward").map(n -> n.string("a ward")).orElse(null),
                node.get("building").map(n -> n.string("a building")).orElse(null),
                node.get("subnet").map(n -> n.string("a subnet")).orElse(null));
    }

    private static List<String> references(YamlNode node, Set<String> knownIds, String self) {
        List<String> refs = new ArrayList<>();
        for (YamlNode item : node.listOrSingle("timeline ids")) {
            String ref = item.string("an id of an earlier timeline entry");
            if (ref.equals(self) || !knownIds.contains(ref)) {
                throw item.error("an id of an earlier timeline entry", "'" + ref + "'");
            }
            refs.add(ref);
        }
        return refs;
    }

    private static List<String> nonEmpty(YamlNode node, List<String> refs) {
        if (refs.isEmpty()) {
            throw node.error("at least one id", "an empty list");
        }
        return refs;
    }

    private static Set<ContextModifier> modifiers(YamlNode node) {
        if (node.isNull()) {
            return Set.of();
        }
        Set<ContextModifier> set = new LinkedHashSet<>();
        node.listOrSingle("context modifiers").forEach(n -> set.add(n.enumValue(ContextModifier.class)));
        return set.isEmpty() ? Set.of() : EnumSet.copyOf(set);
    }

    private static EngineSettings settings(YamlNode node) {
        node.mapping("settings", SETTINGS_KEYS);
        EngineSettings settings = EngineSettings.defaults();
        Optional<YamlNode> classifier = node.get("classifier");
        if (classifier.isPresent()) {
            settings = settings.withClassifier(classifier(classifier.get()));
        }
        Optional<YamlNode> ladder = node.get("ladder");
        if (ladder.isPresent()) {
            settings = settings.withLadder(ladder(ladder.get()));
        }
        Optional<YamlNode> close = node.get("closeAfterQuiet");
        if (close.isPresent()) {
            settings = settings.withCloseAfterQuiet(close.get().duration());
        }
        return settings;
    }

    private static ClassifierSettings classifier(YamlNode node) {
        node.mapping("classifier settings", CLASSIFIER_KEYS);
        ClassifierSettings d = ClassifierSettings.defaults();
        int patternMin = node.get("patternMinTerminals").map(n -> n.integer(2, MAX_COUNT)).orElse(d.patternMinTerminals());
        Duration patternWindow = positive(node, "patternWindow", d.patternWindow());
        int buildings = node.get("wholeNetworkMinBuildings").map(n -> n.integer(2, MAX_COUNT)).orElse(d.wholeNetworkMinBuildings());
        Duration wholeWindow = positive(node, "wholeNetworkWindow", d.wholeNetworkWindow());
        int failures = node.get("unstableMinFailures").map(n -> n.integer(2, MAX_COUNT)).orElse(d.unstableMinFailures());
        Duration unstableWindow = positive(node, "unstableWindow", d.unstableWindow());
        Set<String> keys = new LinkedHashSet<>();
        node.get("keyTerminals").ifPresent(n -> n.listOrSingle("terminal ids").forEach(t -> keys.add(t.string("a terminal id"))));
        return new ClassifierSettings(patternMin, patternWindow, buildings, wholeWindow, failures, unstableWindow, keys);
    }

    private static LadderSettings ladder(YamlNode node) {
        node.mapping("ladder thresholds", LADDER_KEYS);
        LadderSettings settings = LadderSettings.defaults();
        Map<LadderStep, Duration> thresholds = new EnumMap<>(settings.thresholds());
        for (LadderStep step : LadderStep.values()) {
            node.get(step.name()).ifPresent(n -> thresholds.put(step, n.duration()));
        }
        try {
            return new LadderSettings(thresholds, settings.notified(), settings.modifiers());
        } catch (IllegalArgumentException e) {
            throw node.error("thresholds that increase from FRONT_DESK to WHOLE_HOSPITAL", e.getMessage());
        }
    }

    private static Duration positive(YamlNode node, String key, Duration fallback) {
        Optional<YamlNode> value = node.get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration d = value.get().duration();
        if (d.isZero()) {
            throw value.get().error("a positive duration", "'" + d + "'");
        }
        return d;
    }

    private static String optionalText(YamlNode node, String key) {
        return node.get(key).map(n -> n.string(key)).orElse("");
    }

    private static Set<String> entryKeys() {
        Set<String> keys = new HashSet<>(KINDS);
        keys.add("at");
        keys.add("id");
        return Set.copyOf(keys);
    }
}
