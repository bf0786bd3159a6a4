package org.hospital.continuity.kiosk.registration.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.reference.KnownPatient;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.reference.ReferenceSnapshot;
import org.hospital.continuity.sync.contract.DowntimeRecord.PatientRegistered;
import org.hospital.continuity.kiosk.registration.RegisteringPatient;

/**
 * Known patients for the desk: the snapshot's patients and this kiosk's own registrations, found by name, pinyin
 * initials, ID number, phone (whole, its start or its last four digits), the downtime patient number (whole or its
 * last digits), the outpatient or inpatient number or the bed. Picking one fills the form; the list shows masked ID
 * and phone numbers only (HR-5, HR-12). At least two characters are needed (no bulk listing).
 */
@ApplicationScoped
public class FindingKnownPatients {

    /** A patient as the pick list shows it; {@code source} SNAPSHOT (id: known patient id) or KIOSK (id: registration id). */
    public record Hit(String source, String id, String name, String sex, LocalDate birthDate, Integer age, String idNumberMasked,
                      String phoneMasked, String insuranceType, boolean insuranceCard, String patientNumber, String outpatientNumber,
                      String inpatientNumber, String ward, String bed, Instant registeredAt, String departmentCode, String doctorName) {

        Hit(String source, String id, String name, String sex, LocalDate birthDate, Integer age, String idNumberMasked, String phoneMasked,
            String insuranceType, boolean insuranceCard, String patientNumber, String outpatientNumber, String inpatientNumber, String ward,
            String bed, Instant registeredAt, String departmentCode) {
            this(source, id, name, sex, birthDate, age, idNumberMasked, phoneMasked, insuranceType, insuranceCard, patientNumber,
                    outpatientNumber, inpatientNumber, ward, bed, registeredAt, departmentCode, null);
        }
    }

    private final ReferenceData reference;
    private final RegisteringPatient registrations;
    private final InstantSource clock;
    private final ZoneId zone;

    public FindingKnownPatients(ReferenceData reference, RegisteringPatient registrations, InstantSource clock, KioskConfig config) {
        this.reference = reference;
        this.registrations = registrations;
        this.clock = clock;
        this.zone = ZoneId.of(config.timeZone());
    }

    public List<Hit> find(String query, int limit) {
        String q = query == null ? "" : query.strip().toUpperCase(Locale.ROOT);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<Hit> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // this kiosk's registrations first (the patient who was just here), newest first; one line per patient
        for (RegisteringPatient.Registration r : registrations.own()) {
            PatientRegistered p = r.details();
            if (out.size() >= limit) {
                break;
            }
            if (!matches(q, p.name(), p.idNumber(), p.phone(), p.patientNumber())) {
                continue;
            }
            String key = p.knownPatientId() != null ? "K:" + p.knownPatientId() : p.idNumber() != null ? "I:" + p.idNumber()
                    : "N:" + p.name() + "|" + p.phone();
            if (seen.add(key)) {
                out.add(new Hit("KIOSK", r.id().toString(), p.name(), p.sex(), p.birthDate(), age(p.birthDate(), p.ageYears(), today),
                        mask(p.idNumber(), 4, 4), mask(p.phone(), 3, 4), p.insuranceType(), p.insuranceCard() != null, p.patientNumber(),
                        null, null, null, null, r.registeredAt(), p.departmentCode()));
            }
        }
        for (KnownPatient p : reference.findPatients(q, false, limit)) {
            if (out.size() >= limit) {
                break;
            }
            if (seen.add("K:" + p.patientId())) {
                // the HIS's registration of today (EP-6.2): when, with which department and doctor
                ReferenceSnapshot.Visit v = p.visit() != null && LocalDate.ofInstant(p.visit().registeredAt(), zone).equals(today) ? p.visit() : null;
                out.add(new Hit("SNAPSHOT", p.patientId(), p.name(), p.sex(), p.birthDate(), age(p.birthDate(), null, today),
                        mask(p.idNumber(), 4, 4), mask(p.phone(), 3, 4), p.insuranceType(), p.insuranceCard() != null, null,
                        p.outpatientNumber(), p.inpatientNumber(), p.ward(), p.bed(), v == null ? null : v.registeredAt(),
                        v == null ? null : v.departmentCode(), v == null ? null : v.doctorName()));
            }
        }
        return out;
    }

    /** Whether a registration matches: name or its initials, ID number, phone, the downtime number (or its last digits). */
    static boolean matches(String q, String name, String idNumber, String phone, String patientNumber) {
        if (q.isEmpty()) {
            return false;
        }
        return (name != null && (name.startsWith(q) || ReferenceData.initials(name).startsWith(q)))
                || (idNumber != null && idNumber.toUpperCase(Locale.ROOT).startsWith(q))
                || ReferenceData.phoneMatches(phone, q)
                || (patientNumber != null && (patientNumber.toUpperCase(Locale.ROOT).startsWith(q)
                || (q.length() >= 3 && q.chars().allMatch(Character::isDigit) && patientNumber.endsWith(q))));
    }

    static Integer age(LocalDate birth, Integer typed, LocalDate today) {
        return birth != null && !birth.isAfter(today) ? Integer.valueOf(Period.between(birth, today).getYears()) : typed;
    }

    /** The first and last characters only: 110105********0024, 139****5678. */
    static String mask(String s, int head, int tail) {
        if (s == null || s.length() <= head + tail) {
            return s;
        }
        return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
    }
}
