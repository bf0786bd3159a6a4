package org.hospital.continuity.server.board.integration;

import io.smallrye.mutiny.Uni;
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
import org.hospital.continuity.server.incident.EngineClock;
import org.hospital.continuity.server.incident.Incidents;
import org.hospital.continuity.server.incident.IncidentEvent;
import org.hospital.continuity.server.incident.TimelineEvent;
import org.hospital.continuity.server.incident.Incident;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.incident.Instructions;
import org.hospital.continuity.server.incident.Instruction;

/**
 * The board's picture from the incident engine: the incident and its timeline and ladder
 * schedule (Incidents), the departments' modes and the acknowledgements of the instructions that set
 * them (Instructions). The board refreshes on every incident event (IncidentEventRelay).
 */
@ApplicationScoped
public class IncidentEngineSource implements IncidentSource {

    /** The evidence of a grading event (why the incident has its class now; empty when it names none); null for the others. */
    private static final IncidentEvent.Visitor<List<IncidentEvent.EvidenceLine>> GRADING = new IncidentEvent.Visitor<>() {
        @Override
        public List<IncidentEvent.EvidenceLine> otherwise(IncidentEvent event) {
            return null;
        }

        @Override
        public List<IncidentEvent.EvidenceLine> classChanged(IncidentEvent.ClassChanged e) {
            return e.evidence();
        }

        @Override
        public List<IncidentEvent.EvidenceLine> scopeChanged(IncidentEvent.ScopeChanged e) {
            return e.evidence();
        }

        @Override
        public List<IncidentEvent.EvidenceLine> overrideApplied(IncidentEvent.OverrideApplied e) {
            return List.of();
        }

        @Override
        public List<IncidentEvent.EvidenceLine> overrideLifted(IncidentEvent.OverrideLifted e) {
            return List.of();
        }

        @Override
        public List<IncidentEvent.EvidenceLine> overrideSuperseded(IncidentEvent.OverrideSuperseded e) {
            return e.evidence();
        }
    };

    private final Incidents incidents;
    private final Instructions instructions;
    private final EngineClock engineClock;

    public IncidentEngineSource(Incidents incidents, Instructions instructions, EngineClock engineClock) {
        this.incidents = incidents;
        this.instructions = instructions;
        this.engineClock = engineClock;
    }

    @Override
    public java.time.Instant engineNow(java.time.Instant realNow) {
        return engineClock.instant();
    }

    @Override
    public java.time.Instant onEngineClock(java.time.Instant real) {
        return engineClock.onThisClock(real);
    }

    @Override
    public int engineRate() {
        return engineClock.rate();
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
    public Uni<List<IncidentPicture>> open() {
        return incidents.open().chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(List.<IncidentPicture>of());
            }
            return Uni.join().all(rows.stream().map(r -> byId(r.id())).toList()).andFailFast()
                    .map(list -> list.stream().flatMap(Optional::stream).toList());
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
        return List.of(TimelineEvent.ADDRESS);
    }

    static IncidentPicture picture(Incident r, List<TimelineEvent> timeline, List<Thresholds.Milestone> schedule,
                                   List<IncidentPicture.DepartmentState> departments) {
        List<IncidentPicture.Line> evidence = new ArrayList<>();
        for (int k = timeline.size() - 1; k >= 0 && evidence.isEmpty(); k--) {
            IncidentEvent e = timeline.get(k).event();
            List<IncidentEvent.EvidenceLine> lines = e.accept(GRADING);
            if (lines == null) {
                continue;
            }
            if (!lines.isEmpty()) {
                lines.forEach(l -> evidence.add(new IncidentPicture.Line(l.clause(), l.line().zh(), l.line().en())));
            } else {
                evidence.add(new IncidentPicture.Line(e.clause(), e.summary().zh(), e.summary().en()));
            }
        }
        List<IncidentPicture.TimelineItem> items = timeline.stream()
                .map(e -> new IncidentPicture.TimelineItem(e.event().at(), e.kind(), e.event().clause(), e.event().summary().zh(),
                        e.event().summary().en())).toList();
        return new IncidentPicture(r.id(), r.openedAt(), r.closedAt(), r.faultClass(), r.scope(), r.highestClass(), r.outageStart(),
                r.outageEndedAt(), evidence, schedule, departments, items, r.number(), r.areasDown());
    }
}
