package org.hospital.continuity.kiosk.enrolment.integration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON the kiosk exchanges with the server's {@code /api/kiosk/*} endpoints (enrolment, number
 * pools, reference snapshots). The server's {@code server.kiosk.api} records have the same shape.
 */
public final class ServerWire {

    private ServerWire() {
    }

    public record EnrolRequest(String code, String kioskName) {
    }

    public record Enrolled(String kioskId, String secret, String kioskName, String departmentCode, String departmentName,
                           List<Block> blocks) {
    }

    public record Block(String blockId, String pool, String prefix, long first, long last, Instant expiresAt) {
    }

    public record BlockRequest(String pool) {
    }

    /** EP-6.1: the announced instructions of the kiosk's department ({@code party}: its area of the downtime ladder), newest first. */
    public record Instructions(String party, List<Instruction> instructions) {
    }

    /** An announced instruction; {@code modeAfter} MANUAL starts downtime, RECOVERING ends it (null: no mode change). */
    public record Instruction(java.util.UUID id, String party, String kind, String modeAfter, String clause, String zh, String en,
                              Instant issuedAt, String issuedBy, boolean acknowledged, String acknowledgedBy, Instant acknowledgedAt) {
    }

    /** The staff member signed in at the kiosk who acknowledges an instruction. */
    public record Acknowledgement(String accountId) {
    }

    public record Snapshot(String version, Instant generatedAt, List<Item> items, List<Department> departments,
                           List<Doctor> doctors, List<Patient> patients, List<StaffVerifier> staff) {
    }

    public record Item(String code, String kind, String name, String pinyin, String specification, String unit,
                       long priceFen, String insuranceClass, String category) {
    }

    public record Department(String code, String name) {
    }

    public record Doctor(String code, String name, String departmentCode, String title) {
    }

    /** A patient known to the HIS: ward census (inpatients) or a recent outpatient. */
    public record Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name,
                          String sex, LocalDate birthDate, String idNumber, String phone, String insuranceType,
                          String insuranceCard, String ward, String bed, long depositFen, List<Allergy> allergies,
                          Instant allergiesRecordedAt) {

        /** A patient whose allergies were never recorded. */
        public Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                       LocalDate birthDate, String idNumber, String phone, String insuranceType, String insuranceCard, String ward,
                       String bed, long depositFen) {
            this(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard,
                    ward, bed, depositFen, List.of(), null);
        }
    }

    /** A recorded allergy; stored sealed with the rest of the patient (HR-13). */
    public record Allergy(String allergenCode, String allergen, String reaction, String severity) {
    }

    /** An offline login verifier: PBKDF2-HMAC-SHA256 of the staff member's password, never the password. */
    public record StaffVerifier(String accountId, String displayName, List<String> roles, String algorithm, String salt,
                                int iterations, String hash) {
    }
}
