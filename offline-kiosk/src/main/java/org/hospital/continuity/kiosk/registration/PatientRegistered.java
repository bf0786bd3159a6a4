package org.hospital.continuity.kiosk.registration;

import java.time.LocalDate;

/** Payload of {@code PatientRegistered} (schema 1): the registration as captured, with the fee used. */
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
        long feeFen) {
}
