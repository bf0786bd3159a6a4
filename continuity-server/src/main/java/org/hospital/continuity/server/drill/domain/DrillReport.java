package org.hospital.continuity.server.drill.domain;

import org.hospital.continuity.server.incident.IncidentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * EP-9.4: the drill report, computed from what was recorded (the scenario player's steps, the incident timeline,
 * instructions and acknowledgements, synced entries, write-back and workbench rows), never typed in. Every
 * duration is given on the drill's clock ({@code drillSeconds}: what the plan's thresholds are measured in) and in
 * real time ({@code realSeconds}: what the people in the drill lived). Pure.
 */
public final class DrillReport {

    private DrillReport() {
    }

    // ---- what was recorded

    /** A timeline event of the drill's incident (engine time). */
    public record Event(long seq, IncidentEvent event) {
        public Instant at() {
            return event.at();
        }

        /** The ladder row, for a ladder step reached. */
        public String step() {
            return event instanceof IncidentEvent.LadderStepReached l ? l.step().name() : null;
        }

        /** The class reached, for a class change that set one. */
        public String toClass() {
            return event instanceof IncidentEvent.ClassChanged c ? c.to().map(Enum::name).orElse(null) : null;
        }

        boolean is(Class<? extends IncidentEvent> type) {
            return type.isInstance(event);
        }
    }

    /** An instruction of the incident: issued and deadline on the drill's clock, the first acknowledgement in real time. */
    public record Instruction(UUID id, long eventSeq, String party, String kind, Instant issuedAt, Instant deadline,
                              Instant firstAckReal, String ackBy) {
    }

    /** One kiosk's entries captured during the drill (real time). */
    public record KioskSync(String kioskId, long entries, long visits, Instant firstRecorded, Instant lastRecorded,
                            Instant lastReceived, double medianLagSeconds, double maxLagSeconds) {
    }

    /**
     * Write-back of the drill's incident: where it went ({@code SANDBOX} or {@code HELD}), visits written, items
     * raised for the workbench and still open, and when the last was written / resolved (real time).
     */
    public record WriteBack(String target, long visitsWritten, long workbenchItems, long workbenchOpen, Instant lastWritten,
                            Instant lastResolved) {
    }

    /** A signal the player played: due on the drill's clock, played at engine time {@code engineAt}. */
    public record Step(int index, String kind, Instant dueAt, Instant engineAt) {
    }

    public record Facts(UUID drill, String scenario, int factor, TimeScale scale, String status, Instant realEnd, String endReason,
                        List<Step> steps, List<Event> events, List<Instruction> instructions, List<KioskSync> kiosks,
                        WriteBack writeBack, long integrityIncidents, Duration playerTolerance) {
        public Facts {
            steps = List.copyOf(steps);
            events = List.copyOf(events);
            instructions = List.copyOf(instructions);
            kiosks = List.copyOf(kiosks);
            Objects.requireNonNull(scale, "scale");
        }
    }

    // ---- the report

    /** A span on the drill's clock and in real time; both null when it never happened. */
    public record Span(Long drillSeconds, Long realSeconds) {
        static final Span NEVER = new Span(null, null);

        public boolean happened() {
            return drillSeconds != null;
        }
    }

    public record LadderAck(String step, Instant reachedAt, String party, String instructionKind, Span toAcknowledgement,
                            String acknowledgedBy, boolean late) {
    }

    public record Records(long entries, long visits, List<KioskSync> byKiosk) {
    }

    public record Sync(Double medianLagSeconds, Double maxLagSeconds, Span lastSyncedAfterRecovery) {
    }

    public record WriteBackShare(String target, long visitsCaptured, long writtenAutomatically, long toWorkbench, Integer sharePercent) {
    }

    public record Finding(String code, String zh, String en) {
    }

    public record Report(UUID drill, String scenario, int factor, String status, Instant faultAt, Span toDetect, Span toClassify,
                         String classifiedAs, Span outageLasted, List<LadderAck> ladder, Records records, Sync sync,
                         WriteBackShare writeBack, Span toFinishReconciliation, List<Finding> wentWrong) {
    }

