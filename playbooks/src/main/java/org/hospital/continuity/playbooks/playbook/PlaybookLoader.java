package org.hospital.continuity.playbooks.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.playbooks.party.Team;
import org.hospital.continuity.playbooks.yaml.FileFormatException;
import org.hospital.continuity.playbooks.yaml.YamlNode;

/**
 * Reads playbook files (YAML, one playbook per file; format in docs/playbooks.md), validating every field. A
 * bad file is rejected with a {@link FileFormatException} naming file, line, field and what was expected.
 *
 * <p>The hospital's default playbooks ship on the classpath under {@value #DEFAULTS_DIR}, listed in
 * {@value #DEFAULTS_INDEX}; a hospital overrides them by id with files of its own in a directory
 * ({@link #loadWithOverrides(Path)}).
 */
public final class PlaybookLoader {

    /** Classpath folder of the default playbooks. */
    public static final String DEFAULTS_DIR = "playbooks/";
    /** Classpath file listing the default playbook files, one name a line. */
    public static final String DEFAULTS_INDEX = DEFAULTS_DIR + "index.txt";

    private static final Set<String> PLAYBOOK_KEYS = Set.of("id", "title", "clause", "trigger", "enabled", "teams", "steps", "announce");
    private static final Set<String> ANNOUNCE_KEYS = Set.of("clause", "notify");
    private static final Set<String> TRIGGER_KEYS = Set.of("type", "class", "step", "classes");
    private static final Set<String> TEAM_KEYS = Set.of("team", "clause", "duty");
    private static final Set<String> STEP_KEYS = Set.of("id", "clause", "owner", "department", "action", "notify", "due");
    private static final String PARTY_EXPECTED =
            "a party code (a department, office or team such as FINANCE, NURSE_STATION, REPAIR_TEAM; see docs/playbooks.md)";

    private PlaybookLoader() {
    }

    /** The default playbooks shipped with this library. */
    public static PlaybookSet loadDefaults() {
        ClassLoader loader = PlaybookLoader.class.getClassLoader();
        List<Playbook> playbooks = new ArrayList<>();
        for (String name : readResource(loader, DEFAULTS_INDEX).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            playbooks.add(parse(DEFAULTS_DIR + name, readResource(loader, DEFAULTS_DIR + name)));
        }
        return PlaybookSet.of(playbooks);
    }

    /** Every {@code *.yaml} / {@code *.yml} file of a directory, in name order. */
    public static PlaybookSet loadDirectory(Path directory) {
        List<Playbook> playbooks = new ArrayList<>();
        for (Path file : yamlFiles(directory)) {
            playbooks.add(parse(file.getFileName().toString(), read(file)));
        }
        try {
            return PlaybookSet.of(playbooks);
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(directory.toString(), 1, 1, "id", "each playbook id once", e.getMessage());
        }
    }

    /** The defaults, with the hospital's playbooks of {@code directory} replacing them by id or adding to them. */
    public static PlaybookSet loadWithOverrides(Path directory) {
        return loadDefaults().overriddenBy(loadDirectory(directory));
    }

    /** Parses and validates one playbook file. */
    public static Playbook parse(String fileName, String yaml) {
        YamlNode root = YamlNode.parse(fileName, yaml).mapping("a playbook", PLAYBOOK_KEYS);
        String id = root.require("id", "the playbook id").identifier();
        var title = root.require("title", "a title {zh: …, en: …}").bilingual();
        String clause = root.require("clause", "the clause the playbook implements").clause();
        Trigger trigger = trigger(root.require("trigger", "a trigger {type: …}"));
        boolean enabled = root.get("enabled").map(YamlNode::bool).orElse(true);
        List<TeamDuty> teams = root.get("teams").map(n -> n.list("team duties").stream().map(PlaybookLoader::team).toList())
                .orElse(List.of());
        YamlNode stepsNode = root.require("steps", "a list of steps");
        List<YamlNode> stepNodes = stepsNode.list("a list of steps");
        if (stepNodes.isEmpty()) {
            throw stepsNode.error("at least one step", "an empty list");
        }
        List<PlaybookStep> steps = new ArrayList<>();
        Set<String> stepIds = new HashSet<>();
        for (YamlNode node : stepNodes) {
            PlaybookStep step = step(node, trigger);
            if (!stepIds.add(step.id())) {
                throw node.require("id", "a step id").error("a step id unique within the playbook", "'" + step.id() + "' again");
            }
            steps.add(step);
        }
        Optional<Announcement> announce = root.get("announce").map(PlaybookLoader::announcement);
        return new Playbook(id, title, clause, trigger, enabled, teams, steps, fileName, announce);
    }

