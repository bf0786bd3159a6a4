package org.hospital.continuity.server.directory.persistence;

import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import static org.hospital.continuity.server.platform.persistence.Sql.instant;
import static org.hospital.continuity.server.platform.persistence.Sql.ts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
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
import java.util.stream.Collectors;
import org.hospital.continuity.server.directory.ContactKind;
import org.hospital.continuity.server.directory.Department;
import org.hospital.continuity.server.directory.domain.DutyPost;
import org.hospital.continuity.server.directory.domain.Handover;
import org.hospital.continuity.server.directory.Person;
import org.hospital.continuity.server.directory.domain.Shift;
import org.hospital.continuity.server.directory.domain.ShiftKind;
import org.hospital.continuity.server.platform.security.StaffRole;

/** Departments, people, contacts, shifts and handovers in PostgreSQL. */
@ApplicationScoped
public class DirectoryStore {

    private final Pool pool;

    public DirectoryStore(Pool pool) {
        this.pool = pool;
    }

    public Db pool() {
        return new Db(pool);
    }

    public static String csv(Collection<StaffRole> roles) {
        return StaffRole.csv(roles);
    }

    // departments

    public Uni<List<Department>> departments(Tx c) {
        return c.client().query("select code, name_zh, name_en, area from department order by code").execute().map(rows -> {
            List<Department> out = new ArrayList<>();
            rows.forEach(r -> out.add(new Department(r.getString("code"), r.getString("name_zh"), r.getString("name_en"), r.getString("area"))));
            return out;
        });
    }

