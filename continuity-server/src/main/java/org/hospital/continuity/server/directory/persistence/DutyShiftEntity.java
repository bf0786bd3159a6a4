package org.hospital.continuity.server.directory.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hospital.continuity.server.directory.domain.DutyPost;
import org.hospital.continuity.server.directory.domain.Shift;
import org.hospital.continuity.server.directory.domain.ShiftKind;

/** A row of {@code duty_shift} (V0200): who holds a duty post from when to when (HR-15). */
@Entity
@Table(name = "duty_shift")
public class DutyShiftEntity {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DutyPost post;
    @Column(name = "person_id", nullable = false)
    public UUID personId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShiftKind kind;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    Shift toRecord(String personName) {
        return new Shift(id, post, personId, personName, kind, startsAt, endsAt);
    }
}
