package org.hospital.continuity.server.incident.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hospital.continuity.playbooks.text.Durations;
import java.util.Set;
import java.util.stream.Collectors;
import org.hospital.continuity.playbooks.classify.Evidence;
import org.hospital.continuity.playbooks.classify.GradingEvent;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.incident.TimelineEntry;
import org.hospital.continuity.playbooks.ladder.LadderMilestone;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Signal;
import org.hospital.continuity.server.incident.IncidentEvent;
import org.hospital.continuity.server.incident.IncidentEvent.EvidenceLine;
import org.hospital.continuity.server.incident.IncidentEvent.Milestone;
import org.hospital.continuity.server.incident.IncidentEvent.Words;

/**
 * Turns the playbooks engine's timeline entries into the typed events the server stores and announces.
 * Pure: the words and the decisions are the engine's; this picks the facts each event type carries.
 */
public final class TimelineEvents {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private TimelineEvents() {
    }

    /**
     * The typed event of an entry; null for an entry stored as no event of its own ({@code IncidentOpened}: its first
     * grade says it). Times of day in the words are the hospital's ({@code zone}); durations read 1小时05分钟 / 1 h 5 min,
     * never ISO codes.
     */
    public static IncidentEvent of(TimelineEntry entry, ZoneId zone) {
        if (entry instanceof TimelineEntry.IncidentOpened) {
            return null;
        }
        if (entry instanceof TimelineEntry.IncidentMerged m) {
            return new IncidentEvent.IncidentMerged(m.at(), "EP-4", new Words(
                    "并入故障 #" + m.into().number() + "(" + m.by() + "): " + m.reason().zh(),
                    "merged into incident #" + m.into().number() + " (" + m.by() + "): " + m.reason().en()), m.into().number(), m.by());
        }
        if (entry instanceof TimelineEntry.SignalReceived s) {
            Signal signal = s.input().signal();
            return new IncidentEvent.SignalReceived(s.at(), null, new Words(signal.describe().zh(), signal.describe().en()), signal.id(),
                    signal.getClass().getSimpleName());
        }
        if (entry instanceof TimelineEntry.InputRejected r) {
            return new IncidentEvent.InputRejected(r.at(), r.clause(), new Words(r.reason().zh(), r.reason().en()),
                    r.input().getClass().getSimpleName());
        }
        if (entry instanceof TimelineEntry.Regraded g) {
            return regraded(g.event());
        }
        if (entry instanceof TimelineEntry.ContextChanged c) {
            return new IncidentEvent.ContextChanged(c.at(), "EP-5.1", new Words(
                    "情况变化: " + c.modifiers().stream().map(m -> m.text().zh()).collect(Collectors.joining("、")),
                    "circumstances changed: " + c.modifiers().stream().map(m -> m.text().en()).collect(Collectors.joining(", "))),
                    c.modifiers(), schedule(c.schedules().getOrDefault(Area.HOSPITAL,
                            c.schedules().values().stream().findFirst().orElse(List.of()))));
        }
        if (entry instanceof TimelineEntry.OutageStarted o) {
            // EP-5.1 for the whole network; EP-4.1 局部网络不通 for an area cut off (its own ladder, its departments only)
            String since = DAY_TIME.format(o.start().atZone(zone));
            return o.area().isHospital()
                    ? new IncidentEvent.OutageStarted(o.at(), "EP-5.1", new Words("网络整体故障开始于 " + since,
                            "whole-network outage since " + since), o.start(), schedule(o.schedule()))
                    : new IncidentEvent.OutageStarted(o.at(), "EP-4.1", new Words(o.area().name().zh() + " 局部网络不通,开始于 " + since,
                            o.area().name().en() + " cut off since " + since), o.start(), schedule(o.schedule()));
        }
        if (entry instanceof TimelineEntry.LadderStepReached l) {
            return new IncidentEvent.LadderStepReached(l.at(), l.milestone().clause(), new Words(
                    where(l.area(), true) + "故障超过" + l.milestone().step().title().zh() + "转入手工操作的时限: " + names(l.switching(), true),
                    where(l.area(), false) + "outage passed the threshold for " + l.milestone().step().title().en() + ": "
                            + names(l.switching(), false)),
                    l.milestone().step(), l.milestone().threshold(), l.switching(), l.milestone().notified());
        }
        if (entry instanceof TimelineEntry.ManualModeGranted m) {
            // EP-5.2 critically ill patients on request, or EP-5.1 the leadership group's decision (who and why recorded)
            boolean leadership = m.basis() == org.hospital.continuity.playbooks.incident.ManualBasis.LEADERSHIP_DECISION;
            return new IncidentEvent.ManualModeGranted(m.at(), leadership ? "EP-5.1" : "EP-5.2", leadership
                    ? new Words(where(m.area(), true) + "应急领导组决定" + m.department().zh() + "提前转入手工操作(" + m.by() + "): " + m.reason(),
                            where(m.area(), false) + "the leadership group moves " + m.department().en() + " to manual earlier (" + m.by() + "): "
                                    + m.reason())
                    : new Words(where(m.area(), true) + m.department().zh() + "申请提前转入手工操作: " + m.reason(),
                            where(m.area(), false) + m.department().en() + " switches to manual on request: " + m.reason()),
                    m.department(), m.by(), m.reason());
        }
        if (entry instanceof TimelineEntry.OutageEnded o) {
            String zh = Durations.zh(o.lasted().withNanos(0));
            String en = Durations.en(o.lasted().withNanos(0));
            return new IncidentEvent.OutageEnded(o.at(), "EP-6.8", o.area().isHospital()
                    ? new Words("网络整体故障结束,历时 " + zh, "whole-network outage ended after " + en)
                    : new Words(o.area().name().zh() + " 网络恢复,历时 " + zh, o.area().name().en() + " back after " + en),
                    o.start(), o.lasted());
        }
        if (entry instanceof TimelineEntry.ManualModeEnded m) {
            return new IncidentEvent.ManualModeEnded(m.at(), "EP-6.8", new Words(where(m.area(), true) + "系统恢复,手工操作结束: "
                    + names(m.released(), true), where(m.area(), false) + "system back, manual operation ends: " + names(m.released(), false)),
                    m.released());
        }
        if (entry instanceof TimelineEntry.StepDue s) {
            // the parties the step names to be told (EP-2.3, EP-8.2); notifications resolve them to people
            return new IncidentEvent.StepDue(s.at(), s.due().step().clause(), new Words(s.due().step().action().zh(),
                    s.due().step().action().en()), s.due().reference(), s.due().step().owner(), s.due().step().notified(),
                    s.due().department(), s.due().dueBy(), s.due().occurrence().getClass().getSimpleName());
        }
        if (entry instanceof TimelineEntry.DeadlineReached d) {
            return new IncidentEvent.DeadlineReached(d.at(), d.deadline().step().step().clause(), new Words(
                    "时限已到: " + d.deadline().step().step().action().zh(), "deadline reached: " + d.deadline().step().step().action().en()),
                    d.deadline().step().reference(), d.deadline().step().department(), d.deadline().dueBy());
        }
        if (entry instanceof TimelineEntry.IncidentClosed c) {
            return new IncidentEvent.IncidentClosed(c.at(), "EP-8.1", new Words("故障关闭,最高等级 " + c.highestClass().zh(),
                    "incident closed, highest class " + c.highestClass().en()), c.openedAt(), c.highestClass());
        }
        throw new IllegalArgumentException("unknown timeline entry " + entry.getClass().getSimpleName());
    }

