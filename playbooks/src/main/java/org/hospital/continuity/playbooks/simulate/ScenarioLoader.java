package org.hospital.continuity.playbooks.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.classify.ClassifierSettings;
import org.hospital.continuity.playbooks.classify.OverrideRequest;
import org.hospital.continuity.playbooks.fault.Area;
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
 * Reads scenario files (YAML; format in docs/playbooks.md). Every malformed input is a
 * {@link FileFormatException} naming file, line, column, field and what was expected: bytes that are not
 * UTF-8, durations that overflow, instants outside the years {@value #FIRST_YEAR}–{@value #LAST_YEAR}, entries
 * out of time order, gaps longer than the scenario's {@code horizon}. Ids referred to by {@code explains} and
 * {@code ids} must be defined earlier in the timeline.
 */
public final class ScenarioLoader {

    /** The earliest year a scenario may touch. */
    public static final int FIRST_YEAR = 1970;
    /** The latest year a scenario may touch (every instant formats and converts to local time). */
    public static final int LAST_YEAR = 2999;
    /** The longest horizon a file may set. */
    public static final Duration MAX_HORIZON = Duration.ofDays(366);

    private static final Instant EARLIEST = Instant.parse(FIRST_YEAR + "-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse((LAST_YEAR + 1) + "-01-01T00:00:00Z").minus(Duration.ofDays(2));

    private static final Set<String> SCENARIO_KEYS = Set.of("id", "title", "start", "zone", "context", "until", "settings",
            "timeline", "horizon", "expect");
    private static final Set<String> SETTINGS_KEYS = Set.of("classifier", "ladder", "closeAfterQuiet");
    private static final Set<String> CLASSIFIER_KEYS = Set.of("patternMinTerminals", "patternWindow", "wholeNetworkMinBuildings",
            "wholeNetworkWindow", "unstableMinFailures", "unstableWindow", "keyTerminals", "confirmWindow", "reportLifetime",
            "reportExpiry");
    private static final Set<String> LADDER_KEYS = Set.of("FRONT_DESK", "WARDS_AND_THEATRES", "WHOLE_HOSPITAL");
    private static final Set<String> EXPECT_KEYS = Set.of("incidents", "atOnce", "classes", "ladder", "manual", "outages",
            "steps", "noSteps", "merged", "evidence", "rejected");
    private static final List<String> KINDS = List.of("probe", "report", "alarm", "diagnosis", "clear", "override",
            "lift-override", "manual-request", "switch-earlier", "merge", "context");
    private static final Set<String> ENTRY_KEYS = entryKeys();
    private static final int MAX_COUNT = 1000;

    private ScenarioLoader() {
    }

    /** Reads a scenario file. */
    public static Scenario load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getFileName().toString();
        return parse(name, YamlNode.utf8(name, bytes));
    }

    /** Parses and validates a scenario. */
    public static Scenario parse(String fileName, String yaml) {
        YamlNode root = YamlNode.parse(fileName, yaml).mapping("a scenario", SCENARIO_KEYS);
        String id = root.require("id", "the scenario id").identifier();
        Bilingual title = root.require("title", "a title {zh: …, en: …}").bilingual();
        YamlNode startNode = root.require("start", "the start instant");
        Instant start = startNode.instant();
        if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
            throw startNode.error("a start within the years " + FIRST_YEAR + "–" + LAST_YEAR, "'" + startNode.string("a start") + "'");
        }
        ZoneId zone = root.get("zone").map(YamlNode::zone).orElse(EngineSettings.DEFAULT_ZONE);
        Set<ContextModifier> context = root.get("context").map(ScenarioLoader::modifiers).orElse(Set.of());
        Duration horizon = root.get("horizon").map(n -> bounded(n, MAX_HORIZON, "a horizon")).orElse(Scenario.DEFAULT_HORIZON);
        if (horizon.isZero()) {
            throw root.get("horizon").orElseThrow().error("a positive horizon", "'PT0S'");
        }
        Optional<Duration> until = root.get("until").map(n -> within(n, start, "an until"));
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
            Duration offset = within(atNode, start, "an offset");
            if (offset.compareTo(previous) < 0) {
                throw atNode.error("offsets in time order (not before the previous entry's " + previous + ")", "'" + offset + "'");
            }
            if (offset.minus(previous).compareTo(horizon) > 0) {
                throw atNode.error("a gap of at most the horizon " + horizon + " after the previous entry (" + previous
                        + "; set horizon: to allow more)", "'" + offset + "'");
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
        if (until.isPresent() && until.get().minus(previous).compareTo(horizon) > 0) {
            throw root.get("until").orElseThrow().error("an until at most the horizon " + horizon + " after the last entry ("
                    + previous + "; set horizon: to allow more)", "'" + root.get("until").orElseThrow().string("an until") + "'");
        }
        Expectation expect = root.get("expect").map(ScenarioLoader::expectation).orElse(Expectation.none());
        return new Scenario(id, title, fileName, start, zone, context, until, settings, inputs, horizon, expect);
    }

    /** A duration that keeps {@code start + d} within the years the scenario may touch. */
    private static Duration within(YamlNode node, Instant start, String what) {
        Duration d = node.duration();
        Duration room = Duration.between(start, LATEST);
        if (d.compareTo(room) > 0) {
            throw node.error(what + " that stays before the year " + (LAST_YEAR + 1), "'" + node.string(what) + "'");
        }
        return d;
    }

    private static Duration bounded(YamlNode node, Duration max, String what) {
        Duration d = node.duration();
        if (d.compareTo(max) > 0) {
            throw node.error(what + " of at most " + max, "'" + node.string(what) + "'");
        }
        return d;
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
                body.mapping("a probe result", Set.of("component", "target", "status", "detail", "area"));
                yield new Input.Observe(new ProbeResult(id, at,
                        body.require("component", "a component").enumValue(Component.class),
                        body.require("target", "the probed target (host, segment, line)").string("the probed target"),
                        body.require("status", "UP or DOWN").enumValue(ProbeStatus.class),
                        optionalText(body, "detail"),
                        body.get("area").map(ScenarioLoader::area)));
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
                body.mapping("a diagnosis", Set.of("by", "cause", "explains", "note", "component", "target", "area"));
                Optional<Component> component = body.get("component").map(n -> n.enumValue(Component.class));
                Optional<String> target = body.get("target").map(n -> n.string("the component's target"));
                if (component.isPresent() != target.isPresent()) {
                    throw body.get("component").or(() -> body.get("target")).orElseThrow()
                            .error("component and target together (the component the diagnosis is about)");
                }
                yield new Input.Observe(new Diagnosis(id, at,
                        body.require("by", "who diagnosed").string("who diagnosed"),
                        body.require("cause", "an EP-4 cause").enumValue(Cause.class),
                        body.get("explains").map(n -> references(n, knownIds, id)).orElse(List.of()),
                        optionalText(body, "note"), component, target, body.get("area").map(ScenarioLoader::area)));
            }
            case "clear" -> {
                body.mapping("a clearance", Set.of("by", "ids", "note"));
                yield new Input.Observe(new Clearance(id, at,
                        body.require("by", "who cleared").string("who cleared"),
                        nonEmpty(body.require("ids", "the ids it clears"), references(body.require("ids", "the ids it clears"), knownIds, id)),
                        optionalText(body, "note")));
            }
            case "override" -> {
                body.mapping("a manual override", Set.of("by", "class", "scope", "reason", "area", "incident"));
                yield new Input.RequestOverride(new OverrideRequest(at, optionalText(body, "by"),
                        body.require("class", "a fault class").enumValue(FaultClass.class),
                        body.get("scope").map(n -> n.enumValue(Scope.class)),
                        optionalText(body, "reason"), body.get("area").map(ScenarioLoader::area)),
                        body.get("incident").map(ScenarioLoader::incident));
            }
            case "lift-override" -> {
                body.mapping("lifting an override", Set.of("by", "reason", "incident"));
                yield new Input.LiftOverride(at, optionalText(body, "by"), optionalText(body, "reason"),
                        body.get("incident").map(ScenarioLoader::incident));
            }
            case "manual-request" -> {
                body.mapping("a request for manual mode", Set.of("by", "department", "reason", "area", "incident"));
                yield new Input.RequestManualMode(at, optionalText(body, "by"),
                        body.require("department", "a department").enumValue(Department.class),
                        optionalText(body, "reason"), body.get("area").map(ScenarioLoader::area),
                        body.get("incident").map(ScenarioLoader::incident));
            }
            case "switch-earlier" -> {
                body.mapping("the leadership group's decision to switch a department earlier", Set.of("by", "department", "reason", "area", "incident"));
                yield new Input.SwitchEarlier(at, optionalText(body, "by"),
                        body.require("department", "a department").enumValue(Department.class),
                        optionalText(body, "reason"), body.get("area").map(ScenarioLoader::area),
                        body.get("incident").map(ScenarioLoader::incident));
            }
            case "merge" -> {
                body.mapping("merging two incidents", Set.of("by", "from", "into", "reason"));
                yield new Input.MergeIncidents(at, optionalText(body, "by"),
                        incident(body.require("from", "the incident merged away (its number)")),
                        incident(body.require("into", "the incident that carries on (its number)")),
                        optionalText(body, "reason"));
            }
            case "context" -> new Input.ChangeContext(at, modifiers(body));
            default -> throw entry.error("a known timeline entry kind");
        };
    }

    private static String incident(YamlNode node) {
        return Integer.toString(node.integer(1, 1_000_000));
    }

    private static Area area(YamlNode node) {
        String path = node.string("an area building[/floor[/area]] such as B or B/3");
        return Area.parse(path).filter(a -> !a.isHospital())
                .orElseThrow(() -> node.error("an area building[/floor[/area]] such as B or B/3 (at most three parts of at most "
                        + Area.MAX_PART + " characters)", "'" + path + "'"));
    }

    private static Terminal terminal(YamlNode node) {
        node.mapping("a terminal", Set.of("id", "department", "ward", "building", "subnet", "floor"));
        String building = node.get("building").map(n -> n.string("a building")).orElse(null);
        Optional<YamlNode> floor = node.get("floor");
        if (floor.isPresent() && building == null) {
            throw floor.get().error("a floor together with its building");
        }
        for (String key : List.of("building", "floor", "ward")) {
            Optional<YamlNode> part = node.get(key);
            if (part.isPresent() && (part.get().string("a " + key).contains("/") || part.get().string("a " + key).length() > Area.MAX_PART)) {
                throw part.get().error("a " + key + " name of at most " + Area.MAX_PART + " characters without '/'",
                        "'" + part.get().string("a " + key) + "'");
            }
        }
        try {
            return new Terminal(
                    node.require("id", "the terminal id").string("the terminal id"),
                    node.require("department", "a department").enumValue(Department.class),
                    node.get("ward").map(n -> n.string("a ward")).orElse(null),
                    building,
                    node.get("subnet").map(n -> n.string("a subnet")).orElse(null),
                    floor.map(n -> n.string("a floor")).orElse(null));
        } catch (IllegalArgumentException e) {
            throw node.error("a building, floor and ward of at most " + Area.MAX_PART + " characters without '/'", e.getMessage());
        }
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
            settings = settings.withCloseAfterQuiet(bounded(close.get(), MAX_HORIZON, "a quiet period"));
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
        Duration confirm = positive(node, "confirmWindow", d.confirmWindow());
        Duration lifetime = positive(node, "reportLifetime", d.reportLifetime());
        Duration expiry = positive(node, "reportExpiry", d.reportExpiry());
        if (expiry.compareTo(lifetime) <= 0) {
            throw node.get("reportExpiry").or(() -> node.get("reportLifetime")).orElseThrow()
                    .error("a reportExpiry longer than reportLifetime (" + lifetime + ")", "'" + expiry + "'");
        }
        return new ClassifierSettings(patternMin, patternWindow, buildings, wholeWindow, failures, unstableWindow, keys,
                confirm, lifetime, expiry);
    }

    private static LadderSettings ladder(YamlNode node) {
        node.mapping("ladder thresholds", LADDER_KEYS);
        LadderSettings settings = LadderSettings.defaults();
        Map<LadderStep, Duration> thresholds = new EnumMap<>(settings.thresholds());
        for (LadderStep step : LadderStep.values()) {
            node.get(step.name()).ifPresent(n -> thresholds.put(step, bounded(n, MAX_HORIZON, "a threshold")));
        }
        try {
            return new LadderSettings(thresholds, settings.notified(), settings.modifiers());
        } catch (IllegalArgumentException e) {
            throw node.error("thresholds that increase from FRONT_DESK to WHOLE_HOSPITAL", e.getMessage());
        }
    }

    private static Expectation expectation(YamlNode node) {
        node.mapping("what must happen", EXPECT_KEYS);
        Optional<Integer> incidents = node.get("incidents").map(n -> n.integer(0, 1_000_000));
        Optional<Integer> atOnce = node.get("atOnce").map(n -> n.integer(0, 1_000_000));
        Map<Integer, List<Optional<FaultClass>>> classes = new LinkedHashMap<>();
        node.get("classes").ifPresent(n -> {
            n.mapping("class changes per incident number {1: [CLASS_II, none]}", null);
            for (String key : n.keys()) {
                YamlNode list = n.get(key).orElseThrow();
                int number;
                try {
                    number = Integer.parseInt(key);
                } catch (NumberFormatException e) {
                    throw list.error("an incident number as the key", "'" + key + "'");
                }
                List<Optional<FaultClass>> seq = new ArrayList<>();
                for (YamlNode c : list.listOrSingle("fault classes or none")) {
                    String v = c.string("a fault class or none");
                    seq.add(v.equals("none") ? Optional.empty() : Optional.of(c.enumValue(FaultClass.class)));
                }
                classes.put(number, seq);
            }
        });
        Optional<List<Expectation.Row>> ladder = node.get("ladder").map(n -> {
            List<Expectation.Row> rows = new ArrayList<>();
            for (YamlNode r : n.isNull() ? List.<YamlNode>of() : n.list("ladder rows")) {
                r.mapping("a ladder row {at, step, area}", Set.of("at", "step", "area"));
                rows.add(new Expectation.Row(bounded(r.require("at", "an offset"), Duration.ofDays(3660), "an offset"),
                        r.require("step", "a ladder step").enumValue(LadderStep.class),
                        r.get("area").map(ScenarioLoader::area).orElse(Area.HOSPITAL)));
            }
            return rows;
        });
        Optional<List<Expectation.Switch>> manual = node.get("manual").map(n -> {
            List<Expectation.Switch> rows = new ArrayList<>();
            for (YamlNode r : n.isNull() ? List.<YamlNode>of() : n.list("departments gone manual")) {
                r.mapping("a department gone manual {at, department, area}", Set.of("at", "department", "area"));
                rows.add(new Expectation.Switch(bounded(r.require("at", "an offset"), Duration.ofDays(3660), "an offset"),
                        r.require("department", "a department").enumValue(Department.class),
                        r.get("area").map(ScenarioLoader::area).orElse(Area.HOSPITAL)));
            }
            return rows;
        });
        Optional<List<Expectation.Outage>> outages = node.get("outages").map(n -> {
            List<Expectation.Outage> rows = new ArrayList<>();
            for (YamlNode r : n.isNull() ? List.<YamlNode>of() : n.list("outages")) {
                r.mapping("an outage {area, from, to}", Set.of("area", "from", "to"));
                rows.add(new Expectation.Outage(r.get("area").map(ScenarioLoader::area).orElse(Area.HOSPITAL),
                        bounded(r.require("from", "an offset"), Duration.ofDays(3660), "an offset"),
                        r.get("to").map(t -> bounded(t, Duration.ofDays(3660), "an offset"))));
            }
            return rows;
        });
        List<String> steps = node.get("steps").map(n -> n.listOrSingle("step references").stream().map(x -> x.string("playbook/step")).toList())
                .orElse(List.of());
        List<String> noSteps = node.get("noSteps").map(n -> n.listOrSingle("step references").stream().map(x -> x.string("playbook/step")).toList())
                .orElse(List.of());
        Optional<Integer> merged = node.get("merged").map(n -> n.integer(0, 1_000_000));
        List<String> evidence = node.get("evidence").map(n -> n.listOrSingle("texts").stream().map(x -> x.string("a text")).toList())
                .orElse(List.of());
        Optional<Integer> rejected = node.get("rejected").map(n -> n.integer(0, 1_000_000));
        return new Expectation(incidents, atOnce, classes, ladder, manual, outages, steps, noSteps, merged, evidence, rejected);
    }

    private static Duration positive(YamlNode node, String key, Duration fallback) {
        Optional<YamlNode> value = node.get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration d = bounded(value.get(), MAX_HORIZON, "a duration");
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
