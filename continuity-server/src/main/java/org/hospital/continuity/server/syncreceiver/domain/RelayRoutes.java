package org.hospital.continuity.server.syncreceiver.domain;

import java.util.List;
import java.util.UUID;
import org.hospital.continuity.sync.contract.DowntimeRecord;

/**
 * HIS down, LAN up: which stations a pushed record is relayed to (EP-6.4–6.7; HR-5: a station sees only what its department
 * works on). Pure: the record decides its audience; resolving "the station that asked" to departments is the caller's.
 *
 * <ul>
 *   <li>a ward's drug requisition and a doctor's prescription: the pharmacy (EP-6.5, EP-6.7);</li>
 *   <li>a doctor's lab or exam request: the med-tech stations (EP-6.4.4, EP-6.6);</li>
 *   <li>a cashier's registration: the doctors of the department the patient registered with (EP-6.2, EP-6.4);</li>
 *   <li>a dispense: the station that wrote what it fills, and the pharmacy (so a second pharmacy kiosk does not fill it again);</li>
 *   <li>an exam register entry (the exam done, its result on paper): the stations that requested an exam for the patient;</li>
 *   <li>a void or correction: whoever saw the record it amends.</li>
 * </ul>
 */
public final class RelayRoutes {

    /** The ladder area (playbooks {@code Department} code) of the pharmacy. */
    public static final String PHARMACY = "PHARMACY";
    /** The ladder area of the med-tech stations. */
    public static final String MEDICAL_TECHNOLOGY = "MEDICAL_TECHNOLOGY";

    /** Event types the relay reads at all (the partial index of V0530 names the same). */
    public static final List<String> RELAYED_EVENTS = List.of("PrescriptionWritten", "RequisitionIssued", "OrderWritten",
            "PatientRegistered", "Dispensed", "ExamsRegistered", "ClinicalFormVoided", "ClinicalFormCorrected");

    private RelayRoutes() {
    }

    /** Who a record goes to. */
    public sealed interface Target {
    }

    /** Every station of a ladder area ({@link #PHARMACY}, {@link #MEDICAL_TECHNOLOGY}). */
    public record Area(String area) implements Target {
    }

    /** Every station of one department. */
    public record DepartmentOf(String departmentCode) implements Target {
    }

    /** The department of the station that captured this record. */
    public record CapturerOf(UUID recordId) implements Target {
    }

    /** The departments of the stations that requested an exam for this patient. */
    public record ExamRequestersOf(DowntimeRecord.PatientOnForm patient) implements Target {
    }

    /** Whoever the amended record (stream) went to. */
    public record AudienceOf(UUID recordId) implements Target {
    }

    /** The audience of a record as the kiosk wrote it; empty when it is not relayed. */
    public static List<Target> audience(UUID recordId, DowntimeRecord record) {
        if (record instanceof DowntimeRecord.PrescriptionWritten || record instanceof DowntimeRecord.RequisitionIssued) {
            return List.of(new Area(PHARMACY));
        }
        if (record instanceof DowntimeRecord.OrderWritten o) {
            return o.examRequest() ? List.of(new Area(MEDICAL_TECHNOLOGY)) : List.of();
        }
        if (record instanceof DowntimeRecord.PatientRegistered r) {
            return r.departmentCode() == null ? List.of() : List.of(new DepartmentOf(r.departmentCode()));
        }
        if (record instanceof DowntimeRecord.Dispensed d) {
            return List.of(new CapturerOf(d.fills()), new Area(PHARMACY));
        }
        if (record instanceof DowntimeRecord.ExamsRegistered e) {
            return List.of(new ExamRequestersOf(e.patient()), new Area(MEDICAL_TECHNOLOGY));
        }
        if (record instanceof DowntimeRecord.ClinicalFormVoided || record instanceof DowntimeRecord.ClinicalFormCorrected) {
            return List.of(new AudienceOf(recordId));
        }
        return List.of();
    }

    /** A station as the relay sees it: its kiosk, department and the department's ladder area (null outside the ladder). */
    public record Station(String kioskId, String departmentCode, String area) {
    }

    /**
     * Whether a resolved audience (departments and areas) includes the station; never its own records (it holds them).
     */
    public static boolean reaches(Station station, String capturingKiosk, List<String> departments, List<String> areas) {
        if (station.kioskId().equals(capturingKiosk)) {
            return false;
        }
        return departments.contains(station.departmentCode()) || (station.area() != null && areas.contains(station.area()));
    }
}
