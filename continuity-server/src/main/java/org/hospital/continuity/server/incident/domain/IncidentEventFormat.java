package org.hospital.continuity.server.incident.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.server.incident.DepartmentMode;
import org.hospital.continuity.server.incident.IncidentEvent;
import org.hospital.continuity.server.incident.IncidentEvent.*;

/**
 * The stored form of an {@link IncidentEvent}: a type tag (the timeline's {@code kind} column), the schema
 * version, and a map of plain values (strings, numbers, lists, maps) for the {@code data} column; the time,
 * clause and summary have columns of their own. The same map is the {@code data} of the incident JSON the
 * browser reads.
 *
 * <p>Schema versions: 1 is what the timeline stored before events were typed (the same keys, written from
 * the engine's entries; {@code DRILL_ENDED} had no data); 2 adds the reason of {@code DRILL_ENDED} and the
 * parties to call of {@code LADDER_STEP_REACHED} ({@code notify}). The
 * reader accepts both: a key a version 1 row lacks reads as its neutral value. A tag this server does not
 * know reads as {@link Unrecognised}, so a row written by a newer instance never stops a reader.
 */
public final class IncidentEventFormat {

    /** The version this server writes. */
    public static final int SCHEMA_VERSION = 2;

    /** The when, clause and words every stored event has in its own columns. */
    public record Head(Instant at, String clause, Words summary) {
    }

    private record Type<E extends IncidentEvent>(String tag, Class<E> type, Function<E, Map<String, Object>> writer,
                                                 BiFunction<Head, Data, E> reader) {
        Map<String, Object> write(IncidentEvent e) {
            return writer.apply(type.cast(e));
        }
    }

