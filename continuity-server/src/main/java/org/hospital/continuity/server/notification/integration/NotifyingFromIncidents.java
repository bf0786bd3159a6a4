package org.hospital.continuity.server.notification.integration;

import io.quarkus.logging.Log;
import io.quarkus.vertx.ConsumeEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.ladder.LadderStep;
import org.hospital.continuity.server.incident.app.RunningTheIncidentEngine;
import org.hospital.continuity.playbooks.party.Party;
import org.hospital.continuity.server.incident.app.IncidentEventRelay;
import org.hospital.continuity.server.notification.app.NoticeRequest;
import org.hospital.continuity.server.notification.app.NotificationSettings;
import org.hospital.continuity.server.notification.app.RaisingNotification;
import org.hospital.continuity.server.notification.domain.NoticeKind;
import org.hospital.continuity.server.notification.domain.PatientDataGuard;
import org.hospital.continuity.server.notification.domain.Text;
import org.hospital.continuity.server.notification.persistence.NotificationStore;
import org.hospital.continuity.server.playbook.app.AnnouncingInstructions;
import org.hospital.continuity.server.playbook.persistence.InstructionStore.Instruction;

/**
 * Turns the incident engine's timeline events (on the event bus) into notifications:
 * <ul>
 *   <li>graded Class I (EP-4.1/4.5, EP-5.1): the leadership group and IT on duty;</li>
 *   <li>graded Class II (EP-4.2/4.6): IT on duty; an insurance fault (EP-4.4/4.8): finance, insurance office,
 *       outpatient office; Class III (EP-4.7) is the system administrator's own work: nobody is called;</li>
 *   <li>a ladder step reached (EP-5.2): the parties the playbooks' ladder settings name for it (leadership group,
 *       the coordinating offices …), besides the departments that switch;</li>
 *   <li>every instruction the engine announced (ladder steps to the departments concerned, EP-5.2/6.1; restart
 *       and back-entry, EP-6.8; playbook steps): its party, until the party acknowledges it;</li>
 *   <li>the outage ended (EP-6.8): everybody (all departments and the leadership group);</li>
 *   <li>the incident closed: escalation of its notices stops.</li>
 * </ul>
 * Every instance's relay publishes every event, so each notice has a dedupe key: it is raised once.
 */
@ApplicationScoped
public class NotifyingFromIncidents {

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final RaisingNotification raising;
    private final AnnouncingInstructions instructions;
    private final NotificationStore store;
    private final NotificationSettings settings;
    private final RunningTheIncidentEngine engine;

    public NotifyingFromIncidents(RaisingNotification raising, AnnouncingInstructions instructions, NotificationStore store,
                                  NotificationSettings settings, RunningTheIncidentEngine engine) {
        this.engine = engine;
        this.raising = raising;
        this.instructions = instructions;
        this.store = store;
        this.settings = settings;
    }

    @ConsumeEvent(IncidentEventRelay.ADDRESS)
    public Uni<Void> on(JsonObject event) {
        return handle(event).onFailure().invoke(e -> Log.errorf(e, "notifying for incident event seq=%s kind=%s failed",
                event.getValue("seq"), event.getString("kind"))).onFailure().recoverWithNull().replaceWithVoid();
    }

    Uni<Void> handle(JsonObject e) {
        String kind = e.getString("kind");
        String incident = e.getString("incidentId");
        UUID incidentId = incident == null ? null : UUID.fromString(incident);
        long seq = e.getLong("seq");
        JsonObject data = e.getJsonObject("data", new JsonObject());
        Instant at = Instant.parse(e.getString("at"));
        switch (kind) {
            case "CLASS_CHANGED":
            case "OVERRIDE_APPLIED":
            case "OVERRIDE_SUPERSEDED":
                return classChanged(incidentId, seq, data, e, at);
            case "LADDER_STEP_REACHED":
                return instructionsOf(incidentId, seq, at).chain(() -> ladderStep(incidentId, seq, data, at));
            case "STEP_DUE":
                return instructionsOf(incidentId, seq, at).chain(() -> stepNotified(incidentId, seq, data, e));
            case "MANUAL_MODE_GRANTED":
            case "MANUAL_MODE_ENDED":
                return instructionsOf(incidentId, seq, at);
            case "OUTAGE_ENDED":
                return recovery(incidentId, seq, at);
            case "INSTRUCTION_ACKNOWLEDGED":
                return Uni.createFrom().voidItem(); // escalation checks the instruction itself (InstructionAcknowledgements)
            case "INCIDENT_CLOSED":
                return incidentId == null ? Uni.createFrom().voidItem()
                        : store.closeForIncident(incidentId, at, "incident closed").replaceWithVoid();
            default:
                return Uni.createFrom().voidItem();
        }
    }

