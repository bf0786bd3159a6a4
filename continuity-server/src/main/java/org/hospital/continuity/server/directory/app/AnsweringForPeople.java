package org.hospital.continuity.server.directory.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.directory.Department;
import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.directory.Person;
import org.hospital.continuity.server.directory.persistence.DirectoryStore;
import org.hospital.continuity.server.platform.persistence.Tx;
import org.hospital.continuity.server.platform.security.StaffRole;

/** The directory's answer to {@link People}, from its own tables and the roster. */
@ApplicationScoped
public class AnsweringForPeople implements People {

    private final DirectoryStore store;
    private final RunningTheRoster roster;

    public AnsweringForPeople(DirectoryStore store, RunningTheRoster roster) {
        this.store = store;
        this.roster = roster;
    }

    @Override
    public Uni<Person> person(Tx tx, UUID id) {
        return store.person(tx, id);
    }

    @Override
    public Uni<Void> addPerson(Tx tx, UUID id, String name, String departmentCode, Set<StaffRole> roles, Instant now) {
        return store.addPerson(tx, id, name, departmentCode, roles, now);
    }

    @Override
    public Uni<Department> department(Tx tx, String code) {
        return store.department(tx, code);
    }

    @Override
    public Uni<Department> department(String code) {
        return store.department(store.pool(), code);
    }

    @Override
    public Uni<List<Department>> departments() {
        return store.departments(store.pool());
    }

    @Override
    public Uni<List<Person>> people(String departmentCode) {
        return store.people(store.pool(), departmentCode);
    }

    @Override
    public Uni<List<Person>> peopleOfArea(String area) {
        return store.peopleOfArea(store.pool(), area);
    }

    @Override
    public Uni<List<Person>> onDutyNow() {
        return roster.onDutyNow().map(list -> list.stream().map(RunningTheRoster.OnDuty::person).filter(Objects::nonNull).toList());
    }
}
