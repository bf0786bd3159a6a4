package org.hospital.continuity.server.directory.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hospital.continuity.server.directory.Person;
import org.hospital.continuity.server.platform.security.StaffRole;

/** A row of {@code person} (V0200); its roles are a comma-separated list of {@link StaffRole} codes. */
@Entity
@Table(name = "person")
public class PersonEntity {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(name = "department_code", nullable = false)
    public String departmentCode;
    @Column(nullable = false)
    public String roles;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    Person toRecord(List<Person.Contact> contacts) {
        return new Person(id, name, departmentCode, StaffRole.fromCsv(roles), active, List.copyOf(contacts), createdAt);
    }
}
