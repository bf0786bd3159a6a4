package org.hospital.continuity.kiosk.reference.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hospital.continuity.kiosk.enrolment.integration.ServerWire;
import org.hospital.continuity.kiosk.platform.crypto.KioskKey;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.reference.domain.CatalogueIndex;
import org.hospital.continuity.kiosk.reference.domain.CatalogueItem;
import org.hospital.continuity.kiosk.reference.domain.KnownPatient;
import org.hospital.continuity.kiosk.reference.domain.PinyinInitials;
import org.hospital.continuity.kiosk.reference.domain.SnapshotInfo;

/**
 * The reference snapshot kept for the day the network dies: stored in SQLite, held in memory for
 * search. Replaced whole by {@link #replace} in one transaction; never edited in place (HR-10).
 */
@ApplicationScoped
public class ReferenceData {

    public record Department(String code, String name) {
    }

    public record Doctor(String code, String name, String departmentCode, String title) {
    }

    private record Loaded(Optional<SnapshotInfo> info, CatalogueIndex index, List<Department> departments,
                          List<Doctor> doctors, List<KnownPatient> patients) {
    }

    private final KioskDatabase database;
    private final KioskKey key;
    private final ObjectMapper json;
    private final InstantSource clock;
    private volatile Loaded loaded = new Loaded(Optional.empty(), CatalogueIndex.empty(), List.of(), List.of(), List.of());

    public ReferenceData(KioskDatabase database, KioskKey key, ObjectMapper json, InstantSource clock) {
        this.database = database;
        this.key = key;
        this.json = json;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(30) StartupEvent event) throws SQLException {
        reload();
    }

    public Optional<SnapshotInfo> info() {
        return loaded.info();
    }

    public CatalogueIndex catalogue() {
        return loaded.index();
    }

    public List<Department> departments() {
        return loaded.departments();
    }

