package org.hospital.continuity.server.notification.integration;

import io.quarkus.logging.Log;
import io.quarkus.vertx.ConsumeEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.playbooks.playbook.Occurrence;
import org.hospital.continuity.playbooks.playbook.PlaybookSet;
import org.hospital.continuity.server.incident.IncidentEvent;
import org.hospital.continuity.server.incident.Instruction;
import org.hospital.continuity.server.incident.Instructions;
import org.hospital.continuity.server.incident.TimelineEvent;
import org.hospital.continuity.server.notification.NoticeRequest;
import org.hospital.continuity.server.notification.NotificationSettings;
import org.hospital.continuity.server.notification.app.RaisingNotification;
import org.hospital.continuity.server.notification.NoticeKind;
import org.hospital.continuity.server.notification.PatientDataGuard;
import org.hospital.continuity.server.notification.Text;
import org.hospital.continuity.server.notification.persistence.NotificationStore;

/**
 * Turns the incident engine's typed events (on the event bus) into notifications, one handler per event type:
 * <ul>
 *   <li>a class declared or raised (EP-4): the parties the class's playbook announces ({@code announce:} in the
 *       playbook file: EP-4.5 Class I the leadership group and IT on duty, EP-4.6 Class II IT on duty, EP-4.8 an
 *       insurance fault finance, the insurance office and the outpatient office, EP-4.7 Class III nobody);</li>
 *   <li>a ladder step reached (EP-5.2): the parties the ladder settings name for it (leadership group, the
 *       coordinating offices …), besides the departments that switch;</li>
 *   <li>every instruction the engine announced (ladder steps to the departments concerned, EP-5.2/6.1; restart
 *       and back-entry, EP-6.8; playbook steps): its party, until the party acknowledges it;</li>
 *   <li>the outage ended: the parties the recovery playbook announces (EP-6.8: all departments, the leadership
 *       group, IT);</li>
 *   <li>the incident closed: escalation of its notices stops.</li>
 * </ul>
 * Every instance's relay publishes every event, so each notice has a dedupe key: it is raised once.
 */
@ApplicationScoped
public class NotifyingFromIncidents {

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** The message a class's callers get; a class without one calls nobody (its playbook must not announce). */
    private static final Map<FaultClass, NoticeKind> DECLARED = new EnumMap<>(Map.of(
            FaultClass.CLASS_I, NoticeKind.CLASS_I_DECLARED,
            FaultClass.CLASS_II, NoticeKind.CLASS_II_DECLARED,
            FaultClass.CLASS_III, NoticeKind.CLASS_III_DECLARED,
            FaultClass.INSURANCE, NoticeKind.INSURANCE_FAULT));

    private final RaisingNotification raising;
    private final Instructions instructions;
    private final NotificationStore store;
    private final NotificationSettings settings;
    private final PlaybookSet playbooks;

    public NotifyingFromIncidents(RaisingNotification raising, Instructions instructions, NotificationStore store,
                                  NotificationSettings settings, PlaybookSet playbooks) {
        this.raising = raising;
        this.instructions = instructions;
        this.store = store;
        this.settings = settings;
        this.playbooks = playbooks;
        for (FaultClass c : FaultClass.values()) {
            if (!DECLARED.containsKey(c) && !playbooks.announcedFor(new Occurrence.ClassReached(Instant.EPOCH, c)).isEmpty()) {
                throw new IllegalStateException("the playbook of " + c + " names parties to call, but no message exists for that class");
            }
        }
    }