    private static final List<Type<?>> TYPES = List.of(
            new Type<>("SIGNAL_RECEIVED", SignalReceived.class,
                    e -> map("signalId", e.signalId(), "signalKind", e.signalKind()),
                    (h, d) -> new SignalReceived(h.at(), h.clause(), h.summary(), d.string("signalId"), d.string("signalKind"))),
            new Type<>("INPUT_REJECTED", InputRejected.class,
                    e -> map("input", e.input()),
                    (h, d) -> new InputRejected(h.at(), h.clause(), h.summary(), d.string("input"))),
            new Type<>("CLASS_CHANGED", ClassChanged.class,
                    e -> map("from", name(e.from()), "to", name(e.to()), "evidence", evidence(e.evidence())),
                    (h, d) -> new ClassChanged(h.at(), h.clause(), h.summary(), d.optionalEnum("from", FaultClass.class),
                            d.optionalEnum("to", FaultClass.class), d.evidence())),
            new Type<>("SCOPE_CHANGED", ScopeChanged.class,
                    e -> map("from", name(e.from()), "to", name(e.to()), "evidence", evidence(e.evidence())),
                    (h, d) -> new ScopeChanged(h.at(), h.clause(), h.summary(), d.optionalEnum("from", Scope.class),
                            d.optionalEnum("to", Scope.class), d.evidence())),
            new Type<>("OVERRIDE_APPLIED", OverrideApplied.class,
                    e -> withOptional(map("by", e.by(), "to", e.to().name()), "scope", name(e.scope())),
                    (h, d) -> new OverrideApplied(h.at(), h.clause(), h.summary(), d.string("by"), d.enumValue("to", FaultClass.class),
                            d.optionalEnum("scope", Scope.class))),
            new Type<>("OVERRIDE_LIFTED", OverrideLifted.class,
                    e -> map("by", e.by()),
                    (h, d) -> new OverrideLifted(h.at(), h.clause(), h.summary(), d.string("by"))),
            new Type<>("OVERRIDE_SUPERSEDED", OverrideSuperseded.class,
                    e -> map("from", e.from().name(), "to", e.to().name(), "evidence", evidence(e.evidence())),
                    (h, d) -> new OverrideSuperseded(h.at(), h.clause(), h.summary(), d.enumValue("from", FaultClass.class),
                            d.enumValue("to", FaultClass.class), d.evidence())),
            new Type<>("CONTEXT_CHANGED", ContextChanged.class,
                    e -> map("modifiers", e.modifiers().stream().map(Enum::name).sorted().toList(), "schedule", schedule(e.schedule())),
                    (h, d) -> new ContextChanged(h.at(), h.clause(), h.summary(), d.enumSet("modifiers", ContextModifier.class),
                            d.schedule())),
            new Type<>("OUTAGE_STARTED", OutageStarted.class,
                    e -> map("outageStart", e.outageStart().toString(), "schedule", schedule(e.schedule())),
                    (h, d) -> new OutageStarted(h.at(), h.clause(), h.summary(), d.instant("outageStart"), d.schedule())),
            new Type<>("LADDER_STEP_REACHED", LadderStepReached.class,
                    e -> map("step", e.step().name(), "threshold", e.threshold().toString(), "switching", codes(e.switching()),
                            "notify", e.notified().stream().map(Party::code).toList()),
                    (h, d) -> {
                        LadderStep step = d.enumValue("step", LadderStep.class);
                        return new LadderStepReached(h.at(), h.clause(), h.summary(), step,
                                d.optionalDuration("threshold").orElse(step.planThreshold()), d.departments("switching"),
                                d.parties("notify"));
                    }),
            new Type<>("MANUAL_MODE_GRANTED", ManualModeGranted.class,
                    e -> map("department", e.department().code(), "by", e.by(), "reason", e.reason()),
                    (h, d) -> new ManualModeGranted(h.at(), h.clause(), h.summary(), d.department("department"), d.string("by"),
                            d.string("reason"))),
            new Type<>("OUTAGE_ENDED", OutageEnded.class,
                    e -> map("outageStart", e.outageStart().toString(), "lasted", e.lasted().toString()),
                    (h, d) -> new OutageEnded(h.at(), h.clause(), h.summary(), d.instant("outageStart"),
                            d.optionalDuration("lasted").orElse(Duration.ZERO))),
            new Type<>("MANUAL_MODE_ENDED", ManualModeEnded.class,
                    e -> map("released", codes(e.released())),
                    (h, d) -> new ManualModeEnded(h.at(), h.clause(), h.summary(), d.departments("released"))),
            new Type<>("STEP_DUE", StepDue.class,
                    e -> withOptional(withOptional(map("reference", e.reference(), "owner", e.owner().code(),
                                    "notify", e.notified().stream().map(Party::code).toList()),
                            "department", e.department().map(Department::code).orElse(null)),
                            "dueBy", e.dueBy().map(Instant::toString).orElse(null), "occurrence", e.occurrence()),
                    (h, d) -> new StepDue(h.at(), h.clause(), h.summary(), d.string("reference"), d.party("owner"), d.parties("notify"),
                            d.optionalDepartment("department"), d.optionalInstant("dueBy"), d.string("occurrence"))),
            new Type<>("DEADLINE_REACHED", DeadlineReached.class,
                    e -> withOptional(map("reference", e.reference()), "department", e.department().map(Department::code).orElse(null),
                            "dueBy", e.dueBy().toString()),
                    (h, d) -> new DeadlineReached(h.at(), h.clause(), h.summary(), d.string("reference"), d.optionalDepartment("department"),
                            d.instant("dueBy"))),
            new Type<>("INCIDENT_CLOSED", IncidentClosed.class,
                    e -> map("openedAt", e.openedAt().toString(), "highestClass", e.highestClass().name()),
                    (h, d) -> new IncidentClosed(h.at(), h.clause(), h.summary(), d.instant("openedAt"),
                            d.enumValue("highestClass", FaultClass.class))),
            new Type<>("INCIDENT_MERGED", IncidentMerged.class,
                    e -> map("into", e.intoNumber(), "by", e.by()),
                    (h, d) -> new IncidentMerged(h.at(), h.clause(), h.summary(), d.integer("into"), d.string("by"))),
            new Type<>("DRILL_ENDED", DrillEnded.class,
                    e -> map("reason", e.reason()),
                    (h, d) -> new DrillEnded(h.at(), h.clause(), h.summary(), d.string("reason"))),
            new Type<>("INSTRUCTION_ISSUED", InstructionIssued.class,
                    e -> map("party", e.party().code(), "kind", e.instructionKind(), "by", e.by()),
                    (h, d) -> new InstructionIssued(h.at(), h.clause(), h.summary(), d.party("party"), d.string("kind"), d.string("by"))),
            new Type<>("INSTRUCTION_ACKNOWLEDGED", InstructionAcknowledged.class,
                    e -> map("instructionId", e.instructionId().toString(), "party", e.party().code(), "personId", e.personId().toString()),
                    (h, d) -> new InstructionAcknowledged(h.at(), h.clause(), h.summary(), d.uuid("instructionId"), d.party("party"),
                            d.uuid("personId"))),
            new Type<>("MODE_CHANGED", ModeChanged.class,
                    e -> map("department", e.department().code(), "from", e.from().name(), "to", e.to().name(),
                            "instructionId", e.instructionId().toString()),
                    (h, d) -> new ModeChanged(h.at(), h.clause(), h.summary(), d.department("department"),
                            d.enumValue("from", DepartmentMode.class), d.enumValue("to", DepartmentMode.class), d.uuid("instructionId"))));

