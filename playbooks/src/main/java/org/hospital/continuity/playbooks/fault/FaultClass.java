package org.hospital.continuity.playbooks.fault;

import java.util.Comparator;

/**
 * The hospital's fault classes by cause and nature (EP-4), each with who handles it.
 *
 * <p>The plan does not order the insurance fault against the three classes. For re-grading the system
 * needs one order ({@link #severity()}): Class I &gt; insurance fault &gt; Class II &gt; Class III. An
 * insurance fault stops every insured settlement hospital-wide and involves three offices (EP-4.8), so it
 * ranks above one terminal's fault (Class II) and below a paralysed network (Class I).
 */
public enum FaultClass {
    /** EP-4.1 一类故障: server down, fibre cut, data lost, price catalogue altered, recurring failures; EP-4.5 the leadership group coordinates. */
    CLASS_I("一类故障", "Class I", "EP-4.1", "应急领导组组织协调恢复 / the emergency leadership group organises recovery (EP-4.5)", 4),
    /** EP-4.2 二类故障: one terminal, one patient's data, an occasional error, a workflow breach; EP-4.6 IT resolves centrally. */
    CLASS_II("二类故障", "Class II", "EP-4.2", "信息科集中解决 / IT resolves it centrally (EP-4.6)", 2),
    /** EP-4.3 三类故障: unskilled operation; EP-4.7 the system administrator resolves it alone. */
    CLASS_III("三类故障", "Class III", "EP-4.3", "系统管理员独立解决并记录 / the system administrator resolves it alone and logs it (EP-4.7)", 1),
    /** EP-4.4 医保故障: the insurance line or the insurer's side; EP-4.8 finance, insurance office and outpatient office. */
    INSURANCE("医保故障", "Insurance fault", "EP-4.4", "财务科、医保办、门诊办协调处理 / finance, insurance office and outpatient office coordinate (EP-4.8)", 3);

    /** Orders classes from least to most severe (see {@link #severity()}). */
    public static final Comparator<FaultClass> BY_SEVERITY = Comparator.comparingInt(FaultClass::severity);

    private final String zh;
    private final String en;
    private final String clause;
    private final String handler;
    private final int severity;

    FaultClass(String zh, String en, String clause, String handler, int severity) {
        this.zh = zh;
        this.en = en;
        this.clause = clause;
        this.handler = handler;
        this.severity = severity;
    }

    /** The Chinese name, e.g. 一类故障. */
    public String zh() {
        return zh;
    }

    /** The English name, e.g. Class I. */
    public String en() {
        return en;
    }

    /** The clause that defines the class (EP-4.1 … EP-4.4). */
    public String clause() {
        return clause;
    }

    /** Who handles it, in both languages, with the clause (EP-4.5 … EP-4.8). */
    public String handler() {
        return handler;
    }

    /** The clause that says who handles the class (EP-4.5 … EP-4.8). */
    public String handlerClause() {
        return switch (this) {
            case CLASS_I -> "EP-4.5";
            case CLASS_II -> "EP-4.6";
            case CLASS_III -> "EP-4.7";
            case INSURANCE -> "EP-4.8";
        };
    }

    /** Rank used for re-grading: higher is more severe (Class I 4, insurance 3, Class II 2, Class III 1). */
    public int severity() {
        return severity;
    }

    /** True when this class is strictly more severe than {@code other}. */
    public boolean isMoreSevereThan(FaultClass other) {
        return severity > other.severity;
    }

    /** The more severe of two classes. */
    public static FaultClass mostSevere(FaultClass a, FaultClass b) {
        return a.severity >= b.severity ? a : b;
    }

    /** {@code 一类故障 Class I}. */
    public String label() {
        return zh + " " + en;
    }
}
