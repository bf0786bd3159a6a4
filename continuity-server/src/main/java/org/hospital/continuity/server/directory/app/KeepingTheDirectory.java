package org.hospital.continuity.server.directory.app;

import org.hospital.continuity.server.directory.DirectoryConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.directory.ContactKind;
import org.hospital.continuity.server.directory.Department;
import org.hospital.continuity.server.directory.Person;
import org.hospital.continuity.server.platform.security.StaffRole;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import org.hospital.continuity.server.directory.persistence.DepartmentRepository;
import org.hospital.continuity.server.directory.persistence.PersonRepository;
import org.hospital.continuity.server.platform.api.DomainRejection;

/** EP-2, EP-9.1, HR-1: departments, people with roles, contact channels kept current. */
@ApplicationScoped
public class KeepingTheDirectory {

    /** A contact channel as entered. */
    public record NewContact(ContactKind kind, String address, LocalDate lastConfirmedOn) {
    }

    private final DepartmentRepository departments;
    private final PersonRepository people;
    private final InstantSource clock;
    private final DirectoryConfig config;
    private final AreaCodes areas;

    public KeepingTheDirectory(DepartmentRepository departments, PersonRepository people, InstantSource clock, DirectoryConfig config,
                               AreaCodes areas) {
        this.departments = departments;
        this.people = people;
        this.clock = clock;
        this.config = config;
        this.areas = areas;
    }

    public LocalDate today() {
        return clock.instant().atZone(config.zone()).toLocalDate();
    }

    public boolean isStale(LocalDate lastConfirmed, LocalDate today) {
        return new org.hospital.continuity.server.directory.domain.ContactFreshness(config.contactConfirmEvery()).isStale(lastConfirmed, today);
    }

    public Uni<List<Department>> departments() {
        return departments.departments();
    }

    public Uni<Department> addDepartment(Department d) {
        return checked(d).chain(stored -> departments.add(stored, clock.instant()).map(added -> {
            if (!added) {
                throw DomainRejection.conflict("department-exists", null, "Department " + d.code() + " already exists.");
            }
            return stored;
        }));
    }

    /**
     * Corrects a department's names, ladder area and place (EP-2, EP-4.1); its code stays, as people, kiosks and
     * instructions refer to it. The next instruction of an area follows the new area and place.
     */
    public Uni<Department> editDepartment(Department d) {
        return checked(d).chain(stored -> departments.update(stored).map(found -> {
            if (!found) {
                throw DomainRejection.notFound("Department " + d.code());
            }
            Log.infof("department edited code=%s", d.code());
            return stored;
        }));
    }

    /** The department as stored (the place in its canonical path), or a refusal for an unknown area or place. */
    private Uni<Department> checked(Department d) {
        if (d.area() != null && !areas.isArea(d.area())) {
            return Uni.createFrom().failure(new DomainRejection(422, "unknown-area", "EP-5.2",
                    "Unknown business area " + d.area() + "; one of " + areas.codes() + "."));
        }
        if (d.place() != null && org.hospital.continuity.playbooks.fault.Area.parse(d.place()).isEmpty()) {
            return Uni.createFrom().failure(new DomainRejection(422, "unknown-place", "EP-4.1",
                    "A department's place is a building/floor/ward path such as B or B/5/5A, found " + d.place() + "."));
        }
        return Uni.createFrom().item(d.place() == null ? d : new Department(d.code(), d.nameZh(), d.nameEn(), d.area(),
                org.hospital.continuity.playbooks.fault.Area.parse(d.place()).orElseThrow().path()));
    }

    public Uni<Person> addPerson(String name, String departmentCode, Set<StaffRole> roles, List<NewContact> contacts) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        LocalDate today = today();
        for (NewContact nc : contacts) {
            if (nc.lastConfirmedOn() != null && nc.lastConfirmedOn().isAfter(today)) {
                return Uni.createFrom().failure(new DomainRejection(422, "contact-confirmed-in-future", "EP-9.1",
                        "A contact cannot have been confirmed after today."));
            }
        }
        return departments.department(departmentCode).chain(d -> {
            if (d == null) {
                return Uni.createFrom().failure(DomainRejection.notFound("Department " + departmentCode));
            }
            Uni<Void> chain = people.add(id, name, departmentCode, roles, now);
            for (NewContact nc : contacts) {
                chain = chain.chain(() -> people.addContact(id, nc.kind(), nc.address(),
                        nc.lastConfirmedOn() == null ? today : nc.lastConfirmedOn(), now));
            }
            return chain.chain(() -> people.person(id));
        }).invoke(p -> Log.infof("person added id=%s department=%s", p.id(), p.departmentCode()));
    }

    public Uni<Person> person(UUID id) {
        return people.person(id).onItem().ifNull().failWith(() -> DomainRejection.notFound("Person " + id));
    }

    public Uni<List<Person>> people(String department) {
        return people.people(department);
    }

    @WithTransaction
    public Uni<Person> setRoles(UUID id, Set<StaffRole> roles) {
        return people.setRoles(id, roles, clock.instant()).chain(found -> found
                ? people.person(id)
                : Uni.createFrom().failure(DomainRejection.notFound("Person " + id)));
    }

    /** HR-7: staff who leave are deactivated, never deleted (their records keep their name). */
    @WithTransaction
    public Uni<Person> setActive(UUID id, boolean active) {
        return people.setActive(id, active, clock.instant()).chain(found -> found
                ? people.person(id)
                : Uni.createFrom().failure(DomainRejection.notFound("Person " + id)));
    }

    @WithTransaction
    public Uni<Person> addContact(UUID personId, NewContact nc) {
        if (nc.lastConfirmedOn() != null && nc.lastConfirmedOn().isAfter(today())) {
            return Uni.createFrom().failure(new DomainRejection(422, "contact-confirmed-in-future", "EP-9.1",
                    "A contact cannot have been confirmed after today."));
        }
        return people.person(personId).chain(p -> p == null
                ? Uni.createFrom().failure(DomainRejection.notFound("Person " + personId))
                : people.addContact(personId, nc.kind(), nc.address(), nc.lastConfirmedOn() == null ? today() : nc.lastConfirmedOn(), clock.instant())
                        .chain(() -> people.person(personId)));
    }

    /** EP-9.1: someone confirmed the channel still reaches the person today. */
    @WithTransaction
    public Uni<Person> confirmContact(UUID personId, UUID contactId) {
        return people.confirmContact(personId, contactId, today()).chain(found -> found
                ? people.person(personId)
                : Uni.createFrom().failure(DomainRejection.notFound("Contact " + contactId + " of person " + personId)));
    }

    /** EP-9.1: people with at least one channel not confirmed within the configured period (only those channels). */
    public Uni<List<Person>> staleContacts() {
        LocalDate before = today().minus(config.contactConfirmEvery());
        return people.staleContacts(before);
    }
}