    private static final Map<String, Type<?>> BY_TAG = index(t -> t.tag());
    private static final Map<Class<?>, Type<?>> BY_CLASS = index(t -> t.type());

    private IncidentEventFormat() {
    }

    /** The type tag stored in the {@code kind} column and shown to the browser as {@code kind}. */
    public static String tag(IncidentEvent event) {
        if (event instanceof Unrecognised u) {
            return u.type();
        }
        return BY_CLASS.get(event.getClass()).tag();
    }

    /** Every tag this server writes. */
    public static List<String> tags() {
        return TYPES.stream().map(Type::tag).toList();
    }

    /** The event's own fields as plain values (the {@code data} column and the browser's {@code data}). */
    public static Map<String, Object> data(IncidentEvent event) {
        if (event instanceof Unrecognised u) {
            return u.data();
        }
        return BY_CLASS.get(event.getClass()).write(event);
    }

    /**
     * Reads a stored event of any schema version up to {@link #SCHEMA_VERSION}.
     *
     * @throws IllegalArgumentException when a known tag's data is malformed (the row cannot be trusted)
     */
    public static IncidentEvent read(String tag, int schemaVersion, Head head, Map<String, Object> data) {
        if (schemaVersion < 2) {
            // version 1 words named signals by their machine ids ("信号 f208a5e8-… 故障报告 …"): never for people's eyes
            head = new Head(head.at(), head.clause(), withoutIds(head.summary()));
        }
        if (schemaVersion > SCHEMA_VERSION) {
            return new Unrecognised(head.at(), head.clause(), head.summary(), tag, data);
        }
        Type<?> type = BY_TAG.get(tag);
        if (type == null) {
            return new Unrecognised(head.at(), head.clause(), head.summary(), tag, data);
        }
        return type.reader().apply(head, new Data(data == null ? Map.of() : data));
    }

    private static <K> Map<K, Type<?>> index(Function<Type<?>, K> key) {
        Map<K, Type<?>> out = new LinkedHashMap<>();
        for (Type<?> t : TYPES) {
            if (out.put(key.apply(t), t) != null) {
                throw new IllegalStateException("two event types share " + key.apply(t));
            }
        }
        return Map.copyOf(out);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Adds the pairs whose value is not null (keys a version 1 row left out when absent). */
    private static Map<String, Object> withOptional(Map<String, Object> m, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    private static String name(Optional<? extends Enum<?>> e) {
        return e.map(Enum::name).orElse(null);
    }

    private static List<String> codes(Collection<Department> set) {
        return set.stream().sorted().map(Department::code).toList();
    }

    private static List<Map<String, Object>> evidence(List<EvidenceLine> lines) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EvidenceLine l : lines) {
            out.add(map("rule", l.rule(), "clause", l.clause(), "class", l.faultClass().name(), "scope", l.scope().name(),
                    "signals", l.signals(), "since", l.since().toString(), "zh", l.line().zh(), "en", l.line().en()));
        }
        return out;
    }

