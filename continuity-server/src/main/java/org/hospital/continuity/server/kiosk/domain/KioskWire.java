package org.hospital.continuity.server.kiosk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the server sends kiosks (enrolment answer, number blocks, reference snapshot). The kiosk's
 * {@code enrolment.integration.ServerWire} has the same shapes.
 */
public final class KioskWire {

    private KioskWire() {
    }

    public record Enrolled(String kioskId, String secret, String kioskName, String departmentCode, String departmentName,
                           List<Block> blocks) {
    }

    /** The key the kiosk's data key is wrapped with (base64 of 32 bytes), released to the enrolled kiosk only. */
    public record WrappingKey(String kioskId, String key) {
    }

    public record Block(String blockId, String pool, String prefix, long first, long last, Instant expiresAt) {
    }

    /**
     * @param feed the HIS reference feed's pieces with the time the HIS last answered for each (empty without the feed): the
     *             kiosk prints them on its downtime reports, so nobody reads an old list for a current one
     */
    public record Snapshot(String version, Instant generatedAt, List<Item> items, List<Department> departments, List<Doctor> doctors,
                           List<Patient> patients, List<StaffVerifier> staff, List<FeedAsOf> feed) {

        public Snapshot(String version, Instant generatedAt, List<Item> items, List<Department> departments, List<Doctor> doctors,
                        List<Patient> patients, List<StaffVerifier> staff) {
            this(version, generatedAt, items, departments, doctors, patients, staff, List.of());
        }
    }

    /** A piece of the HIS reference feed ({@code piece}: its code, {@code zh}: its name) and when the HIS last answered for it. */
    public record FeedAsOf(String piece, String zh, Instant asOf) {
    }

    /** An active medication order of an inpatient as the HIS holds it (MedicationRequest). */
    public record Order(String orderId, String drug, String dose, String route, String frequency, Instant authoredOn, String prescriber,
                        String note) {
    }

    /** A planned administration of the next 24 hours (the MAR: MedicationAdministration not yet given). */
    public record Administration(String orderId, String drug, String dose, String route, Instant due) {
    }

    public record Item(String code, String kind, String name, String pinyin, String specification, String unit, long priceFen,
                       String insuranceClass, String category) {
    }

    public record Department(String code, String name) {
    }

    public record Doctor(String code, String name, String departmentCode, String title) {
    }

    public record Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                          LocalDate birthDate, String idNumber, String phone, String insuranceType, String insuranceCard, String ward,
                          String bed, long depositFen, List<Allergy> allergies, Instant allergiesRecordedAt, List<Order> orders,
                          List<Administration> administrations, Visit visit, String attendingDoctor) {

        /** A patient without an attending doctor named by the HIS. */
        public Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                       LocalDate birthDate, String idNumber, String phone, String insuranceType, String insuranceCard, String ward,
                       String bed, long depositFen, List<Allergy> allergies, Instant allergiesRecordedAt, List<Order> orders,
                       List<Administration> administrations, Visit visit) {
            this(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard,
                    ward, bed, depositFen, allergies, allergiesRecordedAt, orders, administrations, visit, null);
        }

        /** A patient without an outpatient registration of today from the HIS. */
        public Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                       LocalDate birthDate, String idNumber, String phone, String insuranceType, String insuranceCard, String ward,
                       String bed, long depositFen, List<Allergy> allergies, Instant allergiesRecordedAt, List<Order> orders,
                       List<Administration> administrations) {
            this(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard,
                    ward, bed, depositFen, allergies, allergiesRecordedAt, orders, administrations, null);
        }

        public Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                       LocalDate birthDate, String idNumber, String phone, String insuranceType, String insuranceCard, String ward,
                       String bed, long depositFen, List<Allergy> allergies, Instant allergiesRecordedAt) {
            this(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard,
                    ward, bed, depositFen, allergies, allergiesRecordedAt, List.of(), List.of());
        }

        /** The patient without allergy data (not yet recorded). */
        public Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                       LocalDate birthDate, String idNumber, String phone, String insuranceType, String insuranceCard, String ward,
                       String bed, long depositFen) {
            this(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard,
                    ward, bed, depositFen, List.of(), null);
        }

        public Patient withAllergies(List<Allergy> list, Instant recordedAt) {
            return new Patient(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType,
                    insuranceCard, ward, bed, depositFen, List.copyOf(list), recordedAt, orders, administrations, visit, attendingDoctor);
        }

        /** The patient with the HIS's active orders and the planned administrations of the next 24 hours. */
        public Patient withMedication(List<Order> activeOrders, List<Administration> planned) {
            return new Patient(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType,
                    insuranceCard, ward, bed, depositFen, allergies, allergiesRecordedAt, List.copyOf(activeOrders), List.copyOf(planned), visit, attendingDoctor);
        }

        /** The patient with their outpatient registration of today (the HIS's), as this kiosk's department sees it. */
        public Patient withVisit(Visit today) {
            return new Patient(patientId, census, inpatientNumber, today.outpatientNumber() != null ? today.outpatientNumber() : outpatientNumber,
                    name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard, ward, bed, depositFen, allergies, allergiesRecordedAt,
                    orders, administrations, today, attendingDoctor);
        }

        /** The inpatient with the attending doctor (主治医生) the HIS named. */
        public Patient withAttending(String doctor) {
            return new Patient(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType,
                    insuranceCard, ward, bed, depositFen, allergies, allergiesRecordedAt, orders, administrations, visit, doctor);
        }
    }

    /**
     * An outpatient registration of today's hospital day as the HIS holds it (Encounter of class AMB): when, the department
     * (the kiosks' code), the doctor registered with (may be null: a department registration), and the 门诊号.
     */
    public record Visit(Instant registeredAt, String departmentCode, String doctorCode, String doctorName, String outpatientNumber) {
    }

    /**
     * A recorded allergy. A patient with {@code allergiesRecordedAt} set and no allergy has
     * no known allergy; with it null, allergies were never recorded.
     */
    public record Allergy(String allergenCode, String allergen, String reaction, String severity) {
    }

    /** EP-6.1: the announced instructions of a kiosk's department ({@code party}: its area of the downtime ladder). */
    public record Instructions(String party, List<Instruction> instructions) {
    }

    /** An announced instruction as a kiosk shows it; {@code modeAfter} MANUAL starts downtime, RECOVERING ends it. */
    /** An announced instruction as a kiosk keeps it; {@code number} is its short number (通知第N号). */
    public record Instruction(java.util.UUID id, Long number, String party, String kind, String modeAfter, String clause, String zh,
                              String en, Instant issuedAt, String issuedBy, boolean acknowledged, String acknowledgedBy,
                              Instant acknowledgedAt) {
    }

    public record StaffVerifier(String accountId, String displayName, List<String> roles, String algorithm, String salt, int iterations,
                                String hash) {
    }
}