    private Uni<Void> classChanged(UUID incidentId, long seq, JsonObject data, JsonObject e, Instant at) {
        FaultClass to = parse(data.getString("to"));
        FaultClass from = parse(data.getString("from"));
        if (to == null || (from != null && !to.isMoreSevereThan(from))) {
            return Uni.createFrom().voidItem(); // only a raise calls people in; a lowered class shows on the board
        }
        Map<String, Text> params = new HashMap<>();
        params.put("summary", safe(summary(e, data)));
        params.put("since", Text.plain(HHMM.format(at.atZone(settings.zone()))));
        params.put("boardLink", Text.plain(base() + "/board"));
        List<String> parties;
        NoticeKind noticeKind;
        switch (to) {
            case CLASS_I -> {
                noticeKind = NoticeKind.CLASS_I_DECLARED;
                parties = List.of("LEADERSHIP_GROUP", "IT_ON_DUTY");
            }
            case CLASS_II -> {
                noticeKind = NoticeKind.CLASS_II_DECLARED;
                parties = List.of("IT_ON_DUTY");
            }
            case INSURANCE -> {
                noticeKind = NoticeKind.INSURANCE_FAULT;
                parties = List.of("FINANCE", "INSURANCE_OFFICE", "OUTPATIENT_OFFICE");
            }
            default -> {
                return Uni.createFrom().voidItem();
            }
        }
        return raiseAll(parties.stream().map(p -> new NoticeRequest(incidentId, noticeKind, p, params, "event|" + seq + "|" + p)).toList());
    }

