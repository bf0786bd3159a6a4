package org.hospital.continuity.server.incident;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.platform.security.Staff;

/**
 * The instructions an incident announces (EP-6.1) and the departments' modes they set: what kiosks relay,
 * the board shows and notifications call people about. Refusals are {@code DomainRejection}s (404, 403, 409).
 */
public interface Instructions {

    /** A party's instructions, newest first; only unacknowledged ones if asked. 404 for an unknown party. */
    Uni<List<Instruction>> forParty(String party, boolean onlyOpen, int limit);

    /**
     * A department's instructions at a place (a building/floor/ward path, null when not known), newest first:
     * the hospital-wide ones and those of an area cut off that covers the place (EP-4.1 局部网络不通, EP-5.2). 404
     * for an unknown party.
     */
    Uni<List<Instruction>> forPartyAt(String party, String place, boolean onlyOpen, int limit);

    /** 404 when there is none. */
    Uni<Instruction> get(UUID id);

    Uni<List<Instruction>> forIncident(UUID incident);

    /**
     * EP-6.1: true when this server issued an instruction with this id (when given) and this short number (when given; both
     * must be the same instruction's). A kiosk's downtime entry that cites one it never issued is an integrity flag.
     */
    Uni<Boolean> issued(UUID id, Long number);

    /** EP-6.1: instructions nobody acknowledged for longer than {@code olderThan}. */
    Uni<List<Instruction>> unacknowledged(Duration olderThan);

    /** Every department's mode now. */
    Uni<List<DepartmentState>> modes();

    /** A named person of the party acknowledges (EP-6.1); 403 for another department, 409 when done already. */
    default Uni<Instruction> acknowledge(UUID id, Staff staff) {
        return acknowledge(id, staff, null);
    }

    /**
     * As {@link #acknowledge(UUID, Staff)}, given at {@code at} (null: now): a kiosk that could not reach the server
     * delivers the acknowledgement later with the time it was given (kept between the announcement and now).
     */
    Uni<Instruction> acknowledge(UUID id, Staff staff, java.time.Instant at);

    /** EP-8.4: a department's back-entry is done; it is told to return to normal operation. */
    Uni<Instruction> announceBackToNormal(String department, Staff staff);
}
