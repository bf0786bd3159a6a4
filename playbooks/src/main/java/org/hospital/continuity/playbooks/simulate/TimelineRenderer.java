package org.hospital.continuity.playbooks.simulate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hospital.continuity.playbooks.classify.Evidence;
import org.hospital.continuity.playbooks.classify.GradingEvent;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.incident.TimelineEntry;
import org.hospital.continuity.playbooks.ladder.ContextModifier;
import org.hospital.continuity.playbooks.ladder.LadderMilestone;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.playbooks.playbook.DueStep;
import org.hospital.continuity.playbooks.text.Durations;

/**
 * A readable text rendering of a simulation: one block per timeline entry, offset from the start, local time,
 * a Chinese + English label, and the details (reason, evidence, who is told, deadlines). Deterministic.
 */
public final class TimelineRenderer {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String INDENT = "                              ";
    private static final String RULE = "-".repeat(100);

    private TimelineRenderer() {
    }

    /** The whole simulation as text, ending with a short summary. */
    public static String render(Simulation simulation) {
        Scenario s = simulation.scenario();
        ZoneId zone = s.zone();
        List<String> out = new ArrayList<>();
        out.add("场景 Scenario : " + s.id() + " — " + s.title().both());
        out.add("文件 File     : " + s.source());
        out.add("开始 Start    : " + FULL.format(s.start().atZone(zone)) + " " + zone
                + "   情境 Context: " + modifiers(s.context()));
        out.add(RULE);
        for (TimelineEntry entry : simulation.entries()) {
            render(entry, s.start(), zone, out);
        }
        out.add(RULE);
        summary(simulation, out);
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    private static void render(TimelineEntry entry, Instant start, ZoneId zone, List<String> out) {
        String which = entry.incident().isNone() ? "   " : String.format("#%-2d", entry.incident().number());
        String head = offset(start, entry.at()) + "  " + DAY_TIME.format(entry.at().atZone(zone)) + " " + which + " ";
        if (entry instanceof TimelineEntry.IncidentOpened o) {
            out.add(head + label("开启", "OPENED") + "故障 #" + o.incident().number() + " / incident #" + o.incident().number());
        } else if (entry instanceof TimelineEntry.SignalReceived r) {
            out.add(head + label("信号", "SIGNAL") + r.input().signal().id() + " " + r.input().signal().describe().both());
        } else if (entry instanceof TimelineEntry.InputRejected r) {
            out.add(head + label("拒绝", "REJECTED") + describe(r.input()) + " [" + r.clause() + "]");
            out.add(INDENT + "理由 reason: " + r.reason().both());
        } else if (entry instanceof TimelineEntry.Regraded g) {
            grading(g.event(), head, out);
        } else if (entry instanceof TimelineEntry.ContextChanged c) {
            out.add(head + label("情境", "CONTEXT") + modifiers(c.modifiers()) + (c.modifiers().isEmpty() ? ""
                    : "  → 请应急领导组考虑是否提前转入手工 / for the leadership group: move a switch earlier? [EP-5.1]"));
            c.schedules().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.comparing(Area::path)))
                    .forEach(e -> e.getValue().forEach(m -> out.add(INDENT + where(e.getKey()) + milestone(m, zone))));
        } else if (entry instanceof TimelineEntry.OutageStarted o) {
            String since = DAY_TIME.format(o.start().atZone(zone));
            if (o.area().isHospital()) {
                out.add(head + label("停机", "OUTAGE") + "网络整体故障自 " + since + " 起 / whole-network outage since " + since + " [EP-5]");
            } else {
                out.add(head + label("停机", "OUTAGE") + o.area().name().zh() + " 局部网络不通自 " + since + " 起 / "
                        + o.area().name().en() + " cut off since " + since + " [EP-4.1, EP-5.2]");
            }
            o.schedule().forEach(m -> out.add(INDENT + milestone(m, zone)));
        } else if (entry instanceof TimelineEntry.LadderStepReached l) {
            LadderMilestone m = l.milestone();
            out.add(head + label("阶梯", "LADDER") + where(l.area()) + "[" + m.clause() + "] 停机" + Durations.zh(m.threshold())
                    + "未恢复 / not recovered within " + Durations.en(m.threshold()) + pulled(m));
            out.add(INDENT + "转入手工 manual now: " + departments(l.switching()));
            out.add(INDENT + "通知 notify: " + parties(m.notified()));
        } else if (entry instanceof TimelineEntry.ManualModeGranted g) {
            out.add(head + label("手工", "MANUAL") + where(g.area()) + g.department().label() + " " + g.basis().text().both()
                    + " [" + g.basis().clause() + "] (" + g.by() + ")");
            out.add(INDENT + "理由 reason: " + g.reason());
        } else if (entry instanceof TimelineEntry.OutageEnded e) {
            if (e.area().isHospital()) {
                out.add(head + label("恢复", "RECOVERED") + "网络整体故障结束,历时 " + Durations.zh(e.lasted())
                        + " / whole-network outage over after " + Durations.en(e.lasted()));
            } else {
                out.add(head + label("恢复", "RECOVERED") + e.area().name().zh() + " 网络恢复,历时 " + Durations.zh(e.lasted())
                        + " / " + e.area().name().en() + " back after " + Durations.en(e.lasted()));
            }
        } else if (entry instanceof TimelineEntry.ManualModeEnded e) {
            out.add(head + label("复原", "NORMAL") + where(e.area()) + "恢复运行通知后退出手工 / back from manual after the restart notice [EP-6.8]: "
                    + departments(e.released()));
        } else if (entry instanceof TimelineEntry.StepDue d) {
            step(d.due(), head, zone, out);
        } else if (entry instanceof TimelineEntry.DeadlineReached d) {
            DueStep due = d.deadline().step();
            out.add(head + label("期限", "DEADLINE") + due.reference() + forDepartment(due) + " [" + due.step().clause() + "] "
                    + due.step().action().both());
        } else if (entry instanceof TimelineEntry.IncidentMerged m) {
            out.add(head + label("合并", "MERGED") + "故障 #" + m.incident().number() + " 并入 #" + m.into().number()
                    + " / incident #" + m.incident().number() + " merged into #" + m.into().number() + " (" + m.by() + ") [EP-4]");
            out.add(INDENT + "理由 reason: " + m.reason().zh());
            if (!m.reason().en().equals(m.reason().zh())) {
                out.add(INDENT + "           " + m.reason().en());
            }
        } else if (entry instanceof TimelineEntry.IncidentClosed c) {
            out.add(head + label("关闭", "CLOSED") + "故障关闭,最高级别 " + c.highestClass().zh() + ",历时 "
                    + Durations.zh(Duration.between(c.openedAt(), c.at())) + " / incident closed, highest " + c.highestClass().en()
                    + ", lasted " + Durations.en(Duration.between(c.openedAt(), c.at())));
        }
    }

    private static String where(Area area) {
        return area.isHospital() ? "" : "@" + area.name().zh() + " " + area.name().en() + " ";
    }

    private static void grading(GradingEvent event, String head, List<String> out) {
        if (event instanceof GradingEvent.ClassChanged c) {
            String arrow = c.raised() ? "↑" : c.lowered() ? "↓" : "→";
            out.add(head + label("定级", "CLASS") + arrow + " " + faultClass(c.from()) + " → " + faultClass(c.to()));
            out.add(INDENT + "理由 reason: " + c.reason().zh());
            out.add(INDENT + "           " + c.reason().en());
            c.to().ifPresent(to -> out.add(INDENT + "处置 handled by: " + to.handler()));
            evidence(c.evidence(), out);
        } else if (event instanceof GradingEvent.ScopeChanged s) {
            out.add(head + label("范围", "SCOPE") + scope(s.from()) + " → " + scope(s.to()));
        } else if (event instanceof GradingEvent.OverrideApplied o) {
            out.add(head + label("人工", "OVERRIDE") + o.by() + " 人工定级 / sets " + o.faultClass().label()
                    + o.scope().map(s -> " · " + s.label()).orElse("") + " [EP-4]");
            out.add(INDENT + "理由 reason: " + o.reason());
        } else if (event instanceof GradingEvent.OverrideLifted l) {
            out.add(head + label("撤销", "LIFTED") + l.by() + " 撤销人工定级 / lifts the override: " + l.reason());
        } else if (event instanceof GradingEvent.EvidenceChanged e) {
            out.add(head + label("证据", "EVIDENCE") + "定级不变,依据变化 / same class, what it rests on changed");
            out.add(INDENT + "理由 reason: " + e.reason().zh());
            out.add(INDENT + "           " + e.reason().en());
            evidence(e.evidence(), out);
        } else if (event instanceof GradingEvent.OverrideSuperseded s) {
            out.add(head + label("覆盖", "SUPERSEDED") + "新证据高于人工定级 " + s.overridden().zh() + ",恢复自动定级 / new evidence above the override ("
                    + s.overridden().en() + "): automatic grading resumes at " + s.computed().en());
            evidence(s.newEvidence(), out);
        }
    }

    private static void evidence(List<Evidence> evidence, List<String> out) {
        for (Evidence e : evidence) {
            out.add(INDENT + "证据 evidence: " + e.line().zh() + " (" + String.join(", ", e.signalIds()) + ")");
            out.add(INDENT + "              " + e.line().en());
        }
    }

    private static void step(DueStep due, String head, ZoneId zone, List<String> out) {
        String deadline = due.step().due().map(d -> "  期限 due: " + d.label().both()
                + due.dueBy().map(by -> " (" + DAY_TIME.format(by.atZone(zone)) + ")").orElse("")).orElse("");
        out.add(head + label("预案", "STEP") + due.reference() + forDepartment(due) + " [" + due.step().clause() + "]"
                + "  负责 owner: " + due.step().owner().label() + deadline);
        out.add(INDENT + due.step().action().zh());
        out.add(INDENT + due.step().action().en());
        if (!due.step().notified().isEmpty()) {
            out.add(INDENT + "通知 notify: " + parties(due.step().notified()));
        }
    }

    private static void summary(Simulation simulation, List<String> out) {
        java.util.Map<Integer, List<String>> classes = new java.util.TreeMap<>();
        for (TimelineEntry.Regraded r : simulation.entriesOf(TimelineEntry.Regraded.class)) {
            if (r.event() instanceof GradingEvent.ClassChanged c) {
                classes.computeIfAbsent(r.incident().number(), k -> new ArrayList<>()).add(faultClass(c.to()));
            }
        }
        java.util.Map<String, Set<Department>> everManual = new java.util.TreeMap<>();
        simulation.entriesOf(TimelineEntry.LadderStepReached.class).forEach(l ->
                everManual.computeIfAbsent(placeLabel(l.area()), k -> EnumSet.noneOf(Department.class)).addAll(l.switching()));
        simulation.entriesOf(TimelineEntry.ManualModeGranted.class).forEach(g ->
                everManual.computeIfAbsent(placeLabel(g.area()), k -> EnumSet.noneOf(Department.class)).add(g.department()));
        int incidents = simulation.entriesOf(TimelineEntry.IncidentOpened.class).size();
        int merged = simulation.entriesOf(TimelineEntry.IncidentMerged.class).size();
        out.add("故障数 Incidents      : " + incidents + (merged > 0 ? "   合并 merged: " + merged : ""));
        if (classes.isEmpty()) {
            out.add("定级变化 Class changes : 无 none");
        }
        classes.forEach((n, seq) -> out.add("定级变化 Class changes : #" + n + " " + String.join(" → ", seq)));
        if (everManual.isEmpty()) {
            out.add("手工部门 Went manual   : 无 none");
        }
        everManual.forEach((place, deps) -> out.add("手工部门 Went manual   : " + place + departments(deps)));
        out.add("预案步骤 Steps due     : " + simulation.entriesOf(TimelineEntry.StepDue.class).size()
                + "   期限 Deadlines: " + simulation.entriesOf(TimelineEntry.DeadlineReached.class).size()
                + "   条目 Entries: " + simulation.entries().size());
    }

    private static String placeLabel(Area area) {
        return area.isHospital() ? "" : "@" + area.name().zh() + " " + area.name().en() + ": ";
    }

    private static String label(String zh, String en) {
        String text = zh + " " + en;
        return String.format("%-14s", text);
    }

    private static String offset(Instant start, Instant at) {
        Duration d = Duration.between(start, at);
        String sign = d.isNegative() ? "-" : "+";
        d = d.abs();
        String days = d.toDaysPart() > 0 ? d.toDaysPart() + "d" : "";
        return String.format("T%s%s%02d:%02d", sign, days, d.toHoursPart(), d.toMinutesPart());
    }

    private static String milestone(LadderMilestone m, ZoneId zone) {
        return "[" + m.clause() + "] " + DAY_TIME.format(m.dueAt().atZone(zone)) + " (" + Durations.zh(m.threshold()) + " / "
                + Durations.en(m.threshold()) + pulled(m) + ") " + m.step().title().both();
    }

    private static String pulled(LadderMilestone m) {
        if (!m.pulledEarlier()) {
            return "";
        }
        return ",因" + m.pulledBy().stream().map(x -> x.text().zh()).sorted().collect(Collectors.joining("、")) + "提前,原为"
                + Durations.zh(m.planThreshold()) + " / pulled earlier from " + Durations.en(m.planThreshold()) + " by "
                + m.pulledBy().stream().map(x -> x.text().en()).sorted().collect(Collectors.joining(", "));
    }

    private static String describe(Input input) {
        if (input instanceof Input.RequestOverride o) {
            return "人工定级 override → " + o.request().faultClass().label() + " (" + (o.request().by().isBlank() ? "?" : o.request().by()) + ")";
        }
        if (input instanceof Input.LiftOverride l) {
            return "撤销人工定级 lift override (" + (l.by().isBlank() ? "?" : l.by()) + ")";
        }
        if (input instanceof Input.RequestManualMode m) {
            return "申请转入手工 manual mode: " + m.department().label() + " (" + (m.by().isBlank() ? "?" : m.by()) + ")";
        }
        if (input instanceof Input.SwitchEarlier e) {
            return "提前转入手工 switch earlier: " + e.department().label() + " (" + (e.by().isBlank() ? "?" : e.by()) + ")";
        }
        if (input instanceof Input.MergeIncidents m) {
            return "合并故障 merge #" + m.from() + " → #" + m.into() + " (" + (m.by().isBlank() ? "?" : m.by()) + ")";
        }
        if (input instanceof Input.Observe o) {
            return o.signal().describe().both();
        }
        return input.getClass().getSimpleName();
    }

    private static String forDepartment(DueStep due) {
        Area area = due.occurrence().area();
        String place = area.isHospital() ? "" : " " + area.name().zh() + " " + area.name().en();
        return due.department().map(d -> " @" + d.zh() + " " + d.en() + place).orElse(place.isEmpty() ? "" : " @" + place.trim());
    }

    private static String modifiers(Collection<ContextModifier> modifiers) {
        if (modifiers.isEmpty()) {
            return "平日 ordinary day";
        }
        return modifiers.stream().sorted().map(m -> m.text().both()).collect(Collectors.joining(", "));
    }

    private static String faultClass(Optional<FaultClass> c) {
        return c.map(FaultClass::label).orElse("无 none");
    }

    private static String scope(Optional<Scope> s) {
        return s.map(Scope::label).orElse("无 none");
    }

    private static String departments(Collection<Department> departments) {
        if (departments.isEmpty()) {
            return "无 none";
        }
        return departments.stream().sorted().map(Department::label).collect(Collectors.joining(", "));
    }

    private static String parties(List<Party> parties) {
        return parties.stream().map(Party::label).collect(Collectors.joining(", "));
    }
}
