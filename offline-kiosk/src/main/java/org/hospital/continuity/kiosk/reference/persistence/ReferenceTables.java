package org.hospital.continuity.kiosk.reference.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hospital.continuity.kiosk.platform.crypto.KioskKey;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.platform.persistence.KioskStorageException;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.kiosk.reference.CatalogueItem;
import org.hospital.continuity.kiosk.reference.KnownPatient;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.reference.ReferenceSnapshot;
import org.hospital.continuity.kiosk.reference.SnapshotInfo;
import org.hospital.continuity.sync.text.PinyinInitials;

/**
 * The stored snapshot: {@code reference_snapshot} (version and age), {@code ref_item}, {@code ref_department},
 * {@code ref_doctor} and {@code ref_patient} (identifying data — with the HIS's active orders and MAR — sealed with the kiosk
 * key, HR-13), {@code ref_feed_as_of} (when the HIS last answered for each piece of its feed). Replaced
 * whole, never edited in place (HR-10).
 */
@ApplicationScoped
public class ReferenceTables {

    /** Everything stored, as loaded into memory. */
    public record Stored(Optional<SnapshotInfo> info, List<CatalogueItem> items, List<ReferenceData.Department> departments,
                         List<ReferenceData.Doctor> doctors, List<KnownPatient> patients, Map<String, ReferenceData.Medication> medication,
                         List<ReferenceSnapshot.FeedAsOf> feed) {
    }

    private final KioskDatabase database;
    private final KioskKey key;
    private final ObjectMapper json;

    public ReferenceTables(KioskDatabase database, KioskKey key, ObjectMapper json) {
        this.database = database;
        this.key = key;
        this.json = json;
    }

    /** Replaces the whole snapshot inside {@code transaction}. */
    public void replace(WriteTransaction transaction, ReferenceSnapshot s, Instant fetchedAt) {
        Connection c = transaction.connection();
        try {
            try (Statement st = c.createStatement()) {
                st.execute("delete from ref_item");
                st.execute("delete from ref_department");
                st.execute("delete from ref_doctor");
                st.execute("delete from ref_patient");
                st.execute("delete from ref_feed_as_of");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into ref_feed_as_of(piece, zh, as_of) values (?, ?, ?)")) {
                for (ReferenceSnapshot.FeedAsOf f : s.feed() == null ? List.<ReferenceSnapshot.FeedAsOf>of() : s.feed()) {
                    if (f.piece() == null || f.asOf() == null) {
                        continue;
                    }
                    ps.setString(1, f.piece());
                    ps.setString(2, f.zh() == null ? f.piece() : f.zh());
                    ps.setString(3, f.asOf().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into ref_item(code, kind, name, pinyin, specification, unit, price_fen, "
                    + "insurance_class, category) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ReferenceSnapshot.Item i : s.items()) {
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
                for (ReferenceSnapshot.Department d : s.departments()) {
                    ps.setString(1, d.code());
                    ps.setString(2, d.name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into ref_doctor(code, name, department_code, title) values (?, ?, ?, ?)")) {
                for (ReferenceSnapshot.Doctor d : s.doctors()) {
                    ps.setString(1, d.code());
                    ps.setString(2, d.name());
                    ps.setString(3, d.departmentCode());
                    ps.setString(4, d.title());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into ref_patient(patient_id, census, details) values (?, ?, ?)")) {
                for (ReferenceSnapshot.Patient p : s.patients()) {
                    ps.setString(1, p.patientId());
                    ps.setInt(2, p.census() ? 1 : 0);
                    ps.setBytes(3, key.cipher().seal(json.writeValueAsString(p), "patient:" + p.patientId()));
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into reference_snapshot(id, version, generated_at, fetched_at, item_count) "
                    + "values (1, ?, ?, ?, ?) on conflict(id) do update set version = excluded.version, generated_at = excluded.generated_at, "
                    + "fetched_at = excluded.fetched_at, item_count = excluded.item_count")) {
                ps.setString(1, s.version());
                ps.setString(2, s.generatedAt().toString());
                ps.setString(3, fetchedAt.toString());
                ps.setInt(4, s.items().size());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new KioskStorageException("reference snapshot not stored", e);
        }
    }

    /** The stored snapshot, read on a read connection (committed data). */
    public Stored load() {
        try {
            return database.read(this::load);
        } catch (SQLException e) {
            throw new KioskStorageException("reference snapshot unreadable", e);
        }
    }

    private Stored load(Connection c) throws SQLException {
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
        List<ReferenceData.Department> departments = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from ref_department order by code")) {
            while (rs.next()) {
                departments.add(new ReferenceData.Department(rs.getString("code"), rs.getString("name")));
            }
        }
        List<ReferenceData.Doctor> doctors = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from ref_doctor order by code")) {
            while (rs.next()) {
                doctors.add(new ReferenceData.Doctor(rs.getString("code"), rs.getString("name"), rs.getString("department_code"),
                        rs.getString("title")));
            }
        }
        List<KnownPatient> patients = new ArrayList<>();
        Map<String, ReferenceData.Medication> medication = new HashMap<>();
        // HR-12: the known patients are under the data key; a locked kiosk loads the rest and reloads once it opens
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(key.open() ? "select * from ref_patient" : "select * from ref_patient where 0")) {
            while (rs.next()) {
                String id = rs.getString("patient_id");
                try {
                    ReferenceSnapshot.Patient p = json.readValue(key.cipher().openString(rs.getBytes("details"), "patient:" + id),
                            ReferenceSnapshot.Patient.class);
                    patients.add(new KnownPatient(p.patientId(), p.census(), p.inpatientNumber(), p.outpatientNumber(), p.name(), p.sex(),
                            p.birthDate(), p.idNumber(), p.phone(), p.insuranceType(), p.insuranceCard(), p.ward(), p.bed(), p.depositFen(),
                            p.allergies() == null ? List.of() : p.allergies().stream().map(a -> new KnownPatient.Allergy(a.allergenCode(),
                                    a.allergen(), a.reaction(), a.severity())).toList(), p.allergiesRecordedAt(), p.visit()));
                    if ((p.orders() != null && !p.orders().isEmpty()) || (p.administrations() != null && !p.administrations().isEmpty())) {
                        medication.put(p.patientId(), new ReferenceData.Medication(p.orders() == null ? List.of() : p.orders(),
                                p.administrations() == null ? List.of() : p.administrations()));
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("stored patient unreadable", e);
                }
            }
        }
        List<ReferenceSnapshot.FeedAsOf> feed = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from ref_feed_as_of order by piece")) {
            while (rs.next()) {
                feed.add(new ReferenceSnapshot.FeedAsOf(rs.getString("piece"), rs.getString("zh"), Instant.parse(rs.getString("as_of"))));
            }
        }
        return new Stored(info, List.copyOf(items), List.copyOf(departments), List.copyOf(doctors), List.copyOf(patients), Map.copyOf(medication),
                List.copyOf(feed));
    }
}
