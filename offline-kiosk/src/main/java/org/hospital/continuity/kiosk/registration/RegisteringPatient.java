package org.hospital.continuity.kiosk.registration;

import org.hospital.continuity.sync.contract.Contract;
import org.hospital.continuity.sync.contract.DowntimeRecord.PatientRegistered;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.hospital.continuity.kiosk.capture.CaptureDesk;
import org.hospital.continuity.kiosk.capture.Violation;
import org.hospital.continuity.kiosk.journal.CanonicalJson;
import org.hospital.continuity.kiosk.journal.Journal;
import org.hospital.continuity.kiosk.pool.NumberPools;
import org.hospital.continuity.kiosk.pool.PoolKind;
import org.hospital.continuity.kiosk.reference.CatalogueItem;
import org.hospital.continuity.kiosk.reference.KnownPatient;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.registration.domain.RegistrationForm;
import org.hospital.continuity.kiosk.registration.persistence.RegistrationTable;
import org.hospital.continuity.kiosk.session.StaffSession;
import org.hospital.continuity.sync.envelope.RecordIds;

/** EP-6.2: outpatient registration on the downtime desk → a downtime patient number from the pool. */
@ApplicationScoped
public class RegisteringPatient {

    public static final String STREAM = "registration";
    public static final String FEE_CATEGORY = "挂号诊查";

    /** A registration as the desk lists it. */
    public record Registration(UUID id, long kioskSeq, Instant registeredAt, String phase, PatientRegistered details) {
    }

    private final CaptureDesk desk;
    private final NumberPools pools;
    private final ReferenceData reference;
    private final Journal journal;
    private final RegistrationTable table;
    private final InstantSource clock;
    private final ZoneId zone;
    /** This kiosk's registrations for the known-patient search, loaded on first use and kept current after each commit. */
    private volatile List<Registration> own;

    public RegisteringPatient(CaptureDesk desk, NumberPools pools, ReferenceData reference, Journal journal, RegistrationTable table,
                              InstantSource clock, KioskConfig config) {
        this.desk = desk;
        this.pools = pools;
        this.reference = reference;
        this.journal = journal;
        this.table = table;
        this.clock = clock;
        this.zone = ZoneId.of(config.timeZone());
    }

