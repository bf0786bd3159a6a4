package org.hospital.continuity.playbooks.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hospital.continuity.playbooks.classify.Classification;
import org.hospital.continuity.playbooks.classify.Classifier;
import org.hospital.continuity.playbooks.classify.ClassifierSettings;
import org.hospital.continuity.playbooks.classify.Facts;
import org.hospital.continuity.playbooks.classify.GradingState;
import org.hospital.continuity.playbooks.classify.Health;
import org.hospital.continuity.playbooks.classify.Override;
import org.hospital.continuity.playbooks.classify.Regrading;
import org.hospital.continuity.playbooks.classify.Series;
import org.hospital.continuity.playbooks.collect.PMap;
import org.hospital.continuity.playbooks.collect.PQueue;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.playbooks.playbook.Deadline;
import org.hospital.continuity.playbooks.playbook.DueStep;
import org.hospital.continuity.playbooks.playbook.Occurrence;
import org.hospital.continuity.playbooks.playbook.PlaybookStep;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.IntegrityKind;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.playbooks.signal.Symptom;
import org.hospital.continuity.playbooks.signal.Terminal;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * The engine's state as a tree of plain values (maps, lists, strings, numbers, booleans: what JSON holds) and
 * back, exactly: a restored state continues as the original would. The server stores one now and then with the
 * journal position it reflects, and starts up from the latest one plus the journal after it, instead of
 * replaying every row since the engine began (docs/playbooks.md, "Snapshots").
 *
 * <p>The tree carries {@link #FORMAT}; a tree of another format is refused ({@link IllegalArgumentException}), and
 * the caller replays the journal instead. Playbook steps are stored whole, so a deadline survives a change of the
 * playbook files.
 */
public final class EngineSnapshot {

    /** The format of the tree; raised when it changes incompatibly. */
    public static final int FORMAT = 1;

    private EngineSnapshot() {
    }

    /** The state as a tree of plain values. */
    public static Map<String, Object> encode(EngineState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("epoch", s.epoch().toString());
        m.put("clock", s.clock().toString());
        m.put("modifiers", s.modifiers().stream().map(Enum::name).sorted().toList());
        m.put("health", health(s.health()));
        m.put("opened", s.opened());
        m.put("index", sorted(s.index()));
        m.put("down", sorted(s.down()));
        Map<String, Object> places = new TreeMap<>();
        s.placeAt().forEach((k, t) -> places.put(k, t.toString()));
        m.put("placeAt", places);
        Map<String, Object> closed = new TreeMap<>();
        s.closed().forEach((id, list) -> closed.put(id, list.stream().map(EngineSnapshot::deadline).toList()));
        m.put("closed", closed);
        Map<String, Object> wakes = new TreeMap<>();
        s.wakeAt().forEach((id, t) -> wakes.put(id, t.toString()));
        m.put("wakes", wakes);
        m.put("incidents", s.incidents().stream().map(EngineSnapshot::incident).toList());
        return m;
    }

    /**
     * The state a tree describes, graded with the engine's classifier settings.
     *
     * @throws IllegalArgumentException when the tree is not a snapshot of format {@link #FORMAT}
     */
    public static EngineState decode(Map<String, Object> m, ClassifierSettings settings) {
        Object format = m.get("format");
        if (!(format instanceof Number n) || n.intValue() != FORMAT) {
            throw new IllegalArgumentException("not an engine snapshot of format " + FORMAT + ": " + format);
        }
        try {
            PMap<String, IncidentState> open = PMap.empty();
            for (Object o : list(m, "incidents")) {
                IncidentState i = incident(map(o), settings);
                open = open.put(i.ref().id(), i);
            }
            PMap<String, List<PendingDeadline>> closed = PMap.empty();
            for (Map.Entry<String, Object> e : map(m.get("closed")).entrySet()) {
                closed = closed.put(e.getKey(), listOf(e.getValue()).stream().map(x -> deadline(map(x))).toList());
            }
            PQueue wakes = PQueue.empty();
            PMap<String, Instant> wakeAt = PMap.empty();
            for (Map.Entry<String, Object> e : map(m.get("wakes")).entrySet()) {
                Instant t = Instant.parse((String) e.getValue());
                wakes = wakes.add(t, e.getKey());
                wakeAt = wakeAt.put(e.getKey(), t);
            }
            Set<ContextModifier> modifiers = EnumSet.noneOf(ContextModifier.class);
            list(m, "modifiers").forEach(x -> modifiers.add(ContextModifier.valueOf((String) x)));
            PMap<String, Instant> placeAt = PMap.empty();
            for (Map.Entry<String, Object> e : map(m.get("placeAt")).entrySet()) {
                placeAt = placeAt.put(e.getKey(), Instant.parse((String) e.getValue()));
            }
            return new EngineState(instant(m, "epoch"), instant(m, "clock"), modifiers, health(list(m, "health")), open,
                    strings(map(m.get("index"))), closed, wakes, wakeAt, strings(map(m.get("down"))), placeAt,
                    ((Number) m.get("opened")).intValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a damaged engine snapshot: " + e, e);
        }
    }

    // ---- incidents -------------------------------------------------------------------------------------------

    private static Map<String, Object> incident(IncidentState i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.ref().id());
        m.put("number", i.ref().number());
        m.put("openedAt", i.openedAt().toString());
        i.highestClass().ifPresent(c -> m.put("highest", c.name()));
        m.put("classesFired", i.classesFired().stream().map(Enum::name).sorted().toList());
        m.put("outages", i.outages().values().stream().map(o -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("area", o.area().path());
            x.put("start", o.start().toString());
            x.put("reached", o.reached().stream().map(Enum::name).sorted().toList());
            return (Object) x;
        }).toList());
        m.put("manual", i.manual().stream().map(x -> {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("department", x.department().name());
            y.put("area", x.area().path());
            y.put("since", x.since().toString());
            y.put("basis", x.basis().name());
            return (Object) y;
        }).toList());
        i.quietSince().ifPresent(q -> m.put("quietSince", q.toString()));
        m.put("deadlines", i.deadlines().stream().map(EngineSnapshot::deadline).toList());
        m.put("keys", i.keys().keys().stream().sorted().toList());
        m.put("grading", grading(i.grading()));
        return m;
    }

    private static IncidentState incident(Map<String, Object> m, ClassifierSettings settings) {
        IncidentRef ref = new IncidentRef((String) m.get("id"), ((Number) m.get("number")).intValue());
        Set<FaultClass> fired = EnumSet.noneOf(FaultClass.class);
        list(m, "classesFired").forEach(x -> fired.add(FaultClass.valueOf((String) x)));
        Map<Area, IncidentState.Outage> outages = new LinkedHashMap<>();
        for (Object o : list(m, "outages")) {
            Map<String, Object> x = map(o);
            Set<LadderStep> reached = EnumSet.noneOf(LadderStep.class);
            listOf(x.get("reached")).forEach(r -> reached.add(LadderStep.valueOf((String) r)));
            Area area = area((String) x.get("area"));
            outages.put(area, new IncidentState.Outage(area, instant(x, "start"), reached));
        }
        List<IncidentState.Manual> manual = new ArrayList<>();
        for (Object o : list(m, "manual")) {
            Map<String, Object> x = map(o);
            manual.add(new IncidentState.Manual(Department.valueOf((String) x.get("department")), area((String) x.get("area")),
                    instant(x, "since"), ManualBasis.valueOf((String) x.get("basis"))));
        }
        PMap<String, Boolean> keys = PMap.empty();
        for (Object k : list(m, "keys")) {
            keys = keys.put((String) k, Boolean.TRUE);
        }
        return new IncidentState(ref, instant(m, "openedAt"), grading(map(m.get("grading")), settings),
                Optional.ofNullable((String) m.get("highest")).map(FaultClass::valueOf), fired, outages, manual,
                optionalInstant(m, "quietSince"), list(m, "deadlines").stream().map(x -> deadline(map(x))).toList(), keys);
    }

    // ---- grading ---------------------------------------------------------------------------------------------

    private static Map<String, Object> grading(GradingState g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asOf", g.asOf().toString());
        m.put("health", health(g.health()));
        g.override().ifPresent(o -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("at", o.at().toString());
            x.put("by", o.by());
            x.put("class", o.faultClass().name());
            o.scope().ifPresent(sc -> x.put("scope", sc.name()));
            x.put("reason", o.reason());
            x.put("acknowledged", o.acknowledged().stream().sorted().toList());
            o.area().ifPresent(a -> x.put("area", a.path()));
            m.put("override", x);
        });
        m.put("facts", facts(g.facts()));
        return m;
    }

    private static GradingState grading(Map<String, Object> m, ClassifierSettings settings) {
        Instant asOf = instant(m, "asOf");
        Health health = health(list(m, "health"));
        Optional<Override> override = Optional.ofNullable(m.get("override")).map(o -> {
            Map<String, Object> x = map(o);
            return new Override(instant(x, "at"), (String) x.get("by"), FaultClass.valueOf((String) x.get("class")),
                    Optional.ofNullable((String) x.get("scope")).map(Scope::valueOf), (String) x.get("reason"),
                    Set.copyOf(listOf(x.get("acknowledged")).stream().map(String.class::cast).toList()),
                    Optional.ofNullable((String) x.get("area")).map(EngineSnapshot::area));
        });
        Facts facts = facts(map(m.get("facts")));
        // the classification is a function of what is stored: computed again, as the engine computed it
        Optional<Classification> computed = Classifier.classify(facts, health, asOf, settings);
        return new GradingState(facts, health, computed, override, Regrading.effective(computed, override), asOf);
    }

    private static Map<String, Object> facts(Facts f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", f.series().stream().map(EngineSnapshot::series).toList());
        m.put("alarms", f.alarms().stream().map(EngineSnapshot::signal).toList());
        m.put("alarmVerifiedBy", new TreeMap<>(f.alarmVerifiedBy()));
        m.put("diagnoses", f.diagnoses().stream().map(d -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("diagnosis", signal(d.diagnosis()));
            x.put("subjects", d.subjects());
            d.area().ifPresent(a -> x.put("area", a.path()));
            x.put("upOnly", d.upOnly());
            return (Object) x;
        }).toList());
        m.put("reports", f.reports().stream().map(r -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("report", signal(r.report()));
            x.put("status", r.status().name());
            x.put("by", r.by());
            return (Object) x;
        }).toList());
        Map<String, Object> tallies = new TreeMap<>();
        f.tallies().forEach((k, t) -> {
            tallies.put(k, t.members().entries().stream().map(e -> (Object) List.of(e.at().toString(), e.key())).toList());
        });
        m.put("tallies", tallies);
        m.put("trackers", f.trackers().stream().map(t -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("key", t.key());
            t.area().ifPresent(a -> x.put("area", a.path()));
            x.put("recent", marks(t.recent()));
            t.found().ifPresent(found -> {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("since", found.since().toString());
                y.put("newest", found.newest().toString());
                y.put("members", marks(found.members()));
                y.put("count", found.count());
                x.put("found", y);
            });
            return (Object) x;
        }).toList());
        m.put("explained", new TreeMap<>(f.explainedCounts()));
        return m;
    }

    private static Facts facts(Map<String, Object> m) {
        List<Series> series = list(m, "series").stream().map(x -> series(map(x))).toList();
        List<IntegrityAlarm> alarms = list(m, "alarms").stream().map(x -> (IntegrityAlarm) signal(map(x))).toList();
        List<Facts.DiagnosisFact> diagnoses = list(m, "diagnoses").stream().map(o -> {
            Map<String, Object> x = map(o);
            return new Facts.DiagnosisFact((Diagnosis) signal(map(x.get("diagnosis"))),
                    listOf(x.get("subjects")).stream().map(String.class::cast).toList(),
                    Optional.ofNullable((String) x.get("area")).map(EngineSnapshot::area),
                    listOf(x.get("upOnly")).stream().map(String.class::cast).toList());
        }).toList();
        List<Facts.ReportFact> reports = list(m, "reports").stream().map(o -> {
            Map<String, Object> x = map(o);
            return new Facts.ReportFact((FaultReport) signal(map(x.get("report"))), Facts.ReportStatus.valueOf((String) x.get("status")),
                    (String) x.get("by"));
        }).toList();
        Map<String, Facts.Tally> tallies = new LinkedHashMap<>();
        map(m.get("tallies")).forEach((k, o) -> {
            PQueue members = PQueue.empty();
            for (Object e : listOf(o)) {
                List<Object> pair = listOf(e);
                members = members.add(Instant.parse((String) pair.get(0)), (String) pair.get(1));
            }
            tallies.put(k, new Facts.Tally(members));
        });
        List<Facts.Tracker> trackers = list(m, "trackers").stream().map(o -> {
            Map<String, Object> x = map(o);
            Optional<Facts.Found> found = Optional.ofNullable(x.get("found")).map(f -> {
                Map<String, Object> y = map(f);
                return new Facts.Found(instant(y, "since"), instant(y, "newest"), marks(map(y.get("members"))),
                        ((Number) y.get("count")).intValue());
            });
            return new Facts.Tracker((String) x.get("key"), Optional.ofNullable((String) x.get("area")).map(EngineSnapshot::area),
                    marks(map(x.get("recent"))), found);
        }).toList();
        Map<String, Integer> explained = new LinkedHashMap<>();
        map(m.get("explained")).forEach((k, v) -> explained.put(k, ((Number) v).intValue()));
        Map<String, String> verified = new LinkedHashMap<>();
        map(m.get("alarmVerifiedBy")).forEach((k, v) -> verified.put(k, (String) v));
        return Facts.restore(series, alarms, verified, diagnoses, reports, tallies, trackers, explained);
    }

    private static Map<String, Object> marks(PMap<String, Facts.Mark> marks) {
        Map<String, Object> out = new TreeMap<>();
        marks.forEach((k, mk) -> out.put(k, List.of(mk.at().toString(), mk.reportId())));
        return out;
    }

    private static PMap<String, Facts.Mark> marks(Map<String, Object> m) {
        PMap<String, Facts.Mark> out = PMap.empty();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            List<Object> pair = listOf(e.getValue());
            out = out.put(e.getKey(), new Facts.Mark(Instant.parse((String) pair.get(0)), (String) pair.get(1)));
        }
        return out;
    }

    private static Map<String, Object> series(Series s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("component", s.component().name());
        m.put("target", s.target());
        s.area().ifPresent(a -> m.put("area", a.path()));
        m.put("status", s.status().name());
        m.put("statusSince", s.statusSince().toString());
        m.put("episodes", s.episodes().stream().map(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("firstDownId", e.firstDownId());
            x.put("down", e.down().toString());
            e.up().ifPresent(u -> x.put("up", u.toString()));
            return (Object) x;
        }).toList());
        s.outage().ifPresent(o -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("start", o.start().toString());
            x.put("firstDownId", o.firstDownId());
            o.heldUntil().ifPresent(h -> x.put("heldUntil", h.toString()));
            m.put("outage", x);
        });
        s.lastEnded().ifPresent(e -> m.put("lastEnded", List.of(e.start().toString(), e.firstDownId(), e.end().toString())));
        m.put("dismissed", s.dismissed());
        return m;
    }

    private static Series series(Map<String, Object> m) {
        Component component = Component.valueOf((String) m.get("component"));
        String target = (String) m.get("target");
        List<Series.Episode> episodes = list(m, "episodes").stream().map(o -> {
            Map<String, Object> x = map(o);
            return new Series.Episode((String) x.get("firstDownId"), instant(x, "down"), optionalInstant(x, "up"));
        }).toList();
        Optional<Series.Outage> outage = Optional.ofNullable(m.get("outage")).map(o -> {
            Map<String, Object> x = map(o);
            return new Series.Outage(instant(x, "start"), (String) x.get("firstDownId"), optionalInstant(x, "heldUntil"));
        });
        Optional<Series.Ended> ended = Optional.ofNullable(m.get("lastEnded")).map(o -> {
            List<Object> x = listOf(o);
            return new Series.Ended(Instant.parse((String) x.get(0)), (String) x.get(1), Instant.parse((String) x.get(2)));
        });
        return new Series(ProbeResult.seriesKey(component, target), component, target,
                Optional.ofNullable((String) m.get("area")).map(EngineSnapshot::area), ProbeStatus.valueOf((String) m.get("status")),
                instant(m, "statusSince"), episodes, outage, ended, Boolean.TRUE.equals(m.get("dismissed")));
    }

    private static List<Object> health(Health h) {
        return h.readings().stream().map(r -> (Object) List.of(r.component().name(), r.target(), r.status().name(), r.at().toString())).toList();
    }

    private static Health health(List<Object> l) {
        List<Health.Reading> readings = new ArrayList<>();
        for (Object o : l) {
            List<Object> x = listOf(o);
            readings.add(new Health.Reading(Component.valueOf((String) x.get(0)), (String) x.get(1), ProbeStatus.valueOf((String) x.get(2)),
                    Instant.parse((String) x.get(3))));
        }
        return Health.of(readings);
    }

    // ---- signals ---------------------------------------------------------------------------------------------

    /** A signal as a tree of plain values (also what a server may store for a signal). */
    public static Map<String, Object> signal(Signal s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("at", s.at().toString());
        if (s instanceof ProbeResult p) {
            m.put("type", "PROBE");
            m.put("component", p.component().name());
            m.put("target", p.target());
            m.put("status", p.status().name());
            m.put("detail", p.detail());
            p.area().ifPresent(a -> m.put("area", a.path()));
        } else if (s instanceof FaultReport r) {
            m.put("type", "REPORT");
            m.put("reporter", r.reporter());
            Terminal t = r.terminal();
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("id", t.id());
            tm.put("department", t.department().name());
            putIf(tm, "ward", t.ward());
            putIf(tm, "building", t.building());
            putIf(tm, "subnet", t.subnet());
            putIf(tm, "floor", t.floor());
            m.put("terminal", tm);
            m.put("symptom", r.symptom().name());
            m.put("text", r.text());
        } else if (s instanceof IntegrityAlarm a) {
            m.put("type", "ALARM");
            m.put("kind", a.kind().name());
            m.put("source", a.source());
            m.put("detail", a.detail());
        } else if (s instanceof Diagnosis d) {
            m.put("type", "DIAGNOSIS");
            m.put("by", d.by());
            m.put("cause", d.cause().name());
            m.put("explains", d.explains());
            m.put("note", d.note());
            d.component().ifPresent(c -> m.put("component", c.name()));
            d.target().ifPresent(t -> m.put("target", t));
            d.area().ifPresent(a -> m.put("area", a.path()));
        } else if (s instanceof Clearance c) {
            m.put("type", "CLEARANCE");
            m.put("by", c.by());
            m.put("clears", c.clears());
            m.put("note", c.note());
        }
        return m;
    }

    /** The signal a tree describes. */
    public static Signal signal(Map<String, Object> m) {
        String id = (String) m.get("id");
        Instant at = instant(m, "at");
        return switch ((String) m.get("type")) {
            case "PROBE" -> new ProbeResult(id, at, Component.valueOf((String) m.get("component")), (String) m.get("target"),
                    ProbeStatus.valueOf((String) m.get("status")), (String) m.get("detail"),
                    Optional.ofNullable((String) m.get("area")).map(EngineSnapshot::area));
            case "REPORT" -> {
                Map<String, Object> t = map(m.get("terminal"));
                yield new FaultReport(id, at, (String) m.get("reporter"), new Terminal((String) t.get("id"),
                        Department.valueOf((String) t.get("department")), (String) t.get("ward"), (String) t.get("building"),
                        (String) t.get("subnet"), (String) t.get("floor")), Symptom.valueOf((String) m.get("symptom")), (String) m.get("text"));
            }
            case "ALARM" -> new IntegrityAlarm(id, at, IntegrityKind.valueOf((String) m.get("kind")), (String) m.get("source"),
                    (String) m.get("detail"));
            case "DIAGNOSIS" -> new Diagnosis(id, at, (String) m.get("by"), Cause.valueOf((String) m.get("cause")),
                    listOf(m.get("explains")).stream().map(String.class::cast).toList(), (String) m.get("note"),
                    Optional.ofNullable((String) m.get("component")).map(Component::valueOf), Optional.ofNullable((String) m.get("target")),
                    Optional.ofNullable((String) m.get("area")).map(EngineSnapshot::area));
            case "CLEARANCE" -> new Clearance(id, at, (String) m.get("by"), listOf(m.get("clears")).stream().map(String.class::cast).toList(),
                    (String) m.get("note"));
            default -> throw new IllegalArgumentException("unknown signal type " + m.get("type"));
        };
    }

    // ---- deadlines -------------------------------------------------------------------------------------------

    private static Map<String, Object> deadline(PendingDeadline d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dueBy", d.dueBy().toString());
        m.put("incident", List.of(d.incident().id(), d.incident().number()));
        DueStep due = d.step();
        m.put("playbook", due.playbookId());
        PlaybookStep st = due.step();
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("id", st.id());
        step.put("clause", st.clause());
        step.put("owner", st.owner().code());
        st.department().ifPresent(x -> step.put("department", x.name()));
        step.put("action", List.of(st.action().zh(), st.action().en()));
        step.put("notify", st.notified().stream().map(Party::code).toList());
        st.due().ifPresent(x -> step.put("due", x instanceof Deadline.Within w ? "W" + w.duration() : "E" + ((Deadline.EndOfDay) x).daysAfter()));
        m.put("step", step);
        m.put("occurrence", occurrence(due.occurrence()));
        due.department().ifPresent(x -> m.put("department", x.name()));
        due.dueBy().ifPresent(x -> m.put("stepDueBy", x.toString()));
        return m;
    }

    private static PendingDeadline deadline(Map<String, Object> m) {
        List<Object> ref = listOf(m.get("incident"));
        Map<String, Object> st = map(m.get("step"));
        List<Object> action = listOf(st.get("action"));
        Optional<Deadline> due = Optional.ofNullable((String) st.get("due")).map(x -> x.startsWith("W")
                ? new Deadline.Within(Duration.parse(x.substring(1))) : new Deadline.EndOfDay(Integer.parseInt(x.substring(1))));
        PlaybookStep step = new PlaybookStep((String) st.get("id"), (String) st.get("clause"), party((String) st.get("owner")),
                Optional.ofNullable((String) st.get("department")).map(Department::valueOf),
                Bilingual.of((String) action.get(0), (String) action.get(1)),
                listOf(st.get("notify")).stream().map(x -> party((String) x)).toList(), due);
        DueStep dueStep = new DueStep((String) m.get("playbook"), step, occurrence(map(m.get("occurrence"))),
                Optional.ofNullable((String) m.get("department")).map(Department::valueOf), optionalInstant(m, "stepDueBy"));
        return new PendingDeadline(instant(m, "dueBy"), dueStep, new IncidentRef((String) ref.get(0), ((Number) ref.get(1)).intValue()));
    }

    private static Party party(String code) {
        return Party.fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown party " + code));
    }

    private static Map<String, Object> occurrence(Occurrence o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", o.getClass().getSimpleName());
        m.put("at", o.at().toString());
        m.put("area", o.area().path());
        m.put("departments", o.departments().stream().map(Enum::name).sorted().toList());
        if (o instanceof Occurrence.ClassReached c) {
            m.put("class", c.faultClass().name());
        } else if (o instanceof Occurrence.IncidentClosed c) {
            m.put("class", c.highestClass().name());
        } else if (o instanceof Occurrence.LadderStepReached l) {
            m.put("step", l.step().name());
        }
        return m;
    }

    private static Occurrence occurrence(Map<String, Object> m) {
        Instant at = instant(m, "at");
        Area area = area((String) m.get("area"));
        Set<Department> departments = EnumSet.noneOf(Department.class);
        listOf(m.get("departments")).forEach(d -> departments.add(Department.valueOf((String) d)));
        return switch ((String) m.get("type")) {
            case "IncidentOpened" -> new Occurrence.IncidentOpened(at);
            case "ClassReached" -> new Occurrence.ClassReached(at, FaultClass.valueOf((String) m.get("class")));
            case "WholeNetworkFailure" -> new Occurrence.WholeNetworkFailure(at);
            case "AreaOutage" -> new Occurrence.AreaOutage(at, area);
            case "LadderStepReached" -> new Occurrence.LadderStepReached(at, LadderStep.valueOf((String) m.get("step")), departments, area);
            case "ManualModeStarted" -> new Occurrence.ManualModeStarted(at, departments, area);
            case "Recovered" -> new Occurrence.Recovered(at, departments, area);
            case "IncidentClosed" -> new Occurrence.IncidentClosed(at, FaultClass.valueOf((String) m.get("class")));
            default -> throw new IllegalArgumentException("unknown occurrence " + m.get("type"));
        };
    }

    // ---- plain values ----------------------------------------------------------------------------------------

    private static Area area(String path) {
        return path == null || path.isEmpty() ? Area.HOSPITAL : Area.parse(path).orElseThrow(() -> new IllegalArgumentException("bad area " + path));
    }

    private static void putIf(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Map<String, Object> sorted(PMap<String, String> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach(out::put);
        return out;
    }

    private static PMap<String, String> strings(Map<String, Object> m) {
        PMap<String, String> out = PMap.empty();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            out = out.put(e.getKey(), (String) e.getValue());
        }
        return out;
    }

    private static Instant instant(Map<String, Object> m, String key) {
        return Instant.parse((String) m.get(key));
    }

    private static Optional<Instant> optionalInstant(Map<String, Object> m, String key) {
        return Optional.ofNullable((String) m.get(key)).map(Instant::parse);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    private static List<Object> list(Map<String, Object> m, String key) {
        return listOf(m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
