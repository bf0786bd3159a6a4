package org.hospital.continuity.server.incident.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hospital.continuity.playbooks.classify.Evidence;
import org.hospital.continuity.playbooks.classify.GradingEvent;
import org.hospital.continuity.playbooks.incident.TimelineEntry;
import org.hospital.continuity.playbooks.ladder.LadderMilestone;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.signal.Signal;

/**
 * Turns the playbooks engine's timeline entries into stored timeline events. Pure: the words and the
 * decisions are the engine's; this only flattens them into kind, clause, text and data.
 */
public final class TimelineEvents {

    private TimelineEvents() {
    }

    public static EventDraft of(TimelineEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (entry instanceof TimelineEntry.SignalReceived s) {
            Signal signal = s.input().signal();
            data.put("signalId", signal.id());
            data.put("signalKind", signal.getClass().getSimpleName());
            return new EventDraft("SIGNAL_RECEIVED", s.at(), null, signal.describe().zh(), signal.describe().en(), data);
        }
        if (entry instanceof TimelineEntry.InputRejected r) {
            data.put("input", r.input().getClass().getSimpleName());
            return new EventDraft("INPUT_REJECTED", r.at(), r.clause(), r.reason().zh(), r.reason().en(), data);
        }
        if (entry instanceof TimelineEntry.Regraded g) {
            return regraded(g.event(), data);
        }
        if (entry instanceof TimelineEntry.ContextChanged c) {
            data.put("modifiers", c.modifiers().stream().map(Enum::name).sorted().toList());
            data.put("schedule", schedule(c.schedule()));
            return new EventDraft("CONTEXT_CHANGED", c.at(), "EP-5.1",
                    "情况变化: " + c.modifiers().stream().map(m -> m.text().zh()).collect(Collectors.joining("、")),
                    "circumstances changed: " + c.modifiers().stream().map(m -> m.text().en()).collect(Collectors.joining(", ")), data);
        }
        if (entry instanceof TimelineEntry.OutageStarted o) {
            data.put("outageStart", o.start().toString());
            data.put("schedule", schedule(o.schedule()));
            return new EventDraft("OUTAGE_STARTED", o.at(), "EP-5.1", "网络整体故障开始于 " + o.start(),
                    "whole-network outage since " + o.start(), data);
        }
        if (entry instanceof TimelineEntry.LadderStepReached l) {
            data.put("step", l.milestone().step().name());
            data.put("threshold", l.milestone().threshold().toString());
            data.put("switching", codes(l.switching()));
            return new EventDraft("LADDER_STEP_REACHED", l.at(), l.milestone().clause(),
                    "故障超过" + l.milestone().step().title().zh() + "转入手工操作的时限: " + names(l.switching(), true),
                    "outage passed the threshold for " + l.milestone().step().title().en() + ": " + names(l.switching(), false), data);
        }
        if (entry instanceof TimelineEntry.ManualModeGranted m) {
            data.put("department", m.department().code());
            data.put("by", m.by());
            data.put("reason", m.reason());
            return new EventDraft("MANUAL_MODE_GRANTED", m.at(), "EP-5.2", m.department().zh() + "申请提前转入手工操作: " + m.reason(),
                    m.department().en() + " switches to manual on request: " + m.reason(), data);
        }
        if (entry instanceof TimelineEntry.OutageEnded o) {
            data.put("outageStart", o.start().toString());
            data.put("lasted", o.lasted().toString());
            return new EventDraft("OUTAGE_ENDED", o.at(), "EP-6.8", "网络整体故障结束,历时 " + o.lasted(),
                    "whole-network outage ended after " + o.lasted(), data);
        }
        if (entry instanceof TimelineEntry.ManualModeEnded m) {
            data.put("released", codes(m.released()));
            return new EventDraft("MANUAL_MODE_ENDED", m.at(), "EP-6.8", "系统恢复,手工操作结束: " + names(m.released(), true),
                    "system back, manual operation ends: " + names(m.released(), false), data);
        }
        if (entry instanceof TimelineEntry.StepDue s) {
            data.put("reference", s.due().reference());
            data.put("owner", s.due().step().owner().code());
            // the parties the step names to be told (EP-2.3, EP-8.2); notifications resolve them to people
            data.put("notify", s.due().step().notified().stream().map(org.hospital.continuity.playbooks.party.Party::code).toList());
            s.due().department().ifPresent(d -> data.put("department", d.code()));
            s.due().dueBy().ifPresent(t -> data.put("dueBy", t.toString()));
            data.put("occurrence", s.due().occurrence().getClass().getSimpleName());
            return new EventDraft("STEP_DUE", s.at(), s.due().step().clause(), s.due().step().action().zh(),
                    s.due().step().action().en(), data);
        }
        if (entry instanceof TimelineEntry.DeadlineReached d) {
            data.put("reference", d.deadline().step().reference());
            d.deadline().step().department().ifPresent(x -> data.put("department", x.code()));
            data.put("dueBy", d.deadline().dueBy().toString());
            return new EventDraft("DEADLINE_REACHED", d.at(), d.deadline().step().step().clause(),
                    "时限已到: " + d.deadline().step().step().action().zh(), "deadline reached: " + d.deadline().step().step().action().en(), data);
        }
        if (entry instanceof TimelineEntry.IncidentClosed c) {
            data.put("openedAt", c.openedAt().toString());
            data.put("highestClass", c.highestClass().name());
            return new EventDraft("INCIDENT_CLOSED", c.at(), "EP-8.1", "故障关闭,最高等级 " + c.highestClass().zh(),
                    "incident closed, highest class " + c.highestClass().en(), data);
        }
        throw new IllegalArgumentException("unknown timeline entry " + entry.getClass().getSimpleName());
    }