    /**
     * Registers a patient. A known patient of the snapshot ({@code knownPatientId}) or one registered at this kiosk
     * before ({@code previousRegistrationId}) fills what was left empty; a valid ID number fills the sex and the birth date.
     */
    public Registration register(RegistrationForm typed, String previousRegistrationId, StaffSession by) {
        List<Violation> violations = new ArrayList<>();
        Optional<PatientRegistered> previous = Optional.empty();
        if (previousRegistrationId != null && !previousRegistrationId.isBlank()) {
            previous = parse(previousRegistrationId).flatMap(this::registered);
            if (previous.isEmpty()) {
                violations.add(new Violation("previousRegistrationId", "error.registration.unknown"));
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        RegistrationForm form = withPrevious(withKnownPatient(typed), previous.orElse(null)).derived(today);
        if (typed.knownPatientId() != null && !typed.knownPatientId().isBlank() && reference.patient(typed.knownPatientId()).isEmpty()) {
            violations.add(new Violation("knownPatientId", "error.patient.unknown"));
        }
        String previousId = previous.isPresent() ? previousRegistrationId.trim() : null;
        violations.addAll(form.check(lookups(), today));
        UUID id = RecordIds.next();
        Registration done = desk.captureInDowntime(violations, c -> {
            CatalogueItem fee = reference.item(form.feeItemCode()).orElseThrow();
            String number = c.drill() != null ? c.trainingNumber("D", "PATIENT") : pools.draw(c.transaction(), PoolKind.PATIENT);
            PatientRegistered payload = new PatientRegistered(number, blankToNull(form.knownPatientId()), form.name().trim(), form.sex(),
                    form.birthDate(), form.ageYears(), upperOrNull(form.idNumber()), blankToNull(form.phone()), form.insuranceType(),
                    blankToNull(form.insuranceCard()), form.departmentCode(), blankToNull(form.doctorCode()), fee.code(), fee.name(), fee.priceFen(),
                    blankToNull(form.guardianName()), blankToNull(form.guardianPhone()), previousId);
            String json = CanonicalJson.of(payload);
            var entry = c.append(STREAM, id, 1, "PatientRegistered", Contract.CURRENT.schemaVersion(payload), json, by.accountId());
            table.insert(c.transaction(), id, number, entry.recordedAt(), payload.departmentCode(), payload.doctorCode(), payload.feeFen(),
                    c.phase().name(), desk.seal(json, "registration:" + id));
            return new Registration(id, entry.kioskSeq(), entry.recordedAt(), c.phase().name(), payload);
        });
        Log.infof("patient registered registration=%s seq=%d", id, done.kioskSeq()); // after the commit, off the writer thread
        List<Registration> known = own;
        if (known != null) {
            List<Registration> next = new ArrayList<>(known.size() + 1);
            next.add(done);
            next.addAll(known);
            own = List.copyOf(next);
        }
        return done;
    }

    /** This kiosk's registrations, newest first (for the known-patient search). */
    public List<Registration> own() {
        List<Registration> known = own;
        if (known == null) {
            synchronized (this) {
                if (own == null) {
                    own = recent(100_000);
                }
                known = own;
            }
        }
        return known;
    }

    private RegistrationForm withPrevious(RegistrationForm f, PatientRegistered p) {
        if (p == null) {
            return f;
        }
        return new RegistrationForm(f.knownPatientId() != null && !f.knownPatientId().isBlank() ? f.knownPatientId() : p.knownPatientId(),
                or(f.name(), p.name()), or(f.sex(), p.sex()), f.birthDate() != null ? f.birthDate() : p.birthDate(),
                f.ageYears() != null ? f.ageYears() : (p.birthDate() == null ? p.ageYears() : null), or(f.idNumber(), p.idNumber()),
                or(f.phone(), p.phone()), or(f.insuranceType(), p.insuranceType()), or(f.insuranceCard(), p.insuranceCard()),
                f.departmentCode(), f.doctorCode(), f.feeItemCode(), or(f.guardianName(), p.guardianName()),
                or(f.guardianPhone(), p.guardianPhone()));
    }

    private static String or(String typed, String before) {
        return typed == null || typed.isBlank() ? before : typed;
    }

    private static Optional<UUID> parse(String s) {
        try {
            return Optional.of(UUID.fromString(s.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The newest registrations, newest first (by their journal sequence). */
    public List<Registration> recent(int limit) {
        List<Journal.StreamStart> starts = journal.latestStreams(STREAM, limit);
        Map<UUID, RegistrationTable.Row> rows = table.byIds(starts.stream().map(Journal.StreamStart::streamId).toList());
        List<Registration> out = new ArrayList<>(starts.size());
        for (Journal.StreamStart s : starts) {
            RegistrationTable.Row row = rows.get(s.streamId());
            if (row != null) {
                out.add(registration(row, s.kioskSeq()));
            }
        }
        return out;
    }

    public Optional<Registration> byId(UUID id) {
        Optional<RegistrationTable.Row> row = table.byId(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong seq = journal.firstSeq(id);
        return seq.isEmpty() ? Optional.empty() : Optional.of(registration(row.get(), seq.getAsLong()));
    }

    /** What was registered (the patient's number, name …), without the journal's sequence. */
    public Optional<PatientRegistered> registered(UUID id) {
        return table.byId(id).map(this::details);
    }

    private Registration registration(RegistrationTable.Row row, long kioskSeq) {
        return new Registration(row.id(), kioskSeq, row.registeredAt(), row.phase(), details(row));
    }

    private PatientRegistered details(RegistrationTable.Row row) {
        return CanonicalJson.read(desk.open(row.details(), "registration:" + row.id()), PatientRegistered.class);
    }

    private RegistrationForm withKnownPatient(RegistrationForm f) {
        if (f.knownPatientId() == null || f.knownPatientId().isBlank()) {
            return f;
        }
        Optional<KnownPatient> known = reference.patient(f.knownPatientId());
        if (known.isEmpty()) {
            return f;
        }
        KnownPatient p = known.get();
        return new RegistrationForm(f.knownPatientId(), p.name(), p.sex(), p.birthDate(), f.ageYears(), p.idNumber(),
                f.phone() == null || f.phone().isBlank() ? p.phone() : f.phone(),
                f.insuranceType() == null || f.insuranceType().isBlank() ? p.insuranceType() : f.insuranceType(),
                f.insuranceCard() == null || f.insuranceCard().isBlank() ? p.insuranceCard() : f.insuranceCard(),
                f.departmentCode(), f.doctorCode(), f.feeItemCode(), f.guardianName(), f.guardianPhone());
    }

    private RegistrationForm.Lookups lookups() {
        return new RegistrationForm.Lookups() {
            @Override
            public boolean departmentExists(String code) {
                return reference.department(code).isPresent();
            }

            @Override
            public String doctorDepartment(String code) {
                return reference.doctor(code).map(ReferenceData.Doctor::departmentCode).orElse(null);
            }

            @Override
            public boolean isRegistrationFee(String code) {
                return reference.item(code).filter(i -> FEE_CATEGORY.equals(i.category())).isPresent();
            }
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String upperOrNull(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
