package org.hospital.continuity.server.kiosk.persistence;

import org.hospital.continuity.server.directory.Department;
import org.hospital.continuity.server.directory.People;
import org.hospital.continuity.server.integrity.VerifiedCatalogues;
import org.hospital.continuity.server.kiosk.PatientAllergies;
import org.hospital.continuity.server.platform.persistence.Db;
import org.hospital.continuity.server.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hospital.continuity.server.kiosk.domain.KioskWire;
import org.hospital.continuity.sync.text.PinyinInitials;

/** Reference data served to kiosks: catalogue, departments, doctors, known patients, snapshot version. */
@ApplicationScoped
public class ReferenceRepository {

    private final Pool pool;
    private final PatientAllergies allergies;
    private final People people;
    private final VerifiedCatalogues catalogues;

    public ReferenceRepository(Pool pool, PatientAllergies allergies, People people, VerifiedCatalogues catalogues) {
        this.people = people;
        this.catalogues = catalogues;
        this.pool = pool;
        this.allergies = allergies;
    }

    public Uni<Long> itemCount() {
        return pool.query("select count(*) from ref_catalogue_item").execute().map(r -> r.iterator().next().getLong(0));
    }

    public Uni<Long> departmentCount() {
        return pool.query("select count(*) from ref_department").execute().map(r -> r.iterator().next().getLong(0));
    }

    public Uni<Void> insertItems(Tx c, List<KioskWire.Item> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = items.stream().map(i -> Tuple.from(Arrays.asList(i.code(), i.kind(), i.name(), i.pinyin(), i.specification(),
                i.unit(), i.priceFen(), i.insuranceClass(), i.category()))).toList();
        return c.client().preparedQuery("insert into ref_catalogue_item(code, kind, name, pinyin, specification, unit, price_fen, insurance_class, "
                + "category) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (code) do nothing").executeBatch(batch).replaceWithVoid();
    }

    public Uni<Void> insertDepartments(Tx c, List<KioskWire.Department> departments) {
        List<Tuple> batch = departments.stream().map(d -> Tuple.of(d.code(), d.name())).toList();
        return c.client().preparedQuery("insert into ref_department(code, name) values ($1, $2) on conflict (code) do nothing")
                .executeBatch(batch).replaceWithVoid();
    }

    public Uni<Void> insertDoctors(Tx c, List<KioskWire.Doctor> doctors) {
        List<Tuple> batch = doctors.stream().map(d -> Tuple.of(d.code(), d.name(), d.departmentCode(), d.title())).toList();
        return c.client().preparedQuery("insert into ref_doctor(code, name, department_code, title) values ($1, $2, $3, $4) on conflict (code) do nothing")
                .executeBatch(batch).replaceWithVoid();
    }

    public Uni<Void> insertPatients(Tx c, List<KioskWire.Patient> patients, String department) {
        List<Tuple> batch = patients.stream().map(p -> Tuple.from(Arrays.asList(p.patientId(), p.census(), p.inpatientNumber(),
                p.outpatientNumber(), p.name(), p.sex(), p.birthDate(), p.idNumber(), p.phone(), p.insuranceType(), p.insuranceCard(),
                p.ward(), p.bed(), department, p.depositFen()))).toList();
        return c.client().preparedQuery("insert into ref_patient(patient_id, census, inpatient_number, outpatient_number, name, sex, birth_date, "
                + "id_number, phone, insurance_type, insurance_card, ward, bed, department_code, deposit_fen) values ($1, $2, $3, $4, $5, $6, "
                + "$7, $8, $9, $10, $11, $12, $13, $14, $15) on conflict (patient_id) do nothing").executeBatch(batch).replaceWithVoid();
    }

