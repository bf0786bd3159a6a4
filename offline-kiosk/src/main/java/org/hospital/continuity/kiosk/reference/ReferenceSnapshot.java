package org.hospital.continuity.kiosk.reference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A reference snapshot as the server publishes it (price catalogue, drug dictionary, departments, doctors,
 * known patients with their allergies, and — from the HIS reference feed — their active orders and the MAR of the next 24
 * hours, with each piece's as-of time), replaced whole on this kiosk ({@link ReferenceData#replace}). The
 * records are the server's JSON field for field (the wire of {@code /api/kiosk/snapshot}); a patient is
 * stored sealed as this JSON (HR-13).
 */
public record ReferenceSnapshot(String version, Instant generatedAt, List<Item> items, List<Department> departments,
                                List<Doctor> doctors, List<Patient> patients, List<FeedAsOf> feed) {

    /** A snapshot without the HIS feed's as-of times (a server without the feed). */
    public ReferenceSnapshot(String version, Instant generatedAt, List<Item> items, List<Department> departments, List<Doctor> doctors,
                             List<Patient> patients) {
        this(version, generatedAt, items, departments, doctors, patients, List.of());
    }

    /** A piece of the HIS reference feed ({@code zh}: its name) and when the HIS last answered for it. */
    public record FeedAsOf(String piece, String zh, Instant asOf) {
    }

    /** An active medication order as the HIS holds it. */
    public record Order(String orderId, String drug, String dose, String route, String frequency, Instant authoredOn, String prescriber,
                        String note) {
    }

    /** A planned administration of the next 24 hours (the MAR). */
    public record Administration(String orderId, String drug, String dose, String route, Instant due) {
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
                          Instant allergiesRecordedAt, List<Order> orders, List<Administration> administrations, Visit visit,
                          String attendingDoctor) {

        /** A patient without an attending doctor named by the HIS (主治医生, kept for the ward's papers to come). */
        public Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                       LocalDate birthDate, String idNumber, String phone, String insuranceType, String insuranceCard, String ward,
                       String bed, long depositFen, List<Allergy> allergies, Instant allergiesRecordedAt, List<Order> orders,
                       List<Administration> administrations, Visit visit) {
            this(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard,
                    ward, bed, depositFen, allergies, allergiesRecordedAt, orders, administrations, visit, null);
        }

        /** A patient without an outpatient registration of today. */
        public Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                       LocalDate birthDate, String idNumber, String phone, String insuranceType, String insuranceCard, String ward,
                       String bed, long depositFen, List<Allergy> allergies, Instant allergiesRecordedAt, List<Order> orders,
                       List<Administration> administrations) {
            this(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard,
                    ward, bed, depositFen, allergies, allergiesRecordedAt, orders, administrations, null, null);
        }

        /** A patient without orders or MAR from the HIS. */
        public Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                       LocalDate birthDate, String idNumber, String phone, String insuranceType, String insuranceCard, String ward,
                       String bed, long depositFen, List<Allergy> allergies, Instant allergiesRecordedAt) {
            this(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard,
                    ward, bed, depositFen, allergies, allergiesRecordedAt, List.of(), List.of());
        }

        /** A patient whose allergies were never recorded. */
        public Patient(String patientId, boolean census, String inpatientNumber, String outpatientNumber, String name, String sex,
                       LocalDate birthDate, String idNumber, String phone, String insuranceType, String insuranceCard, String ward,
                       String bed, long depositFen) {
            this(patientId, census, inpatientNumber, outpatientNumber, name, sex, birthDate, idNumber, phone, insuranceType, insuranceCard,
                    ward, bed, depositFen, List.of(), null);
        }
    }

    /**
     * The patient's outpatient registration of today as the HIS held it (the server's feed, EP-6.2/EP-6.4): when, the
     * department, the doctor registered with (null: a department registration) and the 门诊号.
     */
    public record Visit(Instant registeredAt, String departmentCode, String doctorCode, String doctorName, String outpatientNumber) {
    }

    /** A recorded allergy; stored sealed with the rest of the patient (HR-13). */
    public record Allergy(String allergenCode, String allergen, String reaction, String severity) {
    }
}
