package org.hospital.continuity.playbooks.party;

/**
 * The offices and roles of the plan's organisation (EP-2) that own playbook steps and receive notices.
 * Codes are stable (see {@link Party}).
 */
public enum Office implements Party {
    /** 应急领导组: the emergency leadership group, led by the president (EP-2.1). */
    LEADERSHIP_GROUP("应急领导组", "emergency leadership group"),
    /** 信息科: the IT department, carries day-to-day emergency work (EP-2.2). */
    IT_DEPARTMENT("信息科", "IT department"),
    /** 信息科值班人员: IT staff on duty (HR-15..17). */
    IT_ON_DUTY("信息科值班人员", "IT on duty"),
    /** 系统管理员 (EP-4.6, EP-4.7). */
    SYSTEM_ADMINISTRATOR("系统管理员", "system administrator"),
    /** 网络管理员 (EP-7.1). */
    NETWORK_ADMINISTRATOR("网络管理员", "network administrator"),
    /** 院办: the president's office (EP-2.1). */
    PRESIDENT_OFFICE("院办", "president's office"),
    /** 医务科: medical affairs (EP-2.1; coordinates doctors, medical technology and pharmacy, EP-6.4/6.6/6.7). */
    MEDICAL_AFFAIRS("医务科", "medical affairs"),
    /** 护理部: nursing (EP-2.1; coordinates nurse stations, EP-6.5). */
    NURSING("护理部", "nursing department"),
    /** 门诊办公室: outpatient office (EP-2.1, EP-6.2.1). */
    OUTPATIENT_OFFICE("门诊办公室", "outpatient office"),
    /** 财务科: finance (EP-2.1, EP-6.2.1, EP-6.3.1; owns the price catalogue, HR-10). */
    FINANCE("财务科", "finance"),
    /** 医保办: insurance office (EP-2.1, EP-4.8). */
    INSURANCE_OFFICE("医保办", "insurance office"),
    /** 总务科: general services (EP-2.1). */
    GENERAL_SERVICES("总务科", "general services"),
    /** 总值班: the hospital's duty administrator out of hours (holidays, nights; HR-15). */
    HOSPITAL_DUTY_OFFICER("医院总值班", "hospital duty officer"),
    /** 全院各科室: every department of the hospital (EP-8.2 coordination team tells them all). */
    ALL_DEPARTMENTS("全院各科室", "all departments"),
    /** 软硬件厂商及线路运营商: software/hardware vendors and line carriers (EP-2.3, EP-8.2). */
    VENDORS("软硬件厂商及线路运营商", "vendors and line carriers");

    private final String zh;
    private final String en;

    Office(String zh, String en) {
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
}