    private static IncidentEvent regraded(GradingEvent e) {
        if (e instanceof GradingEvent.ClassChanged c) {
            return new IncidentEvent.ClassChanged(c.at(), c.evidence().isEmpty() ? "EP-4" : c.evidence().get(0).clause(),
                    new Words(c.reason().zh(), c.reason().en()), c.from(), c.to(), evidence(c.evidence()));
        }
        if (e instanceof GradingEvent.ScopeChanged s) {
            return new IncidentEvent.ScopeChanged(s.at(), "EP-5", new Words(s.reason().zh(), s.reason().en()), s.from(), s.to(),
                    evidence(s.evidence()));
        }
        if (e instanceof GradingEvent.OverrideApplied o) {
            return new IncidentEvent.OverrideApplied(o.at(), "EP-4", new Words(
                    "人工定级(" + o.by() + "): " + o.faultClass().zh() + " — " + o.reason(),
                    "manual grade (" + o.by() + "): " + o.faultClass().en() + " — " + o.reason()), o.by(), o.faultClass(), o.scope());
        }
        if (e instanceof GradingEvent.OverrideLifted l) {
            return new IncidentEvent.OverrideLifted(l.at(), "EP-4", new Words("撤销人工定级(" + l.by() + "): " + l.reason(),
                    "manual grade lifted (" + l.by() + "): " + l.reason()), l.by());
        }
        if (e instanceof GradingEvent.EvidenceChanged) {
            // the same class and scope on other findings: no typed event of its own yet (nothing to announce); the
            // incident row and the engine state carry the current evidence
            return null;
        }
        GradingEvent.OverrideSuperseded s = (GradingEvent.OverrideSuperseded) e;
        return new IncidentEvent.OverrideSuperseded(s.at(), "EP-4", new Words("新证据更严重,恢复自动定级: " + s.computed().zh(),
                "new, more severe evidence: automatic grading resumes at " + s.computed().en()), s.overridden(), s.computed(),
                evidence(s.newEvidence()));
    }

    private static List<EvidenceLine> evidence(List<Evidence> list) {
        return list.stream().map(e -> new EvidenceLine(e.rule().name(), e.clause(), e.faultClass(), e.scope(), e.signalIds(), e.since(),
                new Words(e.line().zh(), e.line().en()))).toList();
    }

    private static List<Milestone> schedule(List<LadderMilestone> schedule) {
        return schedule.stream().map(m -> new Milestone(m.step(), m.clause(), m.dueAt(), m.threshold())).toList();
    }

    private static String where(Area area, boolean zh) {
        return area.isHospital() ? "" : zh ? "【" + area.name().zh() + "】" : "[" + area.name().en() + "] ";
    }

    private static String names(Set<Department> set, boolean zh) {
        return set.stream().sorted().map(d -> zh ? d.zh() : d.en()).collect(Collectors.joining(zh ? "、" : ", "));
    }
}
