package org.hospital.continuity.server.directory;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.platform.persistence.Tx;
import org.hospital.continuity.server.platform.security.StaffRole;

/**
 * The hospital's people and departments (EP-2, EP-9.1) and who is on duty now (HR-15), for the features that
 * act on people: accounts, instructions, kiosks and notifications. The directory keeps its rows with Hibernate
 * Reactive: every call but {@link #addPerson} runs in a session of its own, so call it before opening a transaction
 * on the SQL client, never while holding one (two connections per request could exhaust the pool).
 */
public interface People {

    /** A person, or null. */
    Uni<Person> person(UUID id);

    /** These people (those found), with their roles and channels. */
    Uni<List<Person>> byIds(Collection<UUID> ids);

    /**
     * A new person in the caller's transaction on the reactive SQL client: the initial administrator, seeded from
     * configuration with its account and audit entry (HR-8), all or nothing.
     */
    Uni<Void> addPerson(Tx tx, UUID id, String name, String departmentCode, Set<StaffRole> roles, Instant now);

    /** A department by its code, or null. */
    Uni<Department> department(String code);

    /** Every department of the directory, by code. */
    Uni<List<Department>> departments();

    /** The people of a department (all departments when null). */
    Uni<List<Person>> people(String departmentCode);

    /** The people of the departments whose area (a playbooks party code) is {@code area}. */
    Uni<List<Person>> peopleOfArea(String area);

    /** The people holding a duty post now. */
    Uni<List<Person>> onDutyNow();
}
