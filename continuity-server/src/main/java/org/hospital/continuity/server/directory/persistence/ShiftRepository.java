package org.hospital.continuity.server.directory.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.directory.domain.DutyPost;
import org.hospital.continuity.server.directory.domain.Handover;
import org.hospital.continuity.server.directory.domain.Shift;
import org.hospital.continuity.server.directory.domain.ShiftKind;
import org.hospital.continuity.server.platform.persistence.Locks;
import org.hospital.continuity.server.platform.persistence.Sql;

/** The IT duty roster (HR-15) and the shifts' handovers (HR-16), with the names of the people on them. */
@ApplicationScoped
@WithSession
public class ShiftRepository implements PanacheRepositoryBase<DutyShiftEntity, UUID> {

    private final PersonRepository people;
    private final HandoverRepository handovers;

    public ShiftRepository(PersonRepository people, HandoverRepository handovers) {
        this.people = people;
        this.handovers = handovers;
    }

    /** Holds the post's lock until the transaction ends: two instances never both pass the overlap check. */
    public Uni<Void> lockPost(DutyPost post) {
        return Locks.exclusive(0x5245L * 100 + post.ordinal());
    }

    public Uni<Void> add(UUID id, DutyPost post, UUID personId, ShiftKind kind, Instant start, Instant end, Instant now) {
        DutyShiftEntity s = new DutyShiftEntity();
        s.id = id;
        s.post = post;
        s.personId = personId;
        s.kind = kind;
        s.startsAt = Sql.stored(start);
        s.endsAt = Sql.stored(end);
        s.createdAt = Sql.stored(now);
        return persistAndFlush(s).replaceWithVoid();
    }

    /** A shift, or null. */
    public Uni<Shift> shift(UUID id) {
        return findById(id).chain(s -> s == null ? Uni.createFrom().nullItem() : named(List.of(s)).map(l -> l.get(0)));
    }

    /** Shifts overlapping [from, to), by start. */
    public Uni<List<Shift>> shifts(Instant from, Instant to) {
        return list("startsAt < ?2 and endsAt > ?1 order by startsAt, post", from, to).chain(this::named);
    }

    /** Shifts of one post overlapping [from, to): a post is held by one person at a time. */
    public Uni<List<Shift>> overlapping(DutyPost post, Instant from, Instant to) {
        return list("post = ?1 and startsAt < ?3 and endsAt > ?2", post, from, to).chain(this::named);
    }

    public Uni<Void> addHandover(UUID id, UUID shiftId, UUID personId, String workDone, String openProblems, Instant now) {
        return handovers.add(id, shiftId, personId, workDone, openProblems, now);
    }

    /** A shift's handovers, oldest first. */
    public Uni<List<Handover>> handovers(UUID shiftId) {
        return handovers.list("shiftId = ?1 order by recordedAt", shiftId).chain(hs -> people.names(hs.stream().map(h -> h.recordedBy).toList())
                .map(names -> hs.stream().map(h -> h.toRecord(names.get(h.recordedBy))).toList()));
    }

    private Uni<List<Shift>> named(List<DutyShiftEntity> shifts) {
        return people.names(shifts.stream().map(s -> s.personId).toList())
                .map(names -> shifts.stream().map(s -> s.toRecord(names.get(s.personId))).toList());
    }
}
