package org.hospital.continuity.kiosk.registration.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hospital.continuity.kiosk.capture.FieldRules;
import org.hospital.continuity.kiosk.capture.ResidentIdNumber;
import org.hospital.continuity.kiosk.capture.Violation;

/**
 * Outpatient registration during downtime (门诊挂号, EP-6.2): who the patient is, where they go, what
 * they pay. Either a known patient from the snapshot is picked, or the details are typed.
 */
public record RegistrationForm(
        String knownPatientId,
        String name,
        String sex,
        LocalDate birthDate,
        Integer ageYears,
        String idNumber,
        String phone,
        String insuranceType,
        String insuranceCard,
        String departmentCode,
        String doctorCode,
        String feeItemCode) {

    public static final Set<String> SEXES = Set.of("M", "F", "U");
    /** 城镇职工, 城乡居民, 自费. */
    public static final Set<String> INSURANCE_TYPES = Set.of("EMPLOYEE", "RESIDENT", "SELF_PAY");

    /** What the rules need to know of the snapshot. */
    public interface Lookups {
        boolean departmentExists(String code);

        /** The doctor's department, or null when no such doctor. */
        String doctorDepartment(String code);

        /** True when the code is a registration fee item (category 挂号诊查). */
        boolean isRegistrationFee(String code);
    }

    public List<Violation> check(Lookups refs, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        FieldRules.personName(v, "name", name, 50);
        if (FieldRules.blank(sex)) {
            v.add(new Violation("sex", "error.required"));
        } else if (!SEXES.contains(sex)) {
            v.add(new Violation("sex", "error.sex"));
        }
        if (birthDate == null && ageYears == null) {
            v.add(new Violation("birthDate", "error.birth-or-age"));
        }
        if (birthDate != null && (birthDate.isAfter(today) || birthDate.isBefore(today.minusYears(150)))) {
            v.add(new Violation("birthDate", "error.birth-date.range"));
        }
        if (ageYears != null && (ageYears < 0 || ageYears > 150)) {
            v.add(new Violation("ageYears", "error.age.range"));
        }
        FieldRules.residentId(v, "idNumber", idNumber, today);
        if (!FieldRules.blank(idNumber) && birthDate != null && v.stream().noneMatch(x -> x.field().equals("idNumber"))
                && !ResidentIdNumber.birthDate(idNumber.trim()).equals(birthDate)) {
            v.add(new Violation("birthDate", "error.birth-date.id-mismatch"));
        }
        FieldRules.phone(v, "phone", phone, false);
        if (FieldRules.blank(insuranceType)) {
            v.add(new Violation("insuranceType", "error.required"));
        } else if (!INSURANCE_TYPES.contains(insuranceType)) {
            v.add(new Violation("insuranceType", "error.insurance-type"));
        } else if (!"SELF_PAY".equals(insuranceType)) {
            FieldRules.card(v, "insuranceCard", insuranceCard);
        }
        if (FieldRules.blank(departmentCode)) {
            v.add(new Violation("departmentCode", "error.required"));
        } else if (!refs.departmentExists(departmentCode)) {
            v.add(new Violation("departmentCode", "error.department.unknown"));
        }
        if (!FieldRules.blank(doctorCode)) {
            String dept = refs.doctorDepartment(doctorCode);
            if (dept == null) {
                v.add(new Violation("doctorCode", "error.doctor.unknown"));
            } else if (!dept.equals(departmentCode)) {
                v.add(new Violation("doctorCode", "error.doctor.other-department"));
            }
        }
        if (FieldRules.blank(feeItemCode)) {
            v.add(new Violation("feeItemCode", "error.required"));
        } else if (!refs.isRegistrationFee(feeItemCode)) {
            v.add(new Violation("feeItemCode", "error.fee.unknown"));
        }
        return v;
    }
}