    public static Report compute(Facts f) {
        TimeScale scale = f.scale();
        Instant faultAt = f.steps().stream().map(Step::dueAt).min(Comparator.naturalOrder()).orElse(scale.engineAnchor());
        Event first = f.events().stream().min(Comparator.comparingLong(Event::seq)).orElse(null);
        Event classified = f.events().stream().filter(e -> e.is(IncidentEvent.ClassChanged.class) && e.toClass() != null)
                .min(Comparator.comparingLong(Event::seq)).orElse(null);
        Event outageStart = firstOf(f, IncidentEvent.OutageStarted.class);
        Event outageEnd = firstOf(f, IncidentEvent.OutageEnded.class);
        List<Finding> wrong = new ArrayList<>();

        // EP-5.2 / EP-6.1: from each ladder step to each party's acknowledgement of its instruction
        List<LadderAck> ladder = new ArrayList<>();
        for (Event e : f.events()) {
            if (!e.is(IncidentEvent.LadderStepReached.class)) {
                continue;
            }
            for (Instruction i : f.instructions()) {
                if (i.eventSeq() != e.seq()) {
                    continue;
                }
                Span toAck = Span.NEVER;
                boolean late = false;
                if (i.firstAckReal() != null) {
                    Instant ackEngine = scale.engine(i.firstAckReal());
                    toAck = span(e.at(), ackEngine, scale);
                    late = i.deadline() != null && ackEngine.isAfter(i.deadline());
                    if (late) {
                        wrong.add(new Finding("ACK_LATE", i.party() + " 确认晚于期限(" + e.step() + ")",
                                i.party() + " acknowledged after the deadline (" + e.step() + ")"));
                    }
                } else {
                    wrong.add(new Finding("NOT_ACKNOWLEDGED", i.party() + " 未确认指令(" + e.step() + ")",
                            i.party() + " never acknowledged the instruction (" + e.step() + ")"));
                }
                ladder.add(new LadderAck(e.step(), e.at(), i.party(), i.kind(), toAck, i.ackBy(), late));
            }
        }
        for (Event e : f.events()) {
            if (e.is(IncidentEvent.InputRejected.class)) {
                wrong.add(new Finding("INPUT_REJECTED", "引擎拒绝了一项输入(事件 " + e.seq() + ")", "the engine refused an input (event " + e.seq() + ")"));
            }
        }
        for (Step s : f.steps()) {
            Duration late = Duration.between(s.dueAt(), s.engineAt());
            if (late.compareTo(f.playerTolerance().multipliedBy(scale.factor())) > 0) {
                wrong.add(new Finding("SIGNAL_LATE", "第" + (s.index() + 1) + "个信号晚播放 " + late.toSeconds() + " 秒(演练时间)",
                        "signal " + (s.index() + 1) + " was played " + late.toSeconds() + " s late (drill time)"));
            }
        }
        if (first == null) {
            wrong.add(new Finding("NOT_DETECTED", "没有打开故障", "no incident was opened"));
        }
        if (classified == null) {
            wrong.add(new Finding("NOT_CLASSIFIED", "故障未定级", "the incident was never graded"));
        }
        if ("STOPPED".equals(f.status())) {
            wrong.add(new Finding("STOPPED", "演练被提前停止: " + f.endReason(), "the drill was stopped early: " + f.endReason()));
        }
        if (f.integrityIncidents() > 0) {
            wrong.add(new Finding("SYNC_INTEGRITY", "同步发现 " + f.integrityIncidents() + " 条数据冲突",
                    f.integrityIncidents() + " sync integrity incidents"));
        }

        long entries = f.kiosks().stream().mapToLong(KioskSync::entries).sum();
        long visits = f.kiosks().stream().mapToLong(KioskSync::visits).sum();
        Double median = f.kiosks().stream().filter(k -> k.entries() > 0).mapToDouble(KioskSync::medianLagSeconds).max().stream().boxed()
                .findFirst().orElse(null);
        Double max = f.kiosks().stream().filter(k -> k.entries() > 0).mapToDouble(KioskSync::maxLagSeconds).max().stream().boxed()
                .findFirst().orElse(null);
        Instant lastReceived = f.kiosks().stream().map(KioskSync::lastReceived).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        Span synced = outageEnd == null || lastReceived == null ? Span.NEVER
                : realSpan(scale.real(outageEnd.at()), lastReceived, scale);
        if (entries == 0) {
            wrong.add(new Finding("NO_RECORDS", "演练期间没有收到任何终端记录", "no kiosk record was received from the drill"));
        }

        WriteBack wb = f.writeBack();
        long written = wb == null ? 0 : wb.visitsWritten();
        long workbench = wb == null ? 0 : wb.workbenchItems();
        Integer share = visits == 0 || wb == null || "HELD".equals(wb.target()) ? null : (int) Math.round(100.0 * written / visits);
        if (wb != null && "HELD".equals(wb.target()) && visits > 0) {
            wrong.add(new Finding("WRITEBACK_HELD", visits + " 个就诊被保留,未回写(未配置演练用FHIR沙箱)",
                    visits + " visits held, not written back (no sandbox FHIR target configured)"));
        }
        Span reconciliation = Span.NEVER;
        if (wb != null && !"HELD".equals(wb.target()) && outageEnd != null && visits > 0 && wb.workbenchOpen() == 0
                && written + workbench >= visits) {
            Instant done = latest(wb.lastWritten(), wb.lastResolved());
            if (done != null) {
                reconciliation = realSpan(scale.real(outageEnd.at()), done, scale);
            }
        } else if (wb != null && wb.workbenchOpen() > 0) {
            wrong.add(new Finding("RECONCILIATION_OPEN", wb.workbenchOpen() + " 项待核对未完成", wb.workbenchOpen() + " workbench items still open"));
        }

        return new Report(f.drill(), f.scenario(), f.factor(), f.status(), faultAt,
                first == null ? Span.NEVER : span(faultAt, first.at(), scale),
                classified == null ? Span.NEVER : span(faultAt, classified.at(), scale),
                classified == null ? null : classified.toClass(),
                outageStart == null || outageEnd == null ? Span.NEVER : span(outageStart.at(), outageEnd.at(), scale),
                List.copyOf(ladder), new Records(entries, visits, f.kiosks()), new Sync(median, max, synced),
                new WriteBackShare(wb == null ? "HELD" : wb.target(), visits, written, workbench, share), reconciliation, List.copyOf(wrong));
    }

    private static Event firstOf(Facts f, Class<? extends IncidentEvent> type) {
        return f.events().stream().filter(e -> e.is(type)).min(Comparator.comparingLong(Event::seq)).orElse(null);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** A span between two engine instants. */
    static Span span(Instant fromEngine, Instant toEngine, TimeScale scale) {
        Duration d = Duration.between(fromEngine, toEngine);
        return new Span(d.toSeconds(), d.dividedBy(scale.factor()).toSeconds());
    }

    /** A span between two real instants. */
    static Span realSpan(Instant fromReal, Instant toReal, TimeScale scale) {
        Duration d = Duration.between(fromReal, toReal);
        return new Span(d.multipliedBy(scale.factor()).toSeconds(), d.toSeconds());
    }
}