    private static List<Map<String, Object>> schedule(List<Milestone> schedule) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Milestone m : schedule) {
            out.add(map("step", m.step().name(), "clause", m.clause(), "dueAt", m.dueAt().toString(), "threshold", m.threshold().toString()));
        }
        return out;
    }

    private static final java.util.regex.Pattern MACHINE_ID = java.util.regex.Pattern.compile(
            "\\s*[(（]?(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z])[)）]?");

    /** The words without machine ids (and an arrow left pointing at nothing). */
    static Words withoutIds(Words w) {
        return new Words(withoutIds(w.zh()), withoutIds(w.en()));
    }

    private static String withoutIds(String text) {
        if (text == null) {
            return null;
        }
        String out = MACHINE_ID.matcher(text).replaceAll("");
        return out.replaceAll("\\s*(→|->)\\s*(?=$|[;；,，])", "").replaceAll(" {2,}", " ").strip();
    }

    /** Typed reads of a stored map, tolerant of what version 1 rows leave out. */
    private record Data(Map<String, Object> m) {

        String string(String key) {
            Object v = m.get(key);
            return v == null ? "" : v.toString();
        }

        String nullable(String key) {
            Object v = m.get(key);
            return v == null ? null : v.toString();
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type) {
            String v = nullable(key);
            if (v == null) {
                throw new IllegalArgumentException("stored incident event lacks '" + key + "'");
            }
            return Enum.valueOf(type, v);
        }

        <E extends Enum<E>> Optional<E> optionalEnum(String key, Class<E> type) {
            return Optional.ofNullable(nullable(key)).map(v -> Enum.valueOf(type, v));
        }

        <E extends Enum<E>> Set<E> enumSet(String key, Class<E> type) {
            Set<E> out = EnumSet.noneOf(type);
            strings(key).forEach(s -> out.add(Enum.valueOf(type, s)));
            return out;
        }

        Instant instant(String key) {
            return Instant.parse(string(key));
        }

        int integer(String key) {
            Object v = m.get(key);
            return v instanceof Number n ? n.intValue() : v == null ? 0 : Integer.parseInt(v.toString());
        }

        Optional<Instant> optionalInstant(String key) {
            return Optional.ofNullable(nullable(key)).map(Instant::parse);
        }

        Optional<Duration> optionalDuration(String key) {
            return Optional.ofNullable(nullable(key)).map(Duration::parse);
        }

        UUID uuid(String key) {
            return UUID.fromString(string(key));
        }

        Party party(String key) {
            String code = string(key);
            return Party.fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown party " + code));
        }

        List<Party> parties(String key) {
            return strings(key).stream().flatMap(c -> Party.fromCode(c).stream()).toList();
        }

        Department department(String key) {
            String code = string(key);
            return Department.fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown department " + code));
        }

        Optional<Department> optionalDepartment(String key) {
            return Optional.ofNullable(nullable(key)).flatMap(Department::fromCode);
        }

        Set<Department> departments(String key) {
            Set<Department> out = EnumSet.noneOf(Department.class);
            strings(key).forEach(c -> Department.fromCode(c).ifPresent(out::add));
            return out;
        }

        List<String> strings(String key) {
            Object v = m.get(key);
            if (!(v instanceof Collection<?> c)) {
                return List.of();
            }
            return c.stream().map(String::valueOf).toList();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> maps(String key) {
            Object v = m.get(key);
            if (!(v instanceof Collection<?> c)) {
                return List.of();
            }
            return c.stream().filter(Map.class::isInstance).map(x -> (Map<String, Object>) x).toList();
        }

        List<EvidenceLine> evidence() {
            return maps("evidence").stream().map(Data::new).map(l -> new EvidenceLine(l.string("rule"), l.nullable("clause"),
                    l.enumValue("class", FaultClass.class), l.enumValue("scope", Scope.class), l.strings("signals"),
                    l.instant("since"), withoutIds(new Words(l.string("zh"), l.string("en"))))).toList();
        }

        List<Milestone> schedule() {
            return maps("schedule").stream().map(Data::new).map(s -> new Milestone(s.enumValue("step", LadderStep.class),
                    s.nullable("clause"), s.instant("dueAt"), Duration.parse(s.string("threshold")))).toList();
        }
    }
}
