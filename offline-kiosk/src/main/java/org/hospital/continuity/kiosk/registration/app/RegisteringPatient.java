package org.hospital.continuity.kiosk.registration.app;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.sync.envelope.RecordIds;
import org.hospital.continuity.kiosk.capture.app.CaptureDesk;
import org.hospital.continuity.kiosk.capture.domain.Violation;
import org.hospital.continuity.kiosk.journal.app.CanonicalJson;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.pool.app.NumberPools;
import org.hospital.continuity.kiosk.pool.domain.PoolKind;
import org.hospital.continuity.kiosk.reference.app.ReferenceData;
import org.hospital.continuity.kiosk.reference.domain.CatalogueItem;
import org.hospital.continuity.kiosk.reference.domain.KnownPatient;
import org.hospital.continuity.kiosk.registration.domain.PatientRegistered;
import org.hospital.continuity.kiosk.registration.domain.RegistrationForm;
import org.hospital.continuity.kiosk.session.domain.StaffSession;

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
    private final KioskDatabase database;
    private final InstantSource clock;

    public RegisteringPatient(CaptureDesk desk, NumberPools pools, ReferenceData reference, KioskDatabase database, InstantSource clock) {
        this.desk = desk;
        this.pools = pools;
        this.reference = reference;
        this.database = database;
        this.clock = clock;
    }

    public Registration register(RegistrationForm typed, StaffSession by) {
        RegistrationForm form = withKnownPatient(typed);
        List<Violation> violations = new ArrayList<>();
        if (typed.knownPatientId() != null && !typed.knownPatientId().isBlank() && reference.patient(typed.knownPatientId()).isEmpty()) {
            violations.add(new Violation("knownPatientId", "error.patient.unknown"));
        }
        violations.addAll(form.check(lookups(), LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault())));
        UUID id = RecordIds.next();
        Registration done = desk.captureInDowntime(violations, c -> {
            CatalogueItem fee = reference.catalogue().byCode(form.feeItemCode()).orElseThrow();
            String number = pools.draw(c.connection(), PoolKind.PATIENT);
            PatientRegistered payload = new PatientRegistered(number, blankToNull(form.knownPatientId()), form.name().trim(), form.sex(),
                    form.birthDate(), form.ageYears(), upperOrNull(form.idNumber()), blankToNull(form.phone()), form.insuranceType(),
                    blankToNull(form.insuranceCard()), form.departmentCode(), blankToNull(form.doctorCode()), fee.code(), fee.name(), fee.priceFen());
            String json = CanonicalJson.of(payload);
            var entry = c.append(STREAM, id, 1, "PatientRegistered", 1, json, by.accountId());
            PreparedStatement ps = c.statement("insert into registration(stream_id, patient_number, registered_at, "
                    + "department_code, doctor_code, fee_fen, phase, status, details) values (?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?)");
            ps.setString(1, id.toString());
            ps.setString(2, number);
            ps.setString(3, entry.recordedAt().toString());
            ps.setString(4, payload.departmentCode());
            ps.setString(5, payload.doctorCode());
            ps.setLong(6, payload.feeFen());
            ps.setString(7, c.phase().name());
            ps.setBytes(8, desk.seal(json, "registration:" + id));
            ps.executeUpdate();
            return new Registration(id, entry.kioskSeq(), entry.recordedAt(), c.phase().name(), payload);
        });
        Log.infof("patient registered registration=%s seq=%d", id, done.kioskSeq()); // after the commit, off the writer thread
        return done;
    }

    public List<Registration> recent(int limit) {
        return select("select r.*, j.kiosk_seq from registration r join journal j "
                + "on j.stream_id = r.stream_id and j.stream_version = 1 order by j.kiosk_seq desc limit ?", limit);
    }

    public Optional<Registration> byId(UUID id) {
        return select("select r.*, j.kiosk_seq from registration r join journal j "
                + "on j.stream_id = r.stream_id and j.stream_version = 1 where r.stream_id = ?", id.toString()).stream().findFirst();
    }

    private List<Registration> select(String sql, Object parameter) {
        try {
            return database.read(c -> {
                List<Registration> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, parameter);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String id = rs.getString("stream_id");
                            out.add(new Registration(UUID.fromString(id), rs.getLong("kiosk_seq"), Instant.parse(rs.getString("registered_at")),
                                    rs.getString("phase"), CanonicalJson.read(desk.open(rs.getBytes("details"), "registration:" + id),
                                    PatientRegistered.class)));
                        }
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("registrations unreadable", e);
        }
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
                f.departmentCode(), f.doctorCode(), f.feeItemCode());
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
                return reference.catalogue().byCode(code).filter(i -> FEE_CATEGORY.equals(i.category())).isPresent();
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
