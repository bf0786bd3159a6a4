package org.hospital.continuity.playbooks.fault;

import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * The causes the plan names in its EP-4 table, each with the class it belongs to and the scope of the
 * loss of service. A fault is graded by its cause and nature (EP-4), not by who reports it; IT records the
 * cause when it verifies a report (EP-3.2) with a {@code Diagnosis}.
 */
public enum Cause {
    // EP-4.1 一类故障
    /** EP-4.1 服务器不能正常工作. A server the whole HIS depends on does not work. */
    SERVER_DOWN(FaultClass.CLASS_I, Scope.WHOLE_NETWORK, "EP-4.1", "服务器不能正常工作", "server not working"),
    /** EP-4.1 造成网络瘫痪. The network is paralysed (EP-5 whole-network failure). */
    NETWORK_PARALYSED(FaultClass.CLASS_I, Scope.WHOLE_NETWORK, "EP-4.1", "网络瘫痪", "network paralysed"),
    /** EP-4.1 光纤损坏. */
    FIBRE_DAMAGED(FaultClass.CLASS_I, Scope.PARTIAL, "EP-4.1", "光纤损坏", "fibre damaged"),
    /** EP-4.1 服务器数据丢失. */
    SERVER_DATA_LOST(FaultClass.CLASS_I, Scope.PARTIAL, "EP-4.1", "服务器数据丢失", "server data lost"),
    /** EP-4.1 备份硬盘损坏. */
    BACKUP_DISK_BROKEN(FaultClass.CLASS_I, Scope.LOCAL, "EP-4.1", "备份硬盘损坏", "backup disk broken"),
    /** EP-4.1 服务器工作不稳定. */
    SERVER_UNSTABLE(FaultClass.CLASS_I, Scope.PARTIAL, "EP-4.1", "服务器工作不稳定", "server unstable"),
    /** EP-4.1 局部网络不通. */
    PARTIAL_NETWORK_DOWN(FaultClass.CLASS_I, Scope.PARTIAL, "EP-4.1", "局部网络不通", "part of the network unreachable"),
    /** EP-4.1 价表目录被删除或修改 (also while the network is up: it silently corrupts every charge). */
    PRICE_CATALOGUE_ALTERED(FaultClass.CLASS_I, Scope.PARTIAL, "EP-4.1", "价表目录被删除或修改", "price catalogue deleted or altered"),
    /** EP-4.1 重点终端故障. */
    KEY_TERMINAL_DOWN(FaultClass.CLASS_I, Scope.LOCAL, "EP-4.1", "重点终端故障", "key terminal down"),
    /** EP-4.1 有规律性的整体或局部软硬件故障. */
    RECURRING_FAILURE(FaultClass.CLASS_I, Scope.PARTIAL, "EP-4.1", "有规律性的整体或局部软硬件故障", "recurring whole or partial hardware/software failure"),
    // EP-4.2 二类故障
    /** EP-4.2 单个终端软硬件故障. */
    TERMINAL_FAULT(FaultClass.CLASS_II, Scope.LOCAL, "EP-4.2", "单个终端软硬件故障", "one terminal's hardware/software fault"),
    /** EP-4.2 单个病人信息丢失. */
    SINGLE_PATIENT_DATA_LOST(FaultClass.CLASS_II, Scope.LOCAL, "EP-4.2", "单个病人信息丢失", "one patient's data lost"),
    /** EP-4.2 偶然性数据处理错误. */
    OCCASIONAL_PROCESSING_ERROR(FaultClass.CLASS_II, Scope.LOCAL, "EP-4.2", "偶然性数据处理错误", "occasional data-processing error"),
    /** EP-4.2 某科室违反工作流程引起的系统故障. */
    WORKFLOW_BREACH(FaultClass.CLASS_II, Scope.LOCAL, "EP-4.2", "某科室违反工作流程引起的系统故障", "fault caused by a department breaking the workflow"),
    // EP-4.3 三类故障
    /** EP-4.3 终端操作不熟练造成的错误. */
    OPERATOR_ERROR(FaultClass.CLASS_III, Scope.LOCAL, "EP-4.3", "终端操作不熟练造成的错误", "error from unskilled terminal operation"),
    // EP-4.4 医保故障
    /** EP-4.4 医保线路引起的医保系统故障. */
    INSURANCE_LINE_DOWN(FaultClass.INSURANCE, Scope.PARTIAL, "EP-4.4", "医保线路故障", "insurance line down"),
    /** EP-4.4 医保端引起的医保系统故障. */
    INSURER_SIDE_FAULT(FaultClass.INSURANCE, Scope.PARTIAL, "EP-4.4", "医保端故障", "fault on the insurer's side");

    private final FaultClass faultClass;
    private final Scope scope;
    private final String clause;
    private final Bilingual text;

    Cause(FaultClass faultClass, Scope scope, String clause, String zh, String en) {
        this.faultClass = faultClass;
        this.scope = scope;
        this.clause = clause;
        this.text = Bilingual.of(zh, en);
    }

    /** The class the plan puts this cause in. */
    public FaultClass faultClass() {
        return faultClass;
    }

    /** How far the loss of service reaches for this cause. */
    public Scope scope() {
        return scope;
    }

    /** The EP-4 line that names this cause. */
    public String clause() {
        return clause;
    }

    /** The cause in the plan's words and in English. */
    public Bilingual text() {
        return text;
    }
}
