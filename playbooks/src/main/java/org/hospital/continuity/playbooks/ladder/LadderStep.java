package org.hospital.continuity.playbooks.ladder;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * The rows of the EP-5.2 table: after how long an unrecovered whole-network outage which departments switch to
 * manual (paper) operation. The departments are the plan's; the thresholds here are the plan's defaults and a
 * hospital may change them in {@link LadderSettings}.
 */
public enum LadderStep {
    /** EP-5.2.1: 30 minutes: outpatient registration, admission, outpatient doctors, pharmacy. */
    FRONT_DESK("EP-5.2.1", Duration.ofMinutes(30), "门诊挂号、住院登记、门诊医生、药房", "outpatient registration, admission, outpatient doctors, pharmacy",
            EnumSet.of(Department.OUTPATIENT_REGISTRATION, Department.ADMISSION, Department.OUTPATIENT_DOCTOR, Department.PHARMACY)),
    /** EP-5.2.2: 6 hours: inpatient doctors, nurse stations, operating theatres, medical technology. */
    WARDS_AND_THEATRES("EP-5.2.2", Duration.ofHours(6), "住院医生、护士工作站、手术室、医技检查", "inpatient doctors, nurse stations, theatres, medical technology",
            EnumSet.of(Department.INPATIENT_DOCTOR, Department.NURSE_STATION, Department.OPERATING_THEATRE, Department.MEDICAL_TECHNOLOGY)),
    /** EP-5.2.3: 24 hours: every business of the hospital. */
    WHOLE_HOSPITAL("EP-5.2.3", Duration.ofHours(24), "全院各种业务", "every business of the hospital",
            EnumSet.allOf(Department.class));

    private final String clause;
    private final Duration planThreshold;
    private final Bilingual title;
    private final Set<Department> departments;

    LadderStep(String clause, Duration planThreshold, String zh, String en, Set<Department> departments) {
        this.clause = clause;
        this.planThreshold = planThreshold;
        this.title = Bilingual.of(zh, en);
        this.departments = Collections.unmodifiableSet(departments);
    }

    /** The EP-5.2 row. */
    public String clause() {
        return clause;
    }

    /** The plan's threshold: 30 min, 6 h, 24 h. */
    public Duration planThreshold() {
        return planThreshold;
    }

    /** Who switches, in words. */
    public Bilingual title() {
        return title;
    }

    /** The departments this row names (the 24-hour row names all of them). */
    public Set<Department> departments() {
        return departments;
    }
}
