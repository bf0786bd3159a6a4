package org.hospital.continuity.server.directory.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hospital.continuity.server.directory.ContactKind;
import org.hospital.continuity.server.directory.Person;

/** A row of {@code contact_channel} (V0200): one way to reach a person, with the day it was last confirmed (EP-9.1). */
@Entity
@Table(name = "contact_channel")
public class ContactChannelEntity {

    @Id
    public UUID id;
    @Column(name = "person_id", nullable = false)
    public UUID personId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactKind kind;
    @Column(nullable = false)
    public String address;
    @Column(name = "last_confirmed_on", nullable = false)
    public LocalDate lastConfirmedOn;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    Person.Contact toRecord() {
        return new Person.Contact(id, kind, address, lastConfirmedOn);
    }
}