    public Uni<Department> department(Tx c, String code) {
        return c.client().preparedQuery("select code, name_zh, name_en, area from department where code = $1").execute(Tuple.of(code))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row r = it.next();
                    return new Department(r.getString("code"), r.getString("name_zh"), r.getString("name_en"), r.getString("area"));
                });
    }

    /** Inserts a department; false when the code exists. */
    public Uni<Boolean> addDepartment(Tx c, Department d, Instant now) {
        return c.client().preparedQuery("insert into department (code, name_zh, name_en, area, created_at) values ($1, $2, $3, $4, $5) on conflict (code) do nothing")
                .execute(Tuple.of(d.code(), d.nameZh(), d.nameEn(), d.area(), ts(now))).map(r -> r.rowCount() == 1);
    }

    // people

    public Uni<Void> addPerson(Tx c, UUID id, String name, String department, Set<StaffRole> roles, Instant now) {
        return c.client().preparedQuery("insert into person (id, name, department_code, roles, active, created_at, updated_at) values ($1, $2, $3, $4, true, $5, $5)")
                .execute(Tuple.of(id, name, department, csv(roles), ts(now))).replaceWithVoid();
    }

    public Uni<Boolean> setRoles(Tx c, UUID id, Set<StaffRole> roles, Instant now) {
        return c.client().preparedQuery("update person set roles = $2, updated_at = $3 where id = $1")
                .execute(Tuple.of(id, csv(roles), ts(now))).map(r -> r.rowCount() == 1);
    }

    public Uni<Boolean> setActive(Tx c, UUID id, boolean active, Instant now) {
        return c.client().preparedQuery("update person set active = $2, updated_at = $3 where id = $1")
                .execute(Tuple.of(id, active, ts(now))).map(r -> r.rowCount() == 1);
    }

    public Uni<Void> addContact(Tx c, UUID personId, ContactKind kind, String address, LocalDate confirmed, Instant now) {
        return c.client().preparedQuery("""
                insert into contact_channel (id, person_id, kind, address, last_confirmed_on, created_at) values ($1, $2, $3, $4, $5, $6)
                on conflict (person_id, kind, address) do update set last_confirmed_on = greatest(contact_channel.last_confirmed_on, excluded.last_confirmed_on)""")
                .execute(Tuple.from(List.of(UUID.randomUUID(), personId, kind.name(), address, confirmed, ts(now)))).replaceWithVoid();
    }

    public Uni<Boolean> confirmContact(Tx c, UUID personId, UUID contactId, LocalDate today) {
        return c.client().preparedQuery("update contact_channel set last_confirmed_on = $3 where id = $2 and person_id = $1")
                .execute(Tuple.of(personId, contactId, today)).map(r -> r.rowCount() == 1);
    }

    private static final String PERSON_SELECT = """
            select p.id, p.name, p.department_code, p.roles, p.active, p.created_at,
                   cc.id as cid, cc.kind, cc.address, cc.last_confirmed_on
              from person p left join contact_channel cc on cc.person_id = p.id""";

    private static List<Person> people(Iterable<Row> rows) {
        Map<UUID, Person> byId = new LinkedHashMap<>();
        for (Row r : rows) {
            UUID id = r.getUUID("id");
            Person p = byId.computeIfAbsent(id, k -> new Person(k, r.getString("name"), r.getString("department_code"),
                    StaffRole.fromCsv(r.getString("roles")), r.getBoolean("active"), new ArrayList<>(), instant(r, "created_at")));
            if (r.getUUID("cid") != null) {
                p.contacts().add(new Person.Contact(r.getUUID("cid"), ContactKind.valueOf(r.getString("kind")),
                        r.getString("address"), r.getLocalDate("last_confirmed_on")));
            }
        }
        return byId.values().stream().map(p -> new Person(p.id(), p.name(), p.departmentCode(), p.roles(), p.active(),
                List.copyOf(p.contacts()), p.createdAt())).toList();
    }

    public Uni<Person> person(Tx c, UUID id) {
        return c.client().preparedQuery(PERSON_SELECT + " where p.id = $1 order by cc.kind, cc.address").execute(Tuple.of(id))
                .map(rows -> people(rows).stream().findFirst().orElse(null));
    }

    public Uni<List<Person>> people(Tx c, String department) {
        if (department == null) {
            return c.client().query(PERSON_SELECT + " order by p.name, p.id, cc.kind, cc.address").execute().map(DirectoryStore::people);
        }
        return c.client().preparedQuery(PERSON_SELECT + " where p.department_code = $1 order by p.name, p.id, cc.kind, cc.address")
                .execute(Tuple.of(department)).map(DirectoryStore::people);
    }

    /** People of departments that follow the given ladder area. */
    public Uni<List<Person>> peopleOfArea(Tx c, String area) {
        return c.client().preparedQuery(PERSON_SELECT + " join department d on d.code = p.department_code where d.area = $1 and p.active order by p.name, p.id")
                .execute(Tuple.of(area)).map(DirectoryStore::people);
    }

    /** EP-9.1: channels not confirmed since {@code before}. */
    public Uni<List<Person>> staleContacts(Tx c, LocalDate before) {
        return c.client().preparedQuery(PERSON_SELECT + " where p.active and cc.last_confirmed_on < $1 order by p.name, p.id")
                .execute(Tuple.of(before)).map(DirectoryStore::people);
    }

    // roster

    public Uni<Void> addShift(Tx c, UUID id, DutyPost post, UUID personId, ShiftKind kind, Instant start, Instant end, Instant now) {
        return c.client().preparedQuery("insert into duty_shift (id, post, person_id, kind, starts_at, ends_at, created_at) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(List.of(id, post.name(), personId, kind.name(), ts(start), ts(end), ts(now)))).replaceWithVoid();
    }

    private static final String SHIFT_SELECT = """
            select s.id, s.post, s.person_id, p.name, s.kind, s.starts_at, s.ends_at
              from duty_shift s join person p on p.id = s.person_id""";

    private static List<Shift> shifts(Iterable<Row> rows) {
        List<Shift> out = new ArrayList<>();
        rows.forEach(r -> out.add(new Shift(r.getUUID("id"), DutyPost.valueOf(r.getString("post")), r.getUUID("person_id"),
                r.getString("name"), ShiftKind.valueOf(r.getString("kind")), instant(r, "starts_at"), instant(r, "ends_at"))));
        return out;
    }

    public Uni<Shift> shift(Tx c, UUID id) {
        return c.client().preparedQuery(SHIFT_SELECT + " where s.id = $1").execute(Tuple.of(id)).map(rows -> shifts(rows).stream().findFirst().orElse(null));
    }

    /** Shifts overlapping [from, to), by start. */
    public Uni<List<Shift>> shifts(Tx c, Instant from, Instant to) {
        return c.client().preparedQuery(SHIFT_SELECT + " where s.starts_at < $2 and s.ends_at > $1 order by s.starts_at, s.post")
                .execute(Tuple.of(ts(from), ts(to))).map(DirectoryStore::shifts);
    }

    /** Shifts of one post overlapping [from, to): a post is held by one person at a time. */
    public Uni<List<Shift>> overlapping(Tx c, DutyPost post, Instant from, Instant to) {
        return c.client().preparedQuery(SHIFT_SELECT + " where s.post = $1 and s.starts_at < $3 and s.ends_at > $2")
                .execute(Tuple.of(post.name(), ts(from), ts(to))).map(DirectoryStore::shifts);
    }

    public Uni<Void> addHandover(Tx c, UUID id, UUID shiftId, UUID personId, String workDone, String openProblems, Instant now) {
        return c.client().preparedQuery("insert into duty_handover (id, shift_id, recorded_by, work_done, open_problems, recorded_at) values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(List.of(id, shiftId, personId, workDone, openProblems, ts(now)))).replaceWithVoid();
    }

    public Uni<List<Handover>> handovers(Tx c, UUID shiftId) {
        return c.client().preparedQuery("""
                select h.id, h.shift_id, h.recorded_by, p.name, h.work_done, h.open_problems, h.recorded_at
                  from duty_handover h join person p on p.id = h.recorded_by where h.shift_id = $1 order by h.recorded_at""")
                .execute(Tuple.of(shiftId)).map(rows -> {
                    List<Handover> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Handover(r.getUUID("id"), r.getUUID("shift_id"), r.getUUID("recorded_by"),
                            r.getString("name"), r.getString("work_done"), r.getString("open_problems"), instant(r, "recorded_at"))));
                    return out;
                });
    }
}
