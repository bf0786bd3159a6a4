package org.hospital.continuity.server.directory.app;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import org.hospital.continuity.server.directory.DirectoryConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.directory.domain.DutyPost;
import org.hospital.continuity.server.directory.domain.Handover;
import org.hospital.continuity.server.directory.Person;
import org.hospital.continuity.server.directory.domain.Shift;
import org.hospital.continuity.server.directory.domain.ShiftKind;
import org.hospital.continuity.server.platform.security.StaffRole;
import org.hospital.continuity.server.directory.persistence.PersonRepository;
import org.hospital.continuity.server.directory.persistence.ShiftRepository;
import org.hospital.continuity.server.platform.api.DomainRejection;

/** HR-15..17: the IT duty roster, handovers, and who is on duty now. */
@ApplicationScoped
public class RunningTheRoster {

    /** Someone on duty now, with the channels to reach them (HR-17: failures are handled at once). */
    public record OnDuty(Shift shift, Person person) {
    }

    private final ShiftRepository shifts;
    private final PersonRepository people;
    private final InstantSource clock;
    private final DirectoryConfig config;

    public RunningTheRoster(ShiftRepository shifts, PersonRepository people, InstantSource clock, DirectoryConfig config) {
        this.shifts = shifts;
        this.people = people;
        this.clock = clock;
        this.config = config;
    }

    @WithTransaction
    public Uni<Shift> addShift(DutyPost post, UUID personId, ShiftKind kind, Instant start, Instant end) {
        var misfit = kind.misfit(start, end, config.zone());
        if (misfit.isPresent()) {
            return Uni.createFrom().failure(new DomainRejection(422, "shift-outside-pattern", "HR-15", misfit.get()));
        }
        UUID id = UUID.randomUUID();
        return people.person(personId).chain(p -> {
            if (p == null) {
                return Uni.createFrom().failure(DomainRejection.notFound("Person " + personId));
            }
            if (!p.active() || !(p.holds(StaffRole.IT_DUTY) || p.holds(StaffRole.IT_ADMIN))) {
                return Uni.createFrom().failure(DomainRejection.conflict("not-it-staff", "HR-15",
                        "Only active IT staff hold IT duty posts."));
            }
            // one holder per post at a time; the advisory lock keeps two instances from racing past the check
            return shifts.lockPost(post)
                    .chain(() -> shifts.overlapping(post, start, end)).chain(overlap -> {
                        if (!overlap.isEmpty()) {
                            return Uni.createFrom().failure(DomainRejection.conflict("post-already-held", "HR-15",
                                    "The post " + post + " is already held by someone in that time."));
                        }
                        return shifts.add(id, post, personId, kind, start, end, clock.instant())
                                .chain(() -> shifts.shift(id));
                    });
        }).invoke(s -> Log.infof("shift added id=%s post=%s", s.id(), s.post()));
    }

    public Uni<List<Shift>> shifts(Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).toDays() > 62) {
            return Uni.createFrom().failure(new DomainRejection(422, "bad-range", null, "Ask for at most 62 days, with from before to."));
        }
        return shifts.shifts(from, to);
    }

    /** "Who is on duty now" as one query, with each person's contacts. */
    public Uni<List<OnDuty>> onDutyNow() {
        Instant now = clock.instant();
        return shifts.shifts(now, now.plusNanos(1000)).chain(current -> current.isEmpty() ? Uni.createFrom().item(List.<OnDuty>of())
                : people.byIds(current.stream().map(Shift::personId).toList()).map(found -> {
                    java.util.Map<UUID, Person> byId = new java.util.HashMap<>();
                    found.forEach(p -> byId.put(p.id(), p));
                    return current.stream().map(s -> new OnDuty(s, byId.get(s.personId()))).toList();
                }));
    }

    /** HR-16: the holder of a shift (or an IT administrator) records its handover. */
    @WithTransaction
    public Uni<Handover> recordHandover(UUID shiftId, UUID recorderPersonId, boolean recorderIsAdmin, String workDone, String openProblems) {
        UUID id = UUID.randomUUID();
        return shifts.shift(shiftId).chain(s -> {
            if (s == null) {
                return Uni.createFrom().failure(DomainRejection.notFound("Shift " + shiftId));
            }
            if (!recorderIsAdmin && !s.personId().equals(recorderPersonId)) {
                return Uni.createFrom().failure(new DomainRejection(403, "not-your-shift", "HR-16",
                        "Only the person on this shift records its handover."));
            }
            return shifts.addHandover(id, shiftId, recorderPersonId, workDone, openProblems, clock.instant())
                    .chain(() -> shifts.handovers(shiftId))
                    .map(list -> list.stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow());
        });
    }

    public Uni<List<Handover>> handovers(UUID shiftId) {
        return shifts.shift(shiftId).onItem().ifNull().failWith(() -> DomainRejection.notFound("Shift " + shiftId))
                .chain(s -> shifts.handovers(shiftId));
    }
}
