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
        String feeItemCode,
        String guardianName,
        String guardianPhone) {

    /** A child under this age needs a guardian's name and phone on the registration. */
    public static final int CHILD_BELOW_AGE = 14;

    /** The form as typed, without a guardian (callers from before guardians were asked). */
    public RegistrationForm(String knownPatientId, String name, String sex, LocalDate birthDate, Integer ageYears, String idNumber,
                            String phone, String insuranceType, String insuranceCard, String departmentCode, String doctorCode,
                            String feeItemCode) {
        this(knownPatientId, name, sex, birthDate, ageYears, idNumber, phone, insuranceType, insuranceCard, departmentCode, doctorCode,
                feeItemCode, null, null);
    }

    /**
     * Typing less: a valid resident ID number (GB 11643, check digit verified) gives the sex and the birth date
     * when they were left empty; a wrong number gives nothing (the check reports it at the field).
     */
    public RegistrationForm derived(LocalDate today) {
        if (FieldRules.blank(idNumber) || ResidentIdNumber.check(idNumber.trim(), today) != ResidentIdNumber.Result.VALID) {
            return this;
        }
        String id = idNumber.trim();
        String s = FieldRules.blank(sex) ? ResidentIdNumber.sex(id) : sex;
        LocalDate b = birthDate == null ? ResidentIdNumber.birthDate(id) : birthDate;
        return new RegistrationForm(knownPatientId, name, s, b, ageYears, idNumber, phone, insuranceType, insuranceCard, departmentCode,
                doctorCode, feeItemCode, guardianName, guardianPhone);
    }

    /** The age in whole years on {@code today}: from the birth date, else as typed; null when neither is known. */
    public Integer age(LocalDate today) {
        if (birthDate != null && !birthDate.isAfter(today)) {
            return java.time.Period.between(birthDate, today).getYears();
        }
        return ageYears;
    }

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
        if (!FieldRules.blank(idNumber) && sex != null && SEXES.contains(sex) && !"U".equals(sex) && v.stream().noneMatch(x -> x.field().equals("idNumber"))
                && !ResidentIdNumber.sex(idNumber.trim()).equals(sex)) {
            v.add(new Violation("sex", "error.sex.id-mismatch"));
        }
        Integer age = age(today);
        if (age != null && age < CHILD_BELOW_AGE) {
            // a child is registered with a guardian who can be called (name and phone)
            if (FieldRules.blank(guardianName)) {
                v.add(new Violation("guardianName", "error.guardian.required"));
            } else {
                FieldRules.personName(v, "guardianName", guardianName, 50);
            }
            FieldRules.phone(v, "guardianPhone", guardianPhone, true);
            v.replaceAll(x -> x.field().equals("guardianPhone") && x.messageKey().equals("error.phone.required")
                    ? new Violation("guardianPhone", "error.guardian.phone") : x);
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
