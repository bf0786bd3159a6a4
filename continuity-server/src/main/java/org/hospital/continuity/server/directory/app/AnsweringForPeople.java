package org.hospital.continuity.server.directory.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.directory.Department;
import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.directory.Person;
import org.hospital.continuity.server.directory.persistence.DepartmentRepository;
import org.hospital.continuity.server.directory.persistence.PersonRepository;
import org.hospital.continuity.server.directory.persistence.PersonRows;
import org.hospital.continuity.server.platform.persistence.SessionContext;
import org.hospital.continuity.server.platform.persistence.Tx;
import org.hospital.continuity.server.platform.security.StaffRole;

/**
 * The directory's answer to {@link People}, from its own tables and the roster. Other features call it from request
 * handlers, jobs, timers and worker threads, so each call runs on a session context of its own.
 */
@ApplicationScoped
public class AnsweringForPeople implements People {

    private final PersonRepository people;
    private final DepartmentRepository departments;
    private final PersonRows rows;
    private final RunningTheRoster roster;

    public AnsweringForPeople(PersonRepository people, DepartmentRepository departments, PersonRows rows, RunningTheRoster roster) {
        this.people = people;
        this.departments = departments;
        this.rows = rows;
        this.roster = roster;
    }

    @Override
    public Uni<Person> person(UUID id) {
        return SessionContext.call(() -> people.person(id));
    }

    @Override
    public Uni<List<Person>> byIds(Collection<UUID> ids) {
        return SessionContext.call(() -> people.byIds(ids));
    }

    @Override
    public Uni<Void> addPerson(Tx tx, UUID id, String name, String departmentCode, Set<StaffRole> roles, Instant now) {
        return rows.add(tx, id, name, departmentCode, roles, now);
    }

    @Override
    public Uni<Department> department(String code) {
        return SessionContext.call(() -> departments.department(code));
    }

    @Override
    public Uni<List<Department>> departments() {
        return SessionContext.call(departments::departments);
    }

    @Override
    public Uni<List<Person>> people(String departmentCode) {
        return SessionContext.call(() -> people.people(departmentCode));
    }

    @Override
    public Uni<List<Person>> peopleOfArea(String area) {
        return SessionContext.call(() -> people.peopleOfArea(area));
    }

    @Override
    public Uni<List<Person>> onDutyNow() {
        return SessionContext.call(roster::onDutyNow)
                .map(list -> list.stream().map(RunningTheRoster.OnDuty::person).filter(Objects::nonNull).toList());
    }
}