    public Optional<Department> department(String code) {
        return loaded.departments().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public List<Doctor> doctors() {
        return loaded.doctors();
    }

    public Optional<Doctor> doctor(String code) {
        return loaded.doctors().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<KnownPatient> patient(String patientId) {
        return loaded.patients().stream().filter(p -> p.patientId().equals(patientId)).findFirst();
    }

    /** Known patients whose name, number or ID number starts with the query (at most {@code limit}). */
    public List<KnownPatient> findPatients(String query, boolean censusOnly, int limit) {
        String q = query == null ? "" : query.trim().toUpperCase(Locale.ROOT);
        return loaded.patients().stream()
                .filter(p -> !censusOnly || p.census())
                .filter(p -> q.isEmpty() || p.name().startsWith(q) || PinyinInitials.of(p.name()).startsWith(q)
                        || startsWith(p.inpatientNumber(), q) || startsWith(p.outpatientNumber(), q) || startsWith(p.idNumber(), q)
                        || startsWith(p.bed(), q))
                .sorted(Comparator.comparing(KnownPatient::name))
                .limit(limit).toList();
    }

    private static boolean startsWith(String value, String q) {
        return value != null && value.toUpperCase(Locale.ROOT).startsWith(q);
    }

    /** Replaces the whole snapshot in one transaction, then swaps the in-memory copy. */
    public void replace(Connection c, ServerWire.Snapshot s) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("delete from ref_item");
            st.execute("delete from ref_department");
            st.execute("delete from ref_doctor");
            st.execute("delete from ref_patient");
            st.execute("delete from staff_verifier");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into ref_item(code, kind, name, pinyin, specification, unit, price_fen, "
                + "insurance_class, category) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ServerWire.Item i : s.items()) {
                ps.setString(1, i.code());
                ps.setString(2, i.kind());
                ps.setString(3, i.name());
                ps.setString(4, i.pinyin() == null || i.pinyin().isBlank() ? PinyinInitials.of(i.name()) : i.pinyin());
                ps.setString(5, i.specification());
                ps.setString(6, i.unit());
                ps.setLong(7, i.priceFen());
                ps.setString(8, i.insuranceClass());
                ps.setString(9, i.category());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into ref_department(code, name) values (?, ?)")) {
            for (ServerWire.Department d : s.departments()) {
                ps.setString(1, d.code());
                ps.setString(2, d.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into ref_doctor(code, name, department_code, title) values (?, ?, ?, ?)")) {
            for (ServerWire.Doctor d : s.doctors()) {
                ps.setString(1, d.code());
                ps.setString(2, d.name());
                ps.setString(3, d.departmentCode());
                ps.setString(4, d.title());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into ref_patient(patient_id, census, details) values (?, ?, ?)")) {
            for (ServerWire.Patient p : s.patients()) {
                ps.setString(1, p.patientId());
                ps.setInt(2, p.census() ? 1 : 0);
                ps.setBytes(3, key.cipher().seal(json.writeValueAsString(p), "patient:" + p.patientId()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement ps = c.prepareStatement("insert into staff_verifier(account_id, display_name, roles, algorithm, salt, "
                + "iterations, hash, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ServerWire.StaffVerifier v : s.staff()) {
                ps.setString(1, v.accountId());
                ps.setString(2, v.displayName());
                ps.setString(3, String.join(",", v.roles()));
                ps.setString(4, v.algorithm());
                ps.setString(5, v.salt());
                ps.setInt(6, v.iterations());
                ps.setString(7, v.hash());
                ps.setString(8, clock.instant().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into reference_snapshot(id, version, generated_at, fetched_at, item_count) "
                + "values (1, ?, ?, ?, ?) on conflict(id) do update set version = excluded.version, generated_at = excluded.generated_at, "
                + "fetched_at = excluded.fetched_at, item_count = excluded.item_count")) {
            ps.setString(1, s.version());
            ps.setString(2, s.generatedAt().toString());
            ps.setString(3, clock.instant().toString());
            ps.setInt(4, s.items().size());
            ps.executeUpdate();
        }
    }

    /** Loads the stored snapshot into memory (at start and after {@link #replace} committed). */
    public void reload() throws SQLException {
        loaded = database.read(this::load);
        Log.infof("reference snapshot loaded: items=%d version=%s", loaded.index().size(),
                loaded.info().map(SnapshotInfo::version).orElse("none"));
    }

    private Loaded load(Connection c) throws SQLException {
        Optional<SnapshotInfo> info = Optional.empty();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from reference_snapshot where id = 1")) {
            if (rs.next()) {
                info = Optional.of(new SnapshotInfo(rs.getString("version"), Instant.parse(rs.getString("generated_at")),
                        Instant.parse(rs.getString("fetched_at")), rs.getInt("item_count")));
            }
        }
        List<CatalogueItem> items = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from ref_item")) {
            while (rs.next()) {
                items.add(new CatalogueItem(rs.getString("code"), CatalogueItem.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                        rs.getString("pinyin"), rs.getString("specification"), rs.getString("unit"), rs.getLong("price_fen"),
                        rs.getString("insurance_class"), rs.getString("category")));
            }
        }
        List<Department> departments = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from ref_department order by code")) {
            while (rs.next()) {
                departments.add(new Department(rs.getString("code"), rs.getString("name")));
            }
        }
        List<Doctor> doctors = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from ref_doctor order by code")) {
            while (rs.next()) {
                doctors.add(new Doctor(rs.getString("code"), rs.getString("name"), rs.getString("department_code"), rs.getString("title")));
            }
        }
        List<KnownPatient> patients = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from ref_patient")) {
            while (rs.next()) {
                String id = rs.getString("patient_id");
                try {
                    ServerWire.Patient p = json.readValue(key.cipher().openString(rs.getBytes("details"), "patient:" + id), ServerWire.Patient.class);
                    patients.add(new KnownPatient(p.patientId(), p.census(), p.inpatientNumber(), p.outpatientNumber(), p.name(), p.sex(),
                            p.birthDate(), p.idNumber(), p.phone(), p.insuranceType(), p.insuranceCard(), p.ward(), p.bed(), p.depositFen(),
                            p.allergies() == null ? List.of() : p.allergies().stream().map(a -> new KnownPatient.Allergy(a.allergenCode(),
                                    a.allergen(), a.reaction(), a.severity())).toList(), p.allergiesRecordedAt()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("stored patient unreadable", e);
                }
            }
        }
        return new Loaded(info, new CatalogueIndex(items), List.copyOf(departments), List.copyOf(doctors), List.copyOf(patients));
    }
}
