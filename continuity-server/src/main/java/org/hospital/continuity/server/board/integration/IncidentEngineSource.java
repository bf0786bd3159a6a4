package org.hospital.continuity.server.board.integration;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hospital.continuity.server.board.app.IncidentPicture;
import org.hospital.continuity.server.board.app.IncidentSource;
import org.hospital.continuity.server.board.domain.Thresholds;
import org.hospital.continuity.server.incident.app.HandlingIncidents;
import org.hospital.continuity.server.incident.app.IncidentEventRelay;
import org.hospital.continuity.server.incident.persistence.IncidentStore.EventRow;
import org.hospital.continuity.server.incident.persistence.IncidentStore.IncidentRow;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.playbook.app.AnnouncingInstructions;
import org.hospital.continuity.server.playbook.persistence.InstructionStore.Instruction;

/**
 * The board's picture from the incident engine: the incident and its timeline and ladder
 * schedule (HandlingIncidents), the departments' modes and the acknowledgements of the instructions that set
 * them (AnnouncingInstructions). The board refreshes on every incident event (IncidentEventRelay).
 */
@ApplicationScoped
public class IncidentEngineSource implements IncidentSource {

    /** Events whose evidence says why the incident has its class now. */
    private static final List<String> GRADING = List.of("CLASS_CHANGED", "OVERRIDE_APPLIED", "OVERRIDE_SUPERSEDED", "OVERRIDE_LIFTED",
            "SCOPE_CHANGED");

    private final HandlingIncidents incidents;
    private final AnnouncingInstructions instructions;

    public IncidentEngineSource(HandlingIncidents incidents, AnnouncingInstructions instructions) {
        this.incidents = incidents;
        this.instructions = instructions;
    }

    @Override
    public Uni<Optional<IncidentPicture>> current() {
        return incidents.current().chain(open -> open != null ? Uni.createFrom().item(open)
                        : incidents.incidents(1).map(list -> list.isEmpty() ? null : list.get(0)))
                .chain(row -> row == null ? Uni.createFrom().item(Optional.<IncidentPicture>empty()) : byId(row.id()));
    }

    @Override
    public Uni<Optional<IncidentPicture>> byId(UUID id) {
        return incidents.view(id).onFailure(DomainRejection.class).recoverWithNull().chain(view -> {
            if (view == null) {
                return Uni.createFrom().item(Optional.<IncidentPicture>empty());
            }
            return instructions.modes().chain(modes -> instructions.forIncident(id).map(list -> {
                Map<UUID, Instruction> byId = list.stream().collect(Collectors.toMap(Instruction::id, Function.identity(), (a, b) -> a));
                boolean open = view.incident().closedAt() == null;
                List<IncidentPicture.DepartmentState> departments = modes.stream().map(d -> {
                    Instruction i = d.instructionId() == null ? null : byId.get(d.instructionId());
                    Instruction.Ack first = i == null || i.acks().isEmpty() ? null : i.acks().get(0);
                    return new IncidentPicture.DepartmentState(d.department(), d.nameZh(), d.nameEn(), d.mode().name(), d.mode().zh(),
                            d.mode().en(), d.since(), i == null ? null : i.id().toString(), first != null,
                            first == null ? null : first.personName(), first == null ? null : first.at());
                }).toList();
                return Optional.of(picture(view.incident(), view.timeline(), open ? view.schedule().stream()
                        .map(m -> new Thresholds.Milestone(m.step().name(), m.clause(), m.threshold(), m.dueAt())).toList() : List.of(),
                        departments));
            }));
        });
    }

    @Override
    public Uni<List<IncidentPicture>> recent(int limit) {
        return incidents.incidents(limit).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(List.<IncidentPicture>of());
            }
            return Uni.join().all(rows.stream().map(r -> byId(r.id())).toList()).andFailFast()
                    .map(list -> list.stream().flatMap(Optional::stream).toList());
        });
    }

    @Override
    public List<String> changeAddresses() {
        return List.of(IncidentEventRelay.ADDRESS);
    }

    static IncidentPicture picture(IncidentRow r, List<EventRow> timeline, List<Thresholds.Milestone> schedule,
                                   List<IncidentPicture.DepartmentState> departments) {
        List<IncidentPicture.Line> evidence = new ArrayList<>();
        for (int k = timeline.size() - 1; k >= 0 && evidence.isEmpty(); k--) {
            EventRow e = timeline.get(k);
            if (!GRADING.contains(e.kind())) {
                continue;
            }
            JsonArray lines = e.data() == null ? null : e.data().getJsonArray("evidence");
            if (lines != null && !lines.isEmpty()) {
                for (int j = 0; j < lines.size(); j++) {
                    JsonObject l = lines.getJsonObject(j);
                    evidence.add(new IncidentPicture.Line(l.getString("clause"), l.getString("zh"), l.getString("en")));
                }
            } else {
                evidence.add(new IncidentPicture.Line(e.clause(), e.zh(), e.en()));
            }
        }
        List<IncidentPicture.TimelineItem> items = timeline.stream()
                .map(e -> new IncidentPicture.TimelineItem(e.at(), e.kind(), e.clause(), e.zh(), e.en())).toList();
        return new IncidentPicture(r.id(), r.openedAt(), r.closedAt(), r.faultClass(), r.scope(), r.highestClass(), r.outageStart(),
                r.outageEndedAt(), evidence, schedule, departments, items);
    }
}
