package org.hospital.continuity.kiosk.reference;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hospital.continuity.kiosk.platform.persistence.WriteTransaction;
import org.hospital.continuity.kiosk.reference.domain.CatalogueIndex;
import org.hospital.continuity.sync.text.PinyinInitials;
import org.hospital.continuity.kiosk.reference.persistence.ReferenceTables;

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

    /** A patient's active orders and planned administrations of the next 24 hours, as the HIS held them (the HIS feed). */
    public record Medication(List<ReferenceSnapshot.Order> orders, List<ReferenceSnapshot.Administration> administrations) {
        static final Medication NONE = new Medication(List.of(), List.of());
    }

    private record Loaded(Optional<SnapshotInfo> info, CatalogueIndex index, List<Department> departments,
                          List<Doctor> doctors, List<KnownPatient> patients, java.util.Map<String, Medication> medication,
                          List<ReferenceSnapshot.FeedAsOf> feed) {
    }

    private final ReferenceTables tables;
    private final InstantSource clock;
    private volatile Loaded loaded = new Loaded(Optional.empty(), CatalogueIndex.empty(), List.of(), List.of(), List.of(), java.util.Map.of(),
            List.of());

    private final org.hospital.continuity.kiosk.platform.crypto.KioskKey key;

    public ReferenceData(ReferenceTables tables, InstantSource clock, org.hospital.continuity.kiosk.platform.crypto.KioskKey key) {
        this.key = key;
        this.tables = tables;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(30) StartupEvent event) {
        reload();
        // a kiosk that started locked (server unreachable) loads its known patients once a person's sign-in opens the key
        key.whenOpened(this::reload);
    }

    public Optional<SnapshotInfo> info() {
        return loaded.info();
    }

    /** The searchable catalogue (this feature's own screens; others look items up with {@link #item}). */
    public CatalogueIndex catalogue() {
        return loaded.index();
    }

    /** The catalogue item or drug with this code, as of the snapshot. */
    public Optional<CatalogueItem> item(String code) {
        return loaded.index().byCode(code);
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

    /** The patient's active orders and MAR of the next 24 hours from the HIS feed (none without it). */
    public Medication medication(String patientId) {
        return loaded.medication().getOrDefault(patientId, Medication.NONE);
    }

    /** The HIS feed's pieces with the time the HIS last answered for each, as of this snapshot (empty without the feed). */
    public List<ReferenceSnapshot.FeedAsOf> feed() {
        return loaded.feed();
    }

    /** The pinyin initials (拼音首字码) of a name, as the search uses them: 王小红 → WXH. */
    public static String initials(String name) {
        return name == null ? "" : PinyinInitials.of(name);
    }

    /** Known patients whose name, number or ID number starts with the query (at most {@code limit}). */
    public List<KnownPatient> findPatients(String query, boolean censusOnly, int limit) {
        String q = query == null ? "" : query.trim().toUpperCase(Locale.ROOT);
        return loaded.patients().stream()
                .filter(p -> !censusOnly || p.census())
                .filter(p -> q.isEmpty() || p.name().startsWith(q) || PinyinInitials.of(p.name()).startsWith(q)
                        || startsWith(p.inpatientNumber(), q) || startsWith(p.outpatientNumber(), q) || startsWith(p.idNumber(), q)
                        || startsWith(p.bed(), q) || phoneMatches(p.phone(), q))
                .sorted(Comparator.comparing(KnownPatient::name))
                .limit(limit).toList();
    }

    /** A phone number typed whole or from its start, or its last four digits (what people remember). */
    public static boolean phoneMatches(String phone, String q) {
        if (phone == null || q.length() < 3 || !q.chars().allMatch(Character::isDigit)) {
            return false;
        }
        String p = phone.replace(" ", "").replace("-", "");
        return p.startsWith(q) || (q.length() >= 4 && p.endsWith(q));
    }

    private static boolean startsWith(String value, String q) {
        return value != null && value.toUpperCase(Locale.ROOT).startsWith(q);
    }

    /** Replaces the whole snapshot inside {@code transaction}; {@link #reload()} after the commit swaps the in-memory copy. */
    public void replace(WriteTransaction transaction, ReferenceSnapshot snapshot) {
        tables.replace(transaction, snapshot, clock.instant());
    }

    /** Loads the stored snapshot into memory (at start and after {@link #replace} committed). */
    public void reload() {
        ReferenceTables.Stored s = tables.load();
        loaded = new Loaded(s.info(), new CatalogueIndex(s.items()), s.departments(), s.doctors(), s.patients(), s.medication(), s.feed());
        Log.infof("reference snapshot loaded: items=%d version=%s", loaded.index().size(),
                loaded.info().map(SnapshotInfo::version).orElse("none"));
    }
}