    private Uni<Void> instructionsOf(UUID incidentId, long seq, Instant at) {
        if (incidentId == null) {
            return Uni.createFrom().voidItem();
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
                NoticeKind kind = "SWITCH_TO_MANUAL".equals(i.kind()) ? NoticeKind.MANUAL_SWITCH : NoticeKind.INSTRUCTION;
                requests.add(new NoticeRequest(incidentId, kind, i.party(), params, "instruction|" + i.id(), "instruction:" + i.id()));
            }
            return raiseAll(requests);
        });
    }

    /** EP-5.2: the parties the playbooks' ladder settings name for this step (besides the departments that switch). */
    private Uni<Void> ladderStep(UUID incidentId, long seq, JsonObject data, Instant at) {
        LadderStep step;
        try {
            step = LadderStep.valueOf(data.getString("step", ""));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().voidItem();
        }
        return engine.state().chain(state -> {
            List<Party> parties = engine.engine().settings().ladder().notifyAt(step, state.modifiers());
            List<String> switching = data.getJsonArray("switching", new JsonArray()).stream().map(Object::toString).toList();
            Map<String, Text> params = new HashMap<>();
            // the threshold in force (a holiday or a crowd may have moved it, EP-5.1), else the plan's
            long minutes = java.util.Optional.ofNullable(data.getString("threshold")).map(java.time.Duration::parse)
                    .orElse(step.planThreshold()).toMinutes();
            params.put("threshold", minutes < 60 ? new Text(minutes + "分钟", minutes + " minutes")
                    : new Text(minutes / 60 + "小时", minutes / 60 + " hours"));
            params.put("clause", Text.plain(step.clause()));
            params.put("departments", new Text(
                    switching.stream().map(c -> Party.fromCode(c).map(Party::zh).orElse(c)).collect(java.util.stream.Collectors.joining("、")),
                    switching.stream().map(c -> Party.fromCode(c).map(Party::en).orElse(c)).collect(java.util.stream.Collectors.joining(", "))));
            params.put("startAt", Text.plain(HHMM.format(at.atZone(settings.zone()))));
            params.put("boardLink", Text.plain(base() + "/board"));
            return raiseAll(parties.stream().map(Party::code).filter(code -> !switching.contains(code))
                    .map(code -> new NoticeRequest(incidentId, NoticeKind.LADDER_STEP, code, params, "event|" + seq + "|" + code)).toList());
        });
    }

    /**
     * EP-2.3, EP-8.2: the parties a due playbook step names ({@code notify:} in the playbook file) are told what the
     * step is and who leads it. The party that carries the step out already has it as an instruction; it is not
     * told twice.
     */
    private Uni<Void> stepNotified(UUID incidentId, long seq, JsonObject data, JsonObject e) {
        JsonArray notify = data.getJsonArray("notify", new JsonArray());
        if (notify.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String owner = data.getString("owner");
        String carrying = data.getString("department", owner);
        Map<String, Text> params = new HashMap<>();
        Text action = safe(new Text(e.getString("zh", ""), e.getString("en", "")));
        params.put("action", action);
        params.put("step", new Text(shorten(action.zh(), 24), shorten(action.en(), 40)));
        params.put("clause", Text.plain(e.getString("clause") == null ? "EP-2.3" : e.getString("clause")));
        params.put("owner", partyName(owner));
        params.put("boardLink", Text.plain(base() + "/board"));
        List<NoticeRequest> requests = new ArrayList<>();
        for (Object code : notify) {
            String party = code.toString();
            if (party.equals(carrying) || Party.fromCode(party).isEmpty()) {
                continue;
            }
            Map<String, Text> own = new HashMap<>(params);
            own.put("party", partyName(party));
            requests.add(new NoticeRequest(incidentId, NoticeKind.PLAYBOOK_STEP, party, own, "event|" + seq + "|" + party));
        }
        return raiseAll(requests);
    }

    private static Text partyName(String code) {
        if (code == null) {
            return new Text("信息科", "IT");
        }
        return Party.fromCode(code).map(p -> new Text(p.zh(), p.en())).orElse(Text.plain(code));
    }

    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        int cut = s.codePointCount(0, s.length()) <= max ? s.length() : s.offsetByCodePoints(0, max);
        return cut == s.length() ? s : s.substring(0, cut) + "…";
    }

    private Uni<Void> recovery(UUID incidentId, long seq, Instant at) {
        Map<String, Text> params = Map.of("recoveredAt", Text.plain(HHMM.format(at.atZone(settings.zone()))));
        return raiseAll(List.of("ALL_DEPARTMENTS", "LEADERSHIP_GROUP", "IT_DEPARTMENT").stream()
                .map(p -> new NoticeRequest(incidentId, NoticeKind.RECOVERY, p, params, "event|" + seq + "|" + p)).toList());
    }

    private Uni<Void> raiseAll(List<NoticeRequest> requests) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (NoticeRequest r : requests) {
            chain = chain.chain(() -> raising.raise(r).replaceWithVoid());
        }
        return chain;
    }

    private static Text summary(JsonObject e, JsonObject data) {
        JsonArray evidence = data.getJsonArray("evidence");
        if (evidence != null && !evidence.isEmpty()) {
            JsonObject first = evidence.getJsonObject(0);
            return new Text(first.getString("zh", e.getString("zh")), first.getString("en", e.getString("en")));
        }
        return new Text(e.getString("zh", ""), e.getString("en", ""));
    }

    /** HR-12: a text that might carry patient data is replaced by a pointer to the board. */
    static Text safe(Text t) {
        if (PatientDataGuard.violations(t.zh()).isEmpty() && PatientDataGuard.violations(t.en()).isEmpty()) {
            return t;
        }
        return new Text("详情见故障看板", "see the incident board for details");
    }

    private static FaultClass parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return FaultClass.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String base() {
        return settings.publicBaseUrl().replaceAll("/+$", "");
    }
}