    private static Trigger trigger(YamlNode node) {
        node.mapping("a trigger", TRIGGER_KEYS);
        TriggerType type = node.require("type", "a trigger type").enumValue(TriggerType.class);
        Set<String> allowed = switch (type) {
            case CLASS -> Set.of("type", "class");
            case LADDER_STEP -> Set.of("type", "step");
            case POST_INCIDENT -> Set.of("type", "classes");
            default -> Set.of("type");
        };
        for (String key : node.keys()) {
            if (!allowed.contains(key)) {
                String expected = "no '" + key + "' for a " + type + " trigger (allowed: "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")) + ")";
                throw node.get(key).map(n -> n.error(expected)).orElseGet(() -> node.error(expected));
            }
        }
        return switch (type) {
            case INCIDENT_OPENED -> new Trigger.IncidentOpened();
            case CLASS -> new Trigger.ClassReached(node.require("class", "a fault class").enumValue(FaultClass.class));
            case WHOLE_NETWORK -> new Trigger.WholeNetwork();
            case AREA_OUTAGE -> new Trigger.AreaOutage();
            case LADDER_STEP -> new Trigger.LadderStepDue(node.require("step", "a ladder step").enumValue(LadderStep.class));
            case MANUAL_MODE -> new Trigger.ManualMode();
            case RECOVERY -> new Trigger.Recovery();
            case POST_INCIDENT -> {
                Set<FaultClass> classes = EnumSet.noneOf(FaultClass.class);
                node.get("classes").ifPresent(n -> n.listOrSingle("fault classes")
                        .forEach(c -> classes.add(c.enumValue(FaultClass.class))));
                yield new Trigger.PostIncident(classes);
            }
        };
    }

    private static Announcement announcement(YamlNode node) {
        node.mapping("who is called when the trigger fires {clause: …, notify: […]}", ANNOUNCE_KEYS);
        String clause = node.require("clause", "the clause that says who is told").clause();
        List<Party> parties = node.require("notify", "the parties called (an empty list: nobody)").listOrSingle("party codes")
                .stream().map(PlaybookLoader::party).toList();
        return new Announcement(clause, parties);
    }

    private static TeamDuty team(YamlNode node) {
        node.mapping("a team duty", TEAM_KEYS);
        return new TeamDuty(
                node.require("team", "a team").enumValue(Team.class),
                node.require("clause", "the clause of the team's duty").clause(),
                node.require("duty", "the duty {zh: …, en: …}").bilingual());
    }

    private static PlaybookStep step(YamlNode node, Trigger trigger) {
        node.mapping("a step", STEP_KEYS);
        String id = node.require("id", "a step id").identifier();
        String clause = node.require("clause", "the clause the step carries out").clause();
        Party owner = party(node.require("owner", PARTY_EXPECTED));
        Optional<Department> department = node.get("department").map(n -> n.enumValue(Department.class));
        if (trigger.type() == TriggerType.MANUAL_MODE && department.isEmpty()) {
            throw node.require("department", "the department that enters manual mode (MANUAL_MODE steps name one)")
                    .error("a department");
        }
        var action = node.require("action", "the action {zh: …, en: …}").bilingual();
        List<Party> notified = node.get("notify").map(n -> n.listOrSingle("party codes").stream()
                .map(PlaybookLoader::party).toList()).orElse(List.of());
        Optional<Deadline> due = node.get("due").map(PlaybookLoader::deadline);
        return new PlaybookStep(id, clause, owner, department, action, notified, due);
    }

    private static Party party(YamlNode node) {
        String code = node.string(PARTY_EXPECTED);
        return Party.fromCode(code).orElseThrow(() -> node.error(PARTY_EXPECTED, "'" + code + "'"));
    }

    private static Deadline deadline(YamlNode node) {
        String expected = "a deadline: IMMEDIATELY, END_OF_DAY, END_OF_NEXT_DAY or an ISO-8601 duration such as PT30M or P2D";
        String value = node.string(expected);
        return switch (value) {
            case Deadline.IMMEDIATELY -> new Deadline.Within(java.time.Duration.ZERO);
            case Deadline.END_OF_DAY -> new Deadline.EndOfDay(0);
            case Deadline.END_OF_NEXT_DAY -> new Deadline.EndOfDay(1);
            default -> {
                if (!value.startsWith("P")) {
                    throw node.error(expected, "'" + value + "'");
                }
                yield new Deadline.Within(node.duration());
            }
        };
    }

    private static List<Path> yamlFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new FileFormatException(directory.toString(), 1, 1, "", "a directory of playbook files", "no such directory");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readResource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
