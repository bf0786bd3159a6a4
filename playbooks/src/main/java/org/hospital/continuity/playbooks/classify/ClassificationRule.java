package org.hospital.continuity.playbooks.classify;

import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * The named rules the classifier applies, in the order it applies them. Each piece of {@link Evidence}
 * names the rule that produced it, so a leader can read why the incident has its class.
 */
public enum ClassificationRule {
    /** EP-4.1 / EP-4.4: a probed component is down now; graded by what the plan calls that failure. */
    COMPONENT_DOWN("EP-4.1", "组件中断", "component down"),
    /** EP-4.1 服务器工作不稳定 / 有规律性: a component failed again and again within the window, even if up now. */
    COMPONENT_UNSTABLE("EP-4.1", "组件工作不稳定", "component unstable"),
    /** EP-4.1 价表目录被删除或修改, 服务器数据丢失; EP-4.2 单个病人信息丢失: an open integrity alarm. */
    INTEGRITY_ALARM("EP-4.1", "数据完整性告警", "integrity alarm"),
    /** EP-3.2: IT verified and recorded the cause; the EP-4 table grades it. */
    DIAGNOSED_CAUSE("EP-3.2", "信息科核实的原因", "cause verified by IT"),
    /** EP-5: reports of lost access from many buildings at once are a whole-network failure. */
    REPORTS_ACROSS_BUILDINGS("EP-5", "多楼宇同时无法访问", "loss of access across buildings"),
    /** EP-4.1 有规律性的整体或局部故障: several terminals of one ward, subnet or building within the window. */
    TERMINAL_PATTERN("EP-4.1", "同一区域多终端故障", "pattern of terminal faults in one area"),
    /** EP-4.1 重点终端故障: a report from a configured key terminal. */
    KEY_TERMINAL_REPORT("EP-4.1", "重点终端报告故障", "fault reported on a key terminal"),
    /** EP-4.2 / EP-4.4: one open report not yet verified: a provisional grade from the symptom. */
    SINGLE_REPORT("EP-4.2", "单个终端故障报告(待核实)", "single fault report (to be verified)");

    private final String clause;
    private final Bilingual title;

    ClassificationRule(String clause, String zh, String en) {
        this.clause = clause;
        this.title = Bilingual.of(zh, en);
    }

    /** The clause the rule implements. */
    public String clause() {
        return clause;
    }

    /** Short name in both languages. */
    public Bilingual title() {
        return title;
    }
}