    private static EventDraft regraded(GradingEvent e, Map<String, Object> data) {
        if (e instanceof GradingEvent.ClassChanged c) {
            data.put("from", c.from().map(Enum::name).orElse(null));
            data.put("to", c.to().map(Enum::name).orElse(null));
            data.put("evidence", evidence(c.evidence()));
            return new EventDraft("CLASS_CHANGED", c.at(), c.evidence().isEmpty() ? "EP-4" : c.evidence().get(0).clause(),
                    c.reason().zh(), c.reason().en(), data);
        }
        if (e instanceof GradingEvent.ScopeChanged s) {
            data.put("from", s.from().map(Enum::name).orElse(null));
            data.put("to", s.to().map(Enum::name).orElse(null));
            data.put("evidence", evidence(s.evidence()));
            return new EventDraft("SCOPE_CHANGED", s.at(), "EP-5", s.reason().zh(), s.reason().en(), data);
        }
        if (e instanceof GradingEvent.OverrideApplied o) {
            data.put("by", o.by());
            data.put("to", o.faultClass().name());
            o.scope().ifPresent(x -> data.put("scope", x.name()));
            return new EventDraft("OVERRIDE_APPLIED", o.at(), "EP-4", "人工定级(" + o.by() + "): " + o.faultClass().zh() + " — " + o.reason(),
                    "manual grade (" + o.by() + "): " + o.faultClass().en() + " — " + o.reason(), data);
        }
        if (e instanceof GradingEvent.OverrideLifted l) {
            data.put("by", l.by());
            return new EventDraft("OVERRIDE_LIFTED", l.at(), "EP-4", "撤销人工定级(" + l.by() + "): " + l.reason(),
                    "manual grade lifted (" + l.by() + "): " + l.reason(), data);
        }
        GradingEvent.OverrideSuperseded s = (GradingEvent.OverrideSuperseded) e;
        data.put("from", s.overridden().name());
        data.put("to", s.computed().name());
        data.put("evidence", evidence(s.newEvidence()));
        return new EventDraft("OVERRIDE_SUPERSEDED", s.at(), "EP-4", "新证据更严重,恢复自动定级: " + s.computed().zh(),
                "new, more severe evidence: automatic grading resumes at " + s.computed().en(), data);
    }

    private static List<Map<String, Object>> evidence(List<Evidence> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evidence e : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", e.rule().name());
            m.put("clause", e.clause());
            m.put("class", e.faultClass().name());
            m.put("scope", e.scope().name());
            m.put("signals", e.signalIds());
            m.put("since", e.since().toString());
            m.put("zh", e.line().zh());
            m.put("en", e.line().en());
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> schedule(List<LadderMilestone> schedule) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LadderMilestone m : schedule) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("step", m.step().name());
            x.put("clause", m.clause());
            x.put("dueAt", m.dueAt().toString());
            x.put("threshold", m.threshold().toString());
            out.add(x);
        }
        return out;
    }

    private static List<String> codes(java.util.Set<Department> set) {
        return set.stream().sorted().map(Department::code).toList();
    }

    private static String names(java.util.Set<Department> set, boolean zh) {
        return set.stream().sorted().map(d -> zh ? d.zh() : d.en()).collect(Collectors.joining(zh ? "、" : ", "));
    }
}