    @ConsumeEvent(TimelineEvent.ADDRESS)
    public Uni<Void> on(TimelineEvent event) {
        return handle(event).onFailure().invoke(e -> Log.errorf(e, "notifying for incident event seq=%d failed", event.seq()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    Uni<Void> handle(TimelineEvent e) {
        return e.event().accept(new Handler(e.seq(), e.incidentId()));
    }

    /** What each event type calls people for; the types not named here call nobody. */
    private final class Handler implements IncidentEvent.Visitor<Uni<Void>> {
        private final long seq;
        private final UUID incidentId;

        Handler(long seq, UUID incidentId) {
            this.seq = seq;
            this.incidentId = incidentId;
        }

        @Override
        public Uni<Void> otherwise(IncidentEvent event) {
            return Uni.createFrom().voidItem(); // shown on the board and the timeline; nobody is called
        }

        @Override
        public Uni<Void> classChanged(IncidentEvent.ClassChanged e) {
            Text summary = e.evidence().isEmpty() ? words(e) : new Text(e.evidence().get(0).line().zh(), e.evidence().get(0).line().en());
            return e.to().map(to -> classRaised(seq, incidentId, e.from(), to, summary, e.at())).orElse(none());
        }

        @Override
        public Uni<Void> overrideApplied(IncidentEvent.OverrideApplied e) {
            return classRaised(seq, incidentId, Optional.empty(), e.to(), words(e), e.at());
        }

        @Override
        public Uni<Void> overrideSuperseded(IncidentEvent.OverrideSuperseded e) {
            Text summary = e.evidence().isEmpty() ? words(e) : new Text(e.evidence().get(0).line().zh(), e.evidence().get(0).line().en());
            return classRaised(seq, incidentId, Optional.of(e.from()), e.to(), summary, e.at());
        }

        @Override
        public Uni<Void> ladderStepReached(IncidentEvent.LadderStepReached e) {
            return instructionsOf(incidentId, seq).chain(() -> ladderStep(incidentId, seq, e));
        }

        @Override
        public Uni<Void> stepDue(IncidentEvent.StepDue e) {
            return instructionsOf(incidentId, seq).chain(() -> stepNotified(incidentId, seq, e));
        }

        @Override
        public Uni<Void> manualModeGranted(IncidentEvent.ManualModeGranted e) {
            return instructionsOf(incidentId, seq);
        }

        @Override
        public Uni<Void> manualModeEnded(IncidentEvent.ManualModeEnded e) {
            return instructionsOf(incidentId, seq);
        }

        @Override
        public Uni<Void> outageEnded(IncidentEvent.OutageEnded e) {
            return recovery(incidentId, seq, e.at());
        }

        @Override
        public Uni<Void> incidentClosed(IncidentEvent.IncidentClosed e) {
            return incidentId == null ? none() : store.closeForIncident(incidentId, e.at(), "incident closed").replaceWithVoid();
        }
    }

    private static Uni<Void> none() {
        return Uni.createFrom().voidItem();
    }

    private static Text words(IncidentEvent e) {
        return new Text(e.summary().zh(), e.summary().en());
    }

    /** EP-4.5 … EP-4.8: a raise calls in whom the class's playbook announces; a lowered class only shows on the board. */
    private Uni<Void> classRaised(long seq, UUID incidentId, Optional<FaultClass> from, FaultClass to, Text summary, Instant at) {
        if (from.isPresent() && !to.isMoreSevereThan(from.get())) {
            return none();
        }
        NoticeKind noticeKind = DECLARED.get(to);
        if (noticeKind == null) {
            return none();
        }
        Map<String, Text> params = new HashMap<>();
        params.put("summary", safe(summary));
        params.put("since", Text.plain(HHMM.format(at.atZone(settings.zone()))));
        params.put("boardLink", Text.plain(base() + "/board"));
        List<String> parties = playbooks.announcedFor(new Occurrence.ClassReached(at, to)).stream().map(Party::code).toList();
        return raiseAll(parties.stream().map(p -> new NoticeRequest(incidentId, noticeKind, p, params, "event|" + seq + "|" + p)).toList());
    }

    private Uni<Void> instructionsOf(UUID incidentId, long seq) {
        if (incidentId == null) {
            return none();
        }
        return instructions.forIncident(incidentId).chain(list -> {
            List<NoticeRequest> requests = new ArrayList<>();
            for (Instruction i : list) {
                if (i.eventSeq() != seq) {
                    continue;
                }
                Text party = Party.fromCode(i.party()).map(p -> new Text(p.zh(), p.en())).orElse(Text.plain(i.party()));
                Map<String, Text> params = new HashMap<>();
                params.put("department", party);
                params.put("clause", Text.plain(i.clause() == null ? "EP-6.1" : i.clause()));
                params.put("instruction", safe(new Text(i.zh(), i.en())));
                params.put("startAt", Text.plain(HHMM.format(i.issuedAt().atZone(settings.zone()))));
                NoticeKind kind = i.switchesToManual() ? NoticeKind.MANUAL_SWITCH : NoticeKind.INSTRUCTION;
                requests.add(new NoticeRequest(incidentId, kind, i.party(), params, "instruction|" + i.id(), "instruction:" + i.id()));
            }
            return raiseAll(requests);
        });
    }

    /** EP-5.2: the parties the ladder settings name for this step (besides the departments that switch). */
    private Uni<Void> ladderStep(UUID incidentId, long seq, IncidentEvent.LadderStepReached e) {
        Set<String> switching = e.switching().stream().map(Department::code).collect(Collectors.toSet());
        List<Department> sorted = e.switching().stream().sorted().toList();
        Map<String, Text> params = new HashMap<>();
        // the threshold in force (a holiday or a crowd may have moved it, EP-5.1)
        long minutes = e.threshold().toMinutes();
        params.put("threshold", minutes < 60 ? new Text(minutes + "分钟", minutes + " minutes")
                : new Text(minutes / 60 + "小时", minutes / 60 + " hours"));
        params.put("clause", Text.plain(e.step().clause()));
        params.put("departments", new Text(sorted.stream().map(Department::zh).collect(Collectors.joining("、")),
                sorted.stream().map(Department::en).collect(Collectors.joining(", "))));
        params.put("startAt", Text.plain(HHMM.format(e.at().atZone(settings.zone()))));
        params.put("boardLink", Text.plain(base() + "/board"));
        return raiseAll(e.notified().stream().map(Party::code).filter(code -> !switching.contains(code))
                .map(code -> new NoticeRequest(incidentId, NoticeKind.LADDER_STEP, code, params, "event|" + seq + "|" + code)).toList());
    }

    /**
     * EP-2.3, EP-8.2: the parties a due playbook step names ({@code notify:} in the playbook file) are told what the
     * step is and who leads it. The party that carries the step out already has it as an instruction; it is not
     * told twice.
     */
    private Uni<Void> stepNotified(UUID incidentId, long seq, IncidentEvent.StepDue e) {
        if (e.notified().isEmpty()) {
            return none();
        }
        String carrying = e.department().map(Department::code).orElse(e.owner().code());
        Map<String, Text> params = new HashMap<>();
        Text action = safe(words(e));
        params.put("action", action);
        params.put("step", new Text(shorten(action.zh(), 24), shorten(action.en(), 40)));
        params.put("clause", Text.plain(e.clause() == null ? "EP-2.3" : e.clause()));
        params.put("owner", new Text(e.owner().zh(), e.owner().en()));
        params.put("boardLink", Text.plain(base() + "/board"));
        List<NoticeRequest> requests = new ArrayList<>();
        for (Party party : e.notified()) {
            if (party.code().equals(carrying)) {
                continue;
            }
            Map<String, Text> own = new HashMap<>(params);
            own.put("party", new Text(party.zh(), party.en()));
            requests.add(new NoticeRequest(incidentId, NoticeKind.PLAYBOOK_STEP, party.code(), own, "event|" + seq + "|" + party.code()));
        }
        return raiseAll(requests);
    }

    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        int cut = s.codePointCount(0, s.length()) <= max ? s.length() : s.offsetByCodePoints(0, max);
        return cut == s.length() ? s : s.substring(0, cut) + "…";
    }

    /** EP-6.8: the system is back: whom the recovery playbook announces. */
    private Uni<Void> recovery(UUID incidentId, long seq, Instant at) {
        Map<String, Text> params = Map.of("recoveredAt", Text.plain(HHMM.format(at.atZone(settings.zone()))));
        return raiseAll(playbooks.announcedFor(new Occurrence.Recovered(at, Set.of())).stream().map(Party::code)
                .map(p -> new NoticeRequest(incidentId, NoticeKind.RECOVERY, p, params, "event|" + seq + "|" + p)).toList());
    }

    private Uni<Void> raiseAll(List<NoticeRequest> requests) {
        Uni<Void> chain = none();
        for (NoticeRequest r : requests) {
            chain = chain.chain(() -> raising.raise(r).replaceWithVoid());
        }
        return chain;
    }

    /** HR-12: a text that might carry patient data is replaced by a pointer to the board. */
    static Text safe(Text t) {
        if (PatientDataGuard.violations(t.zh()).isEmpty() && PatientDataGuard.violations(t.en()).isEmpty()) {
            return t;
        }
        return new Text("详情见故障看板", "see the incident board for details");
    }

    private String base() {
        return settings.publicBaseUrl().replaceAll("/+$", "");
    }
}
