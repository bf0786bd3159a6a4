package org.hospital.continuity.playbooks.party;

/** The teams formed in a larger fault (EP-8.2) and the departments' data rush-entry teams (EP-8.3). */
public enum Team implements Party {
    /** 故障检修组: analyses, finds the cause, repairs (EP-8.2). */
    REPAIR_TEAM("故障检修组", "fault repair team"),
    /** 技术联络组: contacts vendors and carriers, gets support (EP-8.2). */
    LIAISON_TEAM("技术联络组", "technical liaison team"),
    /** 院内协调组: tells every department, asks key departments to save data (EP-8.2). */
    COORDINATION_TEAM("院内协调组", "in-hospital coordination team"),
    /** 数据抢录组: each department's data rush-entry team (EP-8.3, EP-8.4). */
    RUSH_ENTRY_TEAM("数据抢录组", "data rush-entry team");

    private final String zh;
    private final String en;

    Team(String zh, String en) {
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
