package org.hospital.continuity.server.directory;

import org.hospital.continuity.server.platform.security.StaffRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A member of staff in the directory (EP-2): name, department, roles, contact channels. */
public record Person(UUID id, String name, String departmentCode, Set<StaffRole> roles, boolean active,
                     List<Contact> contacts, Instant createdAt) {

    /** One contact channel with the day it was last confirmed (EP-9.1). */
    public record Contact(UUID id, ContactKind kind, String address, LocalDate lastConfirmedOn) {
    }

    public boolean holds(StaffRole role) {
        return roles.contains(role);
    }
}
