package org.hospital.continuity.playbooks.signal;

import org.hospital.continuity.playbooks.fault.FaultClass;
import org.hospital.continuity.playbooks.fault.Scope;

/**
 * What a reporter saw (EP-3.1 "what they saw"). A symptom gives only a provisional grade until IT records
 * the cause (EP-3.2): the reporter's words do not decide the class (EP-4 "by cause and nature").
 */
public enum Symptom {
    /** 无法连接系统 / 网络不通. */
    CANNOT_CONNECT("无法连接系统", "cannot connect", FaultClass.CLASS_II, Scope.LOCAL, true),
    /** EP-3.1 不能进入程序. */
    PROGRAM_WONT_OPEN("不能进入程序", "program will not open", FaultClass.CLASS_II, Scope.LOCAL, true),
    /** EP-3.1 数据库运行缓慢. */
    DATABASE_SLOW("数据库运行缓慢", "database slow", FaultClass.CLASS_II, Scope.LOCAL, true),
    /** 终端或外设硬件故障 (printer, card reader, PC). */
    TERMINAL_BROKEN("终端硬件故障", "terminal hardware broken", FaultClass.CLASS_II, Scope.LOCAL, false),
    /** 数据处理错误. */
    WRONG_DATA("数据处理错误", "wrong data", FaultClass.CLASS_II, Scope.LOCAL, false),
    /** 病人信息丢失. */
    PATIENT_DATA_MISSING("病人信息丢失", "patient data missing", FaultClass.CLASS_II, Scope.LOCAL, false),
    /** 价格异常: a price looks wrong; only an integrity alarm or IT's diagnosis makes it a catalogue fault. */
    PRICE_LOOKS_WRONG("价格异常", "price looks wrong", FaultClass.CLASS_II, Scope.LOCAL, false),
    /** 医保结算失败 (EP-4.4). */
    INSURANCE_SETTLEMENT_FAILS("医保结算失败", "insurance settlement fails", FaultClass.INSURANCE, Scope.PARTIAL, false),
    /** 其他. */
    OTHER("其他", "other", FaultClass.CLASS_II, Scope.LOCAL, false);

    private final String zh;
    private final String en;
    private final FaultClass provisionalClass;
    private final Scope provisionalScope;
    private final boolean lossOfAccess;

    Symptom(String zh, String en, FaultClass provisionalClass, Scope provisionalScope, boolean lossOfAccess) {
        this.zh = zh;
        this.en = en;
        this.provisionalClass = provisionalClass;
        this.provisionalScope = provisionalScope;
        this.lossOfAccess = lossOfAccess;
    }

    /** The Chinese name. */
    public String zh() {
        return zh;
    }

    /** The English name. */
    public String en() {
        return en;
    }

    /** The grade of one undiagnosed report with this symptom. */
    public FaultClass provisionalClass() {
        return provisionalClass;
    }

    /** The scope of one undiagnosed report with this symptom. */
    public Scope provisionalScope() {
        return provisionalScope;
    }

    /** True when the reporter lost access to the HIS (counts toward a whole-network failure seen from reports). */
    public boolean lossOfAccess() {
        return lossOfAccess;
    }
}
