package org.hospital.continuity.playbooks.fault;

/**
 * The hospital's fault classes by cause and nature (EP-4), each with who handles it.
 */
public enum FaultClass {
    /** EP-4.1 一类故障: server down, fibre cut, data lost, price catalogue altered, recurring failures; EP-4.5 the leadership group coordinates. */
    CLASS_I("一类故障", "Class I", "EP-4.1", "应急领导组组织协调恢复 / the emergency leadership group organises recovery (EP-4.5)"),
    /** EP-4.2 二类故障: one terminal, one patient's data, an occasional error, a workflow breach; EP-4.6 IT resolves centrally. */
    CLASS_II("二类故障", "Class II", "EP-4.2", "信息科集中解决 / IT resolves it centrally (EP-4.6)"),
    /** EP-4.3 三类故障: unskilled operation; EP-4.7 the system administrator resolves it alone. */
    CLASS_III("三类故障", "Class III", "EP-4.3", "系统管理员独立解决并记录 / the system administrator resolves it alone and logs it (EP-4.7)"),
    /** EP-4.4 医保故障: the insurance line or the insurer's side; EP-4.8 finance, insurance office and outpatient office. */
    INSURANCE("医保故障", "Insurance fault", "EP-4.4", "财务科、医保办、门诊办协调处理 / finance, insurance office and outpatient office coordinate (EP-4.8)");

    private final String zh;
    private final String en;
    private final String clause;
    private final String handler;

    FaultClass(String zh, String en, String clause, String handler) {
        this.zh = zh;
        this.en = en;
        this.clause = clause;
        this.handler = handler;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public String clause() {
        return clause;
    }

    public String handler() {
        return handler;
    }
}