    /** The HIS feed's departments: new ones added, known ones renamed. */
    public Uni<Void> upsertDepartments(Tx c, List<org.hospital.continuity.server.kiosk.HisReference.Department> departments) {
        if (departments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = departments.stream().map(d -> Tuple.of(d.code(), d.name())).toList();
        return c.client().preparedQuery("insert into ref_department(code, name) values ($1, $2) on conflict (code) do update set name = excluded.name")
                .executeBatch(batch).replaceWithVoid();
    }

    /** Replaces the HIS feed's doctors; a doctor of an unknown department is skipped (the department comes first). */
    public Uni<Void> replaceHisDoctors(Tx c, List<org.hospital.continuity.server.kiosk.HisReference.Doctor> doctors) {
        String[] codes = doctors.stream().map(org.hospital.continuity.server.kiosk.HisReference.Doctor::code).toArray(String[]::new);
        Uni<Void> delete = forget(c, "DOCTOR", "ref_doctor", "code", codes);
        if (doctors.isEmpty()) {
            return delete;
        }
        List<Tuple> batch = doctors.stream().map(d -> Tuple.of(d.code(), d.name(), d.departmentCode(), d.title())).toList();
        return delete.chain(() -> c.client().preparedQuery("""
                insert into ref_doctor(code, name, department_code, title)
                select $1::varchar, $2::varchar, $3::varchar, $4::varchar where exists (select 1 from ref_department where code = $3::varchar)
                on conflict (code) do update set name = excluded.name, department_code = excluded.department_code, title = excluded.title""")
                .executeBatch(batch).replaceWithVoid())
                .chain(() -> remember(c, "DOCTOR", codes));
    }

    /** Deletes the feed's rows whose key is no longer in {@code keep}, and forgets them. */
    private static Uni<Void> forget(Tx c, String kind, String table, String key, String[] keep) {
        return c.client().preparedQuery("delete from " + table + " where " + key + " in (select code from ref_his_row where kind = $1)"
                        + " and not (" + key + " = any($2))").execute(Tuple.of(kind, keep))
                .chain(() -> c.client().preparedQuery("delete from ref_his_row where kind = $1 and not (code = any($2))").execute(Tuple.of(kind, keep)))
                .replaceWithVoid();
    }

    private static Uni<Void> remember(Tx c, String kind, String[] codes) {
        return c.client().preparedQuery("insert into ref_his_row(kind, code) select $1, unnest($2::varchar[]) on conflict do nothing")
                .execute(Tuple.of(kind, codes)).replaceWithVoid();
    }

    /**
     * Replaces the HIS feed's census: the feed's rows of patients no longer in hospital go; every inpatient is inserted or
     * updated (a seeded row of the same patient id becomes the HIS's). Deposits are the HIS's business: kept as stored.
     */
    public Uni<Void> replaceHisCensus(Tx c, List<org.hospital.continuity.server.kiosk.HisReference.Inpatient> census) {
        String[] ids = census.stream().map(org.hospital.continuity.server.kiosk.HisReference.Inpatient::patientId).toArray(String[]::new);
        List<Tuple> attending = census.stream().filter(p -> p.attendingName() != null)
                .map(p -> Tuple.of(p.patientId(), p.attendingCode(), p.attendingName())).toList();
        Uni<Void> delete = forget(c, "PATIENT", "ref_patient", "patient_id", ids)
                .chain(() -> c.client().preparedQuery("delete from ref_his_attending").execute())
                .chain(() -> attending.isEmpty() ? Uni.createFrom().voidItem() : c.client().preparedQuery(
                        "insert into ref_his_attending(patient_id, doctor_code, doctor_name) values ($1, $2, $3) on conflict (patient_id) do nothing")
                        .executeBatch(attending).replaceWithVoid());
        if (census.isEmpty()) {
            return delete;
        }
        List<Tuple> batch = census.stream().map(p -> Tuple.from(Arrays.asList(p.patientId(), p.inpatientNumber(), p.name(), p.sex(),
                p.birthDate(), p.idNumber(), p.phone(), p.ward(), p.bed(), p.departmentCode()))).toList();
        return delete.chain(() -> c.client().preparedQuery("""
                insert into ref_patient(patient_id, census, inpatient_number, name, sex, birth_date, id_number, phone, ward, bed,
                                        department_code)
                values ($1, true, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                on conflict (patient_id) do update set census = true, inpatient_number = excluded.inpatient_number, name = excluded.name,
                    sex = excluded.sex, birth_date = excluded.birth_date, id_number = excluded.id_number, phone = excluded.phone,
                    ward = excluded.ward, bed = excluded.bed, department_code = excluded.department_code""")
                .executeBatch(batch).replaceWithVoid())
                .chain(() -> remember(c, "PATIENT", ids));
    }

    /** One inpatient from the ADT feed, inserted or updated (as the census replacement does), and kept as the feed's. */
    public Uni<Void> upsertHisInpatient(Tx c, org.hospital.continuity.server.kiosk.HisReference.Inpatient p) {
        return c.client().preparedQuery("""
                insert into ref_patient(patient_id, census, inpatient_number, name, sex, birth_date, id_number, phone, ward, bed,
                                        department_code)
                values ($1, true, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                on conflict (patient_id) do update set census = true, inpatient_number = coalesce(excluded.inpatient_number, ref_patient.inpatient_number),
                    name = excluded.name, sex = coalesce(excluded.sex, ref_patient.sex), birth_date = coalesce(excluded.birth_date, ref_patient.birth_date),
                    id_number = coalesce(excluded.id_number, ref_patient.id_number), phone = coalesce(excluded.phone, ref_patient.phone),
                    ward = excluded.ward, bed = excluded.bed, department_code = excluded.department_code""")
                .execute(Tuple.from(Arrays.asList(p.patientId(), p.inpatientNumber(), p.name(), p.sex(), p.birthDate(), p.idNumber(), p.phone(),
                        p.ward(), p.bed(), p.departmentCode()))).replaceWithVoid()
                .chain(() -> p.attendingName() == null
                        ? c.client().preparedQuery("delete from ref_his_attending where patient_id = $1").execute(Tuple.of(p.patientId())).replaceWithVoid()
                        : c.client().preparedQuery("""
                                insert into ref_his_attending(patient_id, doctor_code, doctor_name) values ($1, $2, $3)
                                on conflict (patient_id) do update set doctor_code = excluded.doctor_code, doctor_name = excluded.doctor_name""")
                        .execute(Tuple.of(p.patientId(), p.attendingCode(), p.attendingName())).replaceWithVoid())
                .chain(() -> remember(c, "PATIENT", new String[] {p.patientId()}));
    }

    /** A discharge from the ADT feed: the feed's row of the patient goes, with their orders and MAR; a seeded row stays. */
    public Uni<Void> dischargeHisInpatient(Tx c, String patientId) {
        return c.client().preparedQuery("delete from ref_patient where patient_id = $1 and patient_id in (select code from ref_his_row where kind = 'PATIENT')")
                .execute(Tuple.of(patientId))
                .chain(() -> c.client().preparedQuery("delete from ref_his_row where kind = 'PATIENT' and code = $1").execute(Tuple.of(patientId)))
                .chain(() -> c.client().preparedQuery("delete from ref_his_attending where patient_id = $1").execute(Tuple.of(patientId)))
                .chain(() -> c.client().preparedQuery("delete from ref_his_order where patient_id = $1").execute(Tuple.of(patientId)))
                .chain(() -> c.client().preparedQuery("delete from ref_his_administration where patient_id = $1").execute(Tuple.of(patientId)))
                .replaceWithVoid();
    }

    /**
     * Replaces the HIS feed's outpatients of today: the rows of registrations no longer listed go (and the patient's row with
     * them, unless the patient is in the census or still registered); each patient is inserted or updated (census false, the
     * 门诊号 and the department of their latest registration; an inpatient's census row keeps its ward and department).
     */
    public Uni<Void> replaceHisOutpatients(Tx c, List<org.hospital.continuity.server.kiosk.HisReference.Outpatient> outpatients) {
        String[] keep = outpatients.stream().map(org.hospital.continuity.server.kiosk.HisReference.Outpatient::hisId).toArray(String[]::new);
        String[] patients = outpatients.stream().map(org.hospital.continuity.server.kiosk.HisReference.Outpatient::patientId).distinct()
                .toArray(String[]::new);
        Uni<Void> delete = c.client().preparedQuery("""
                        delete from ref_patient where not census and not (patient_id = any($1))
                           and patient_id in (select patient_id from ref_his_outpatient)""").execute(Tuple.of(patients))
                .chain(() -> c.client().preparedQuery("delete from ref_his_outpatient where not (his_id = any($1))").execute(Tuple.of(keep)))
                .replaceWithVoid();
        if (outpatients.isEmpty()) {
            return delete;
        }
        // the latest registration of each patient names their row's department
        Map<String, org.hospital.continuity.server.kiosk.HisReference.Outpatient> latest = new java.util.LinkedHashMap<>();
        outpatients.stream().sorted(java.util.Comparator.comparing(org.hospital.continuity.server.kiosk.HisReference.Outpatient::registeredAt))
                .forEach(o -> latest.put(o.patientId(), o));
        List<Tuple> people = latest.values().stream().map(o -> Tuple.from(Arrays.asList(o.patientId(), o.outpatientNumber(), o.name(), o.sex(),
                o.birthDate(), o.idNumber(), o.phone(), o.departmentCode()))).toList();
        List<Tuple> visits = outpatients.stream().map(o -> Tuple.from(Arrays.asList(o.hisId(), o.patientId(), o.outpatientNumber(),
                o.departmentCode(), o.doctorCode(), o.doctorName(), KioskRegistryRepository.odt(o.registeredAt())))).toList();
        return delete.chain(() -> c.client().preparedQuery("""
                insert into ref_patient(patient_id, census, outpatient_number, name, sex, birth_date, id_number, phone, department_code)
                values ($1, false, $2, $3, $4, $5, $6, $7, $8)
                on conflict (patient_id) do update set outpatient_number = excluded.outpatient_number, name = excluded.name,
                    sex = coalesce(excluded.sex, ref_patient.sex), birth_date = coalesce(excluded.birth_date, ref_patient.birth_date),
                    id_number = coalesce(excluded.id_number, ref_patient.id_number), phone = coalesce(excluded.phone, ref_patient.phone),
                    department_code = case when ref_patient.census then ref_patient.department_code else excluded.department_code end""")
                .executeBatch(people).replaceWithVoid())
                .chain(() -> c.client().preparedQuery("""
                insert into ref_his_outpatient(his_id, patient_id, outpatient_number, department_code, doctor_code, doctor_name, registered_at)
                values ($1, $2, $3, $4, $5, $6, $7)
                on conflict (his_id) do update set patient_id = excluded.patient_id, outpatient_number = excluded.outpatient_number,
                    department_code = excluded.department_code, doctor_code = excluded.doctor_code, doctor_name = excluded.doctor_name,
                    registered_at = excluded.registered_at""").executeBatch(visits).replaceWithVoid());
    }

    /** Replaces the HIS feed's active orders. */
    public Uni<Void> replaceHisOrders(Tx c, List<org.hospital.continuity.server.kiosk.HisReference.Order> orders) {
        Uni<Void> delete = c.client().query("delete from ref_his_order").execute().replaceWithVoid();
        if (orders.isEmpty()) {
            return delete;
        }
        List<Tuple> batch = orders.stream().map(o -> Tuple.from(Arrays.asList(o.hisId(), o.patientId(), o.drug(), o.dose(), o.route(),
                o.frequency(), o.authoredOn() == null ? null : KioskRegistryRepository.odt(o.authoredOn()), o.prescriber(), o.note()))).toList();
        return delete.chain(() -> c.client().preparedQuery("""
                insert into ref_his_order(his_id, patient_id, drug, dose, route, frequency, authored_on, prescriber, note)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (his_id) do nothing""").executeBatch(batch).replaceWithVoid());
    }

    /** Replaces the HIS feed's planned administrations (the MAR of the next 24 hours). */
    public Uni<Void> replaceHisAdministrations(Tx c, List<org.hospital.continuity.server.kiosk.HisReference.Administration> planned) {
        Uni<Void> delete = c.client().query("delete from ref_his_administration").execute().replaceWithVoid();
        if (planned.isEmpty()) {
            return delete;
        }
        List<Tuple> batch = planned.stream().map(a -> Tuple.from(Arrays.asList(a.hisId(), a.patientId(), a.orderHisId(), a.drug(), a.dose(),
                a.route(), KioskRegistryRepository.odt(a.due())))).toList();
        return delete.chain(() -> c.client().preparedQuery("""
                insert into ref_his_administration(his_id, patient_id, order_his_id, drug, dose, route, due_at)
                values ($1, $2, $3, $4, $5, $6, $7) on conflict (his_id) do nothing""").executeBatch(batch).replaceWithVoid());
    }

    /** The HIS answered for a piece of its feed at {@code asOf}. */
    public Uni<Void> feedAnswered(String piece, String zh, Instant asOf) {
        return pool.preparedQuery("""
                insert into ref_feed_as_of(piece, zh, as_of) values ($1, $2, $3)
                on conflict (piece) do update set zh = excluded.zh, as_of = excluded.as_of""")
                .execute(Tuple.of(piece, zh, KioskRegistryRepository.odt(asOf))).replaceWithVoid();
    }

    public Uni<Void> bumpVersion(Tx c, Instant now) {
        return c.client().preparedQuery("update ref_snapshot_version set version = version + 1, generated_at = $1 where id = 1")
                .execute(Tuple.of(KioskRegistryRepository.odt(now))).replaceWithVoid();
    }

    /**
     * The snapshot for a kiosk of {@code departmentCode}: the whole catalogue, departments and doctors,
     * but only the patients of that department (HR-5: no bulk patient list; a ward kiosk gets its
     * ward's census, the outpatient desk its own recent outpatients). One transaction, so the version, the verified
     * catalogue (the integrity watch's, HR-10) and the allergies (the allergy feature's) agree; the directory's departments
     * are read before it opens (the directory is never read while a transaction is held).
     */
    public Uni<KioskWire.Snapshot> snapshot(List<KioskWire.StaffVerifier> staff, String departmentCode) {
        return people.departments().chain(directory -> new Db(pool).withTransaction(c -> version(c).chain(v -> catalogues.current(c)
                .chain(verified -> items(c, verified).chain(items -> departments(c, directory)
                .chain(ds -> doctors(c).chain(docs -> patients(c, departmentCode, settlementDesk(directory, departmentCode), outpatientDesk(directory, departmentCode)).chain(ps -> withVisits(c, ps, departmentCode)).chain(ps -> withAttending(c, ps)).chain(ps -> withAllergies(c, ps)).chain(ps -> withMedication(c, ps)).chain(ps -> feed(c).map(feed -> new KioskWire.Snapshot(
                        "v" + v.getInteger("version") + watchedVersion(verified),
                        v.getOffsetDateTime("generated_at").toInstant(), items, ds, docs, ps, staff, feed))))))))));
    }

    /** Each piece of the HIS feed with the time the HIS last answered for it. */
    private Uni<List<KioskWire.FeedAsOf>> feed(Tx c) {
        return c.client().query("select piece, zh, as_of from ref_feed_as_of order by piece").execute().map(rows -> {
            List<KioskWire.FeedAsOf> out = new ArrayList<>();
            rows.forEach(r -> out.add(new KioskWire.FeedAsOf(r.getString("piece"), r.getString("zh"), r.getOffsetDateTime("as_of").toInstant())));
            return out;
        });
    }

    /** The census patients' active orders and planned administrations from the HIS feed (by due time). */
    private Uni<List<KioskWire.Patient>> withMedication(Tx c, List<KioskWire.Patient> patients) {
        String[] ids = patients.stream().filter(KioskWire.Patient::census).map(KioskWire.Patient::patientId).toArray(String[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(patients);
        }
        return c.client().preparedQuery("select * from ref_his_order where patient_id = any($1) order by authored_on nulls last, his_id")
                .execute(Tuple.of(ids)).chain(orderRows -> c.client().preparedQuery(
                        "select * from ref_his_administration where patient_id = any($1) order by due_at, his_id").execute(Tuple.of(ids))
                .map(marRows -> {
                    Map<String, List<KioskWire.Order>> orders = new java.util.HashMap<>();
                    orderRows.forEach(r -> orders.computeIfAbsent(r.getString("patient_id"), k -> new ArrayList<>()).add(new KioskWire.Order(
                            r.getString("his_id"), r.getString("drug"), r.getString("dose"), r.getString("route"), r.getString("frequency"),
                            r.getOffsetDateTime("authored_on") == null ? null : r.getOffsetDateTime("authored_on").toInstant(),
                            r.getString("prescriber"), r.getString("note"))));
                    Map<String, List<KioskWire.Administration>> mar = new java.util.HashMap<>();
                    marRows.forEach(r -> mar.computeIfAbsent(r.getString("patient_id"), k -> new ArrayList<>()).add(new KioskWire.Administration(
                            r.getString("order_his_id"), r.getString("drug"), r.getString("dose"), r.getString("route"),
                            r.getOffsetDateTime("due_at").toInstant())));
                    return patients.stream().map(p -> !p.census() ? p
                            : p.withMedication(orders.getOrDefault(p.patientId(), List.of()), mar.getOrDefault(p.patientId(), List.of()))).toList();
                }));
    }

    private Uni<Row> version(Tx c) {
        return c.client().query("select version, generated_at from ref_snapshot_version where id = 1").execute().map(r -> r.iterator().next());
    }

    /** The CURRENT integrity-watched imports (EP-4.1) as a short tag, so kiosks see a new version when they change. */
    private static String watchedVersion(List<VerifiedCatalogues.Current> verified) {
        if (verified.isEmpty()) {
            return "";
        }
        String ids = String.join(",", verified.stream().map(v -> v.snapshotId().toString()).toList());
        return "-" + Integer.toHexString(ids.hashCode());
    }

    /**
     * The catalogue kiosks price from: the CURRENT imports of the integrity watch (EP-4.1, HR-10) where
     * one exists for the price catalogue or the drug dictionary, else the seeded reference items of that kind.
     */
    private Uni<List<KioskWire.Item>> items(Tx c, List<VerifiedCatalogues.Current> verified) {
        String[] covered = verified.stream().map(v -> v.drugDictionary() ? "DRUG" : "ITEM").distinct().toArray(String[]::new);
        return c.client().preparedQuery("""
                select code, kind, name, pinyin, specification, unit, price_fen, insurance_class, category
                  from ref_catalogue_item where not (kind = any($1))""").execute(Tuple.of(covered)).map(rows -> {
            Map<String, KioskWire.Item> byCode = new TreeMap<>();
            for (VerifiedCatalogues.Current v : verified) {
                for (VerifiedCatalogues.Item i : v.items()) {
                    byCode.putIfAbsent(i.code(), new KioskWire.Item(i.code(), v.drugDictionary() ? "DRUG" : "ITEM", i.name(),
                            PinyinInitials.of(i.name()), i.specification(), i.unit(), i.priceFen(), i.insuranceClass(),
                            i.category() != null ? i.category() : v.drugDictionary() ? "药品" : null));
                }
            }
            rows.forEach(r -> {
                String pinyin = r.getString("pinyin");
                byCode.putIfAbsent(r.getString("code"), new KioskWire.Item(r.getString("code"), r.getString("kind"), r.getString("name"),
                        pinyin == null ? PinyinInitials.of(r.getString("name")) : pinyin, r.getString("specification"), r.getString("unit"),
                        r.getLong("price_fen"), r.getString("insurance_class"), r.getString("category")));
            });
            return new ArrayList<>(byCode.values());
        });
    }

    /** Departments of the staff directory first (its name wins), then the seeded reference departments, by code. */
    private Uni<List<KioskWire.Department>> departments(Tx c, List<Department> directory) {
        return c.client().query("select code, name from ref_department").execute().map(rows -> {
            Map<String, String> byCode = new TreeMap<>();
            rows.forEach(r -> byCode.put(r.getString("code"), r.getString("name")));
            directory.forEach(d -> byCode.put(d.code(), d.nameZh()));
            List<KioskWire.Department> ds = new ArrayList<>();
            byCode.forEach((code, name) -> ds.add(new KioskWire.Department(code, name)));
            return ds;
        });
    }

    private Uni<List<KioskWire.Doctor>> doctors(Tx c) {
        return c.client().query("select * from ref_doctor order by code").execute().map(rows -> {
            List<KioskWire.Doctor> docs = new ArrayList<>();
            rows.forEach(r -> docs.add(new KioskWire.Doctor(r.getString("code"), r.getString("name"), r.getString("department_code"),
                    r.getString("title"))));
            return docs;
        });
    }

    /**
     * The settlement desk (出院结算处) settles any ward's patient at discharge: its kiosks get the whole inpatient census
     * (names, beds and 住院号 only as every snapshot carries them), every other kiosk its own department's patients (HR-5).
     */
    static boolean settlementDesk(List<Department> directory, String departmentCode) {
        return directory.stream().anyMatch(d -> d.code().equals(departmentCode) && "DISCHARGE_SETTLEMENT".equals(d.area()));
    }

    /**
     * The outpatient registration and cashier desk (门诊挂号收费, EP-6.2) takes any department's outpatient at the window: its
     * kiosks get every outpatient of today the HIS registered (HR-5: a doctor's kiosk only its department's).
     */
    static boolean outpatientDesk(List<Department> directory, String departmentCode) {
        return directory.stream().anyMatch(d -> d.code().equals(departmentCode) && "OUTPATIENT_REGISTRATION".equals(d.area()));
    }

    private Uni<List<KioskWire.Patient>> patients(Tx c, String departmentCode, boolean wholeCensus, boolean allOutpatients) {
        return c.client().preparedQuery("""
                        select * from ref_patient where department_code = $1 or ($2 and census)
                            or patient_id in (select patient_id from ref_his_outpatient where $3 or department_code = $1)
                         order by patient_id""")
                .execute(Tuple.of(departmentCode, wholeCensus, allOutpatients))
                .map(rows -> {
                List<KioskWire.Patient> ps = new ArrayList<>();
                rows.forEach(r -> {
                    LocalDate birth = r.getLocalDate("birth_date");
                    ps.add(new KioskWire.Patient(r.getString("patient_id"), r.getBoolean("census"), r.getString("inpatient_number"),
                            r.getString("outpatient_number"), r.getString("name"), r.getString("sex"), birth, r.getString("id_number"),
                            r.getString("phone"), r.getString("insurance_type"), r.getString("insurance_card"), r.getString("ward"),
                            r.getString("bed"), r.getLong("deposit_fen")));
                });
                return ps;
            });
    }

    /**
     * Each patient's outpatient registration of today from the HIS feed: the one with this kiosk's department when there is
     * one, else the latest.
     */
    private Uni<List<KioskWire.Patient>> withVisits(Tx c, List<KioskWire.Patient> patients, String departmentCode) {
        String[] ids = patients.stream().map(KioskWire.Patient::patientId).toArray(String[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(patients);
        }
        return c.client().preparedQuery("""
                        select * from ref_his_outpatient where patient_id = any($1)
                         order by patient_id, (department_code = $2) desc, registered_at desc, his_id""")
                .execute(Tuple.of(ids, departmentCode)).map(rows -> {
                    Map<String, KioskWire.Visit> visits = new java.util.HashMap<>();
                    rows.forEach(r -> visits.putIfAbsent(r.getString("patient_id"), new KioskWire.Visit(
                            r.getOffsetDateTime("registered_at").toInstant(), r.getString("department_code"), r.getString("doctor_code"),
                            r.getString("doctor_name"), r.getString("outpatient_number"))));
                    return patients.stream().map(p -> visits.containsKey(p.patientId()) ? p.withVisit(visits.get(p.patientId())) : p).toList();
                });
    }

    /** The census patients' attending doctor, where the HIS named one. */
    private Uni<List<KioskWire.Patient>> withAttending(Tx c, List<KioskWire.Patient> patients) {
        String[] ids = patients.stream().filter(KioskWire.Patient::census).map(KioskWire.Patient::patientId).toArray(String[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(patients);
        }
        return c.client().preparedQuery("select patient_id, doctor_name from ref_his_attending where patient_id = any($1)").execute(Tuple.of(ids))
                .map(rows -> {
                    Map<String, String> names = new java.util.HashMap<>();
                    rows.forEach(r -> names.put(r.getString("patient_id"), r.getString("doctor_name")));
                    return patients.stream().map(p -> p.census() && names.containsKey(p.patientId()) ? p.withAttending(names.get(p.patientId())) : p)
                            .toList();
                });
    }

    /** Each patient's current allergy statement from the allergy imports. */
    private Uni<List<KioskWire.Patient>> withAllergies(Tx c, List<KioskWire.Patient> patients) {
        return allergies.current(c).map(current -> patients.stream().map(p -> {
            PatientAllergies.Statement a = current.get(p.patientId());
            if (a == null) {
                return p;
            }
            return p.withAllergies(a.allergies().stream()
                    .map(e -> new KioskWire.Allergy(e.allergenCode(), e.allergen(), e.reaction(), e.severity())).toList(), a.recordedAt());
        }).toList());
    }

    /** The ids of the patients kiosks know. */
    public Uni<java.util.Set<String>> knownPatients() {
        return pool.query("select patient_id from ref_patient").execute().map(rows -> {
            java.util.Set<String> ids = new java.util.HashSet<>();
            rows.forEach(r -> ids.add(r.getString(0)));
            return ids;
        });
    }

    public Db pool() {
        return new Db(pool);
    }
}
