package org.hospital.continuity.server.directory;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.platform.persistence.Tx;
import org.hospital.continuity.server.platform.security.StaffRole;

/**
 * The hospital's people and departments (EP-2, EP-9.1) and who is on duty now (HR-15), for the features that
 * act on people: accounts, instructions, kiosks and notifications. Calls that take a {@link Tx} join the
 * caller's transaction (an account is created with the check that its person exists).
 */
public interface People {

    /** A person, or null. */
    Uni<Person> person(Tx tx, UUID id);

    /** A new person (the initial administrator seeded from configuration). */
    Uni<Void> addPerson(Tx tx, UUID id, String name, String departmentCode, Set<StaffRole> roles, Instant now);

    /** A department by its code, or null. */
    Uni<Department> department(Tx tx, String code);

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
