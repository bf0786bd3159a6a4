package org.hospital.continuity.kiosk.registration;

import org.hospital.continuity.sync.contract.DowntimeRecord.PatientRegistered;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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

    public RegisteringPatient(CaptureDesk desk, NumberPools pools, ReferenceData reference, Journal journal, RegistrationTable table,
                              InstantSource clock) {
        this.desk = desk;
        this.pools = pools;
        this.reference = reference;
        this.journal = journal;
        this.table = table;
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
            CatalogueItem fee = reference.item(form.feeItemCode()).orElseThrow();
            String number = pools.draw(c.transaction(), PoolKind.PATIENT);
            PatientRegistered payload = new PatientRegistered(number, blankToNull(form.knownPatientId()), form.name().trim(), form.sex(),
                    form.birthDate(), form.ageYears(), upperOrNull(form.idNumber()), blankToNull(form.phone()), form.insuranceType(),
                    blankToNull(form.insuranceCard()), form.departmentCode(), blankToNull(form.doctorCode()), fee.code(), fee.name(), fee.priceFen());
            String json = CanonicalJson.of(payload);
            var entry = c.append(STREAM, id, 1, "PatientRegistered", 1, json, by.accountId());
            table.insert(c.transaction(), id, number, entry.recordedAt(), payload.departmentCode(), payload.doctorCode(), payload.feeFen(),
                    c.phase().name(), desk.seal(json, "registration:" + id));
            return new Registration(id, entry.kioskSeq(), entry.recordedAt(), c.phase().name(), payload);
        });
        Log.infof("patient registered registration=%s seq=%d", id, done.kioskSeq()); // after the commit, off the writer thread
        return done;
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
