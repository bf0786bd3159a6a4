package org.hospital.continuity.playbooks.party;

import java.util.Arrays;
import java.util.Optional;

/**
 * The hospital's business areas as the downtime ladder (EP-5.2) and the department arrangements (EP-6)
 * name them. Each switches between normal and manual (paper) operation. The {@link #code()} is stable and
 * shared by the server, the kiosks and the playbook files; never rename a code, add a new constant instead.
 */
public enum Department implements Party {
    /** 门诊挂号收费: outpatient registration and cashier (EP-5.2.1, EP-6.2). */
    OUTPATIENT_REGISTRATION("门诊挂号收费", "outpatient registration and cashier"),
    /** 住院登记: inpatient admission office (EP-5.2.1, EP-6.3.2). */
    ADMISSION("住院登记", "inpatient admission"),
    /** 门诊医生: outpatient doctor workstations (EP-5.2.1, EP-6.4). */
    OUTPATIENT_DOCTOR("门诊医生工作站", "outpatient doctors"),
    /** 药房: pharmacy (EP-5.2.1, EP-6.7). */
    PHARMACY("药房", "pharmacy"),
    /** 住院医生工作站: inpatient doctor workstations (EP-5.2.2, EP-6.4). */
    INPATIENT_DOCTOR("住院医生工作站", "inpatient doctors"),
    /** 护士工作站: nurse workstations (EP-5.2.2, EP-6.5). */
    NURSE_STATION("护士工作站", "nurse stations"),
    /** 手术室: operating theatres (EP-5.2.2). */
    OPERATING_THEATRE("手术室", "operating theatres"),
    /** 医技检查: medical-technology exams, PACS and LIS (EP-5.2.2, EP-6.6). */
    MEDICAL_TECHNOLOGY("医技检查", "medical technology"),
    /** 出院结算处: discharge settlement (EP-5.2.3, EP-6.3). */
    DISCHARGE_SETTLEMENT("出院结算处", "discharge settlement"),
    /** 重症监护室: critical care; may switch at any moment on request (EP-5.2). */
    CRITICAL_CARE("重症监护室", "critical care"),
    /** 急诊科: emergency department; may switch at any moment on request for critically ill patients (EP-5.2). */
    EMERGENCY("急诊科", "emergency"),
    /** 其他业务: every other business of the hospital (EP-5.2.3). */
    OTHER("其他业务", "other business");

    private final String zh;
    private final String en;

    Department(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }

    /** Looks a department up by its stable code. */
    public static Optional<Department> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code().equals(code)).findFirst();
    }
}
