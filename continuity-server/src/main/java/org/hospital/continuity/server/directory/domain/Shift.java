package org.hospital.continuity.server.directory.domain;

import java.time.Instant;
import java.util.UUID;

/** HR-15: one person holds one duty post from start to end. */
public record Shift(UUID id, DutyPost post, UUID personId, String personName, ShiftKind kind, Instant startsAt, Instant endsAt) {

    public boolean covers(Instant t) {
        return !t.isBefore(startsAt) && t.isBefore(endsAt);
    }
}
