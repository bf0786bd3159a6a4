package org.hospital.continuity.playbooks.incident;

import org.hospital.continuity.playbooks.text.Bilingual;

/** Why a department works on paper (EP-5.2, EP-5.1). */
public enum ManualBasis {
    /** Its EP-5.2 ladder row fell due. */
    LADDER("EP-5.2", "停机时间达到阶梯时限", "its ladder row fell due"),
    /** Critically ill patients: it may switch at any moment on request (EP-5.2). */
    CRITICAL_PATIENTS("EP-5.2", "危重病人,随时转入手工", "critically ill patients: switched at any moment"),
    /**
     * The leadership group moved its switch earlier, weighing holidays, patient volume, staff away or a major
     * event (EP-5.1).
     */
    LEADERSHIP_DECISION("EP-5.1", "应急领导组决定提前转入手工", "the leadership group moved its switch earlier");

    private final String clause;
    private final Bilingual text;

    ManualBasis(String clause, String zh, String en) {
        this.clause = clause;
        this.text = Bilingual.of(zh, en);
    }

    /** The clause that allows it. */
    public String clause() {
        return clause;
    }

    /** In words. */
    public Bilingual text() {
        return text;
    }
}
