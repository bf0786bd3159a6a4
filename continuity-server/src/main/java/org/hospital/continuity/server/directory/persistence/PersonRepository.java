package org.hospital.continuity.server.directory.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.directory.ContactKind;
import org.hospital.continuity.server.directory.Person;
import org.hospital.continuity.server.platform.persistence.Sql;
import org.hospital.continuity.server.platform.security.StaffRole;

/** People with their roles and contact channels (EP-2, EP-9.1, HR-1); people are deactivated, never deleted (HR-7). */
@ApplicationScoped
@WithSession
public class PersonRepository implements PanacheRepositoryBase<PersonEntity, UUID> {

    private static final String CONTACT_ORDER = " order by kind, address";

    private final ContactRepository contacts;

    public PersonRepository(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** A person with every contact channel, or null. */
    public Uni<Person> person(UUID id) {
        return findById(id).chain(p -> p == null ? Uni.createFrom().nullItem() : withContacts(List.of(p)).map(l -> l.get(0)));
    }

    /** The people of a department (every department when null), by name. */
    public Uni<List<Person>> people(String department) {
        return (department == null ? list("order by name, id") : list("departmentCode = ?1 order by name, id", department))
                .chain(this::withContacts);
    }

    /** The active people of the departments that follow the ladder's business area {@code area}. */
    public Uni<List<Person>> peopleOfArea(String area) {
        return list("active = true and departmentCode in (select d.code from DepartmentEntity d where d.area = ?1) order by name, id", area)
                .chain(this::withContacts);
    }

    /** These people (the ids found), by name. */
    public Uni<List<Person>> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1 order by name, id", List.copyOf(ids)).chain(this::withContacts);
    }

    /** EP-9.1: active people with a channel not confirmed since {@code before}, each with only those channels. */
    public Uni<List<Person>> staleContacts(LocalDate before) {
        return contacts.list("lastConfirmedOn < ?1 and personId in (select p.id from PersonEntity p where p.active = true)" + CONTACT_ORDER, before)
                .chain(stale -> {
                    Map<UUID, List<Person.Contact>> byPerson = group(stale);
                    return byPerson.isEmpty() ? Uni.createFrom().item(List.<Person>of())
                            : list("id in ?1 order by name, id", List.copyOf(byPerson.keySet()))
                                    .map(ps -> ps.stream().map(p -> p.toRecord(byPerson.get(p.id))).toList());
                });
    }

    /** The names of these people, by id. */
    public Uni<Map<UUID, String>> names(Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(Map.of()) : list("id in ?1", List.copyOf(ids)).map(ps -> {
            Map<UUID, String> out = new LinkedHashMap<>();
            ps.forEach(p -> out.put(p.id, p.name));
            return out;
        });
    }

    public Uni<Void> add(UUID id, String name, String department, Set<StaffRole> roles, Instant now) {
        PersonEntity p = new PersonEntity();
        p.id = id;
        p.name = name;
        p.departmentCode = department;
        p.roles = StaffRole.csv(roles);
        p.active = true;
        p.createdAt = Sql.stored(now);
        p.updatedAt = p.createdAt;
        return persistAndFlush(p).replaceWithVoid();
    }

    /** False when there is no such person. */
    public Uni<Boolean> setRoles(UUID id, Set<StaffRole> roles, Instant now) {
        return findById(id).map(p -> {
            if (p != null) {
                p.roles = StaffRole.csv(roles);
                p.updatedAt = Sql.stored(now);
            }
            return p != null;
        });
    }

    /** False when there is no such person. */
    public Uni<Boolean> setActive(UUID id, boolean active, Instant now) {
        return findById(id).map(p -> {
            if (p != null) {
                p.active = active;
                p.updatedAt = Sql.stored(now);
            }
            return p != null;
        });
    }

    /** A channel of the person; one already known is kept with the later of the two confirmation days. */
    public Uni<Void> addContact(UUID personId, ContactKind kind, String address, LocalDate confirmed, Instant now) {
        return contacts.add(personId, kind, address, confirmed, now);
    }

    /** EP-9.1: the channel still reaches the person; false when the person has no such channel. */
    public Uni<Boolean> confirmContact(UUID personId, UUID contactId, LocalDate today) {
        return contacts.confirm(personId, contactId, today);
    }

    private Uni<List<Person>> withContacts(List<PersonEntity> people) {
        if (people.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return contacts.list("personId in ?1" + CONTACT_ORDER, people.stream().map(p -> p.id).toList()).map(cs -> {
            Map<UUID, List<Person.Contact>> byPerson = group(cs);
            return people.stream().map(p -> p.toRecord(byPerson.getOrDefault(p.id, List.of()))).toList();
        });
    }

    private static Map<UUID, List<Person.Contact>> group(List<ContactChannelEntity> cs) {
        Map<UUID, List<Person.Contact>> out = new LinkedHashMap<>();
        cs.forEach(c -> out.computeIfAbsent(c.personId, k -> new ArrayList<>()).add(c.toRecord()));
        return out;
    }
}
