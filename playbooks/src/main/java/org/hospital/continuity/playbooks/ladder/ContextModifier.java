package org.hospital.continuity.playbooks.ladder;

import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * The circumstances EP-5.1 says IT must take into account because they change how long recovery takes.
 * Each can pull the ladder's thresholds earlier and widen who is told ({@link ModifierPolicy}).
 */
public enum ContextModifier {
    /** 节假日: holiday roster (HR-15), fewer hands, slower recovery. */
    HOLIDAY("节假日", "public holiday"),
    /** 病人多: high patient volume, queues build fast. */
    HIGH_PATIENT_VOLUME("就诊高峰", "high patient volume"),
    /** 人员外出: key staff away. */
    STAFF_AWAY("人员外出", "staff away"),
    /** 医院重大活动: a major hospital event (inspection, mass-casualty response, VIP visit). */
    MAJOR_EVENT("医院重大活动", "major hospital event");

    private final Bilingual text;

    ContextModifier(String zh, String en) {
        this.text = Bilingual.of(zh, en);
    }

    /** The circumstance in both languages. */
    public Bilingual text() {
        return text;
    }
}
