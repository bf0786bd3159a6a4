package org.hospital.continuity.kiosk.registration;

import java.time.LocalDate;

/**
 * Payload of {@code PatientRegistered} (schema 1): the registration as captured, with the fee used. The guardian
 * (a child under 14) and the earlier registration at this kiosk it was filled from are optional fields.
 */
public record PatientRegistered(
        String patientNumber,
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
        String feeItemName,
        long feeFen,
        String guardianName,
        String guardianPhone,
        String previousRegistrationId) {

    /** As registered before guardians were asked (optional fields null). */
    public PatientRegistered(String patientNumber, String knownPatientId, String name, String sex, LocalDate birthDate, Integer ageYears,
                             String idNumber, String phone, String insuranceType, String insuranceCard, String departmentCode,
                             String doctorCode, String feeItemCode, String feeItemName, long feeFen) {
        this(patientNumber, knownPatientId, name, sex, birthDate, ageYears, idNumber, phone, insuranceType, insuranceCard, departmentCode,
                doctorCode, feeItemCode, feeItemName, feeFen, null, null, null);
    }
}
