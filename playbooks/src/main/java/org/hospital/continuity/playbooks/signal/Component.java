package org.hospital.continuity.playbooks.signal;

import java.util.Optional;
import java.util.Set;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.fault.Scope;
import org.hospital.continuity.playbooks.party.Department;

/** The HIS components that probes watch (EP-1.3), with what their failure means in EP-4 terms. */
public enum Component {
    /** 数据库服务器: everyone loses the HIS (EP-4.1 服务器不能正常工作, EP-5). */
    DATABASE_SERVER("数据库服务器", "database server", Cause.SERVER_DOWN, Scope.WHOLE_NETWORK, Cause.SERVER_UNSTABLE),
    /** 应用服务器: everyone loses the HIS (EP-4.1, EP-5). */
    APPLICATION_SERVER("应用服务器", "application server", Cause.SERVER_DOWN, Scope.WHOLE_NETWORK, Cause.SERVER_UNSTABLE),
    /** 核心网络/核心交换机: the network is paralysed (EP-4.1 网络瘫痪, EP-5). */
    CORE_NETWORK("核心网络", "core network", Cause.NETWORK_PARALYSED, Scope.WHOLE_NETWORK, Cause.RECURRING_FAILURE),
    /** 光纤/网段: one fibre segment, building or subnet (EP-4.1 光纤损坏、局部网络不通). */
    NETWORK_SEGMENT("光纤网段", "network segment", Cause.PARTIAL_NETWORK_DOWN, Scope.PARTIAL, Cause.RECURRING_FAILURE),
    /** 备份存储: no user loses service, but EP-4.1 备份硬盘损坏 is Class I. */
    BACKUP_STORAGE("备份存储", "backup storage", Cause.BACKUP_DISK_BROKEN, Scope.LOCAL, Cause.BACKUP_DISK_BROKEN),
    /** PACS 影像系统 server (EP-1.3, EP-6.6.2). */
    PACS("PACS影像系统", "PACS", Cause.SERVER_DOWN, Scope.PARTIAL, Cause.SERVER_UNSTABLE),
    /** LIS 检验系统 server (EP-1.3, EP-6.6.2). */
    LIS("LIS检验系统", "LIS", Cause.SERVER_DOWN, Scope.PARTIAL, Cause.SERVER_UNSTABLE),
    /** 医保线路: the insurance line (EP-4.4); stays an insurance fault even when it flaps. */
    INSURANCE_LINK("医保线路", "insurance link", Cause.INSURANCE_LINE_DOWN, Scope.PARTIAL, Cause.INSURANCE_LINE_DOWN),
    /** 重点终端: a key terminal (EP-4.1 重点终端故障). */
    KEY_TERMINAL("重点终端", "key terminal", Cause.KEY_TERMINAL_DOWN, Scope.LOCAL, Cause.KEY_TERMINAL_DOWN);

    private final String zh;
    private final String en;
    private final Cause downCause;
    private final Scope downScope;
    private final Cause unstableCause;

    Component(String zh, String en, Cause downCause, Scope downScope, Cause unstableCause) {
        this.zh = zh;
        this.en = en;
        this.downCause = downCause;
        this.downScope = downScope;
        this.unstableCause = unstableCause;
    }

    /** The Chinese name. */
    public String zh() {
        return zh;
    }

    /** The English name. */
    public String en() {
        return en;
    }

    /** What the plan calls this component being down. */
    public Cause downCause() {
        return downCause;
    }

    /** Who loses service while it is down. */
    public Scope downScope() {
        return downScope;
    }

    /** What the plan calls this component failing again and again (EP-4.1 不稳定 / 有规律性). */
    public Cause unstableCause() {
        return unstableCause;
    }

    /** True for the components the whole HIS depends on (database, application server, core network). */
    public boolean isHisWide() {
        return downScope == Scope.WHOLE_NETWORK;
    }

    /** The departments whose cashiers settle insurance claims online (EP-4.4, EP-6.2.2, EP-6.3.3). */
    public static final Set<Department> INSURANCE_DESKS = Set.of(Department.OUTPATIENT_REGISTRATION, Department.ADMISSION,
            Department.DISCHARGE_SETTLEMENT);

    /**
     * True when this component being down explains what a report says: the reporter lost what the component
     * gives them. The HIS-wide components explain every loss of access; a segment the losses in its area or
     * subnet; the insurance link failed settlements and lost connections at the cashiers' desks; PACS and LIS
     * lost access in medical technology; a key terminal its own reports. The backup disk explains no report.
     *
     * @param report the report
     * @param target the probed target of this component (a subnet for a segment, the terminal for a key terminal)
     * @param area   the area the component serves, if one
     */
    public boolean explains(FaultReport report, String target, Optional<Area> area) {
        Terminal t = report.terminal();
        boolean lost = report.symptom().lossOfAccess();
        return switch (this) {
            case DATABASE_SERVER, APPLICATION_SERVER, CORE_NETWORK -> lost;
            case NETWORK_SEGMENT -> lost && (area.map(a -> a.covers(t.area())).orElse(false) || target.equals(t.subnet()));
            case INSURANCE_LINK -> report.symptom() == Symptom.INSURANCE_SETTLEMENT_FAILS
                    || lost && INSURANCE_DESKS.contains(t.department());
            case PACS, LIS -> lost && t.department() == Department.MEDICAL_TECHNOLOGY;
            case KEY_TERMINAL -> target.equals(t.id());
            case BACKUP_STORAGE -> false;
        };
    }
}
