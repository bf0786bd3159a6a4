package org.hospital.continuity.server.notification.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code notification_preference} (V0600): the language a person chose for their notices. */
@Entity
@Table(name = "notification_preference")
public class NotificationPreferenceEntity {

    @Id
    @Column(name = "person_id")
    public String personId;
    /** A language tag ({@code zh-CN}, {@code en}). */
    @Column(nullable = false)
    public String language;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
