package org.hospital.continuity.server.directory.domain;

/** HR-15: the IT duty posts. */
public enum DutyPost {
    SYSTEM_MAINTENANCE("系统维护岗", "system maintenance"),
    DATA_OPERATIONS("数据操作岗", "data operations"),
    NETWORK_SECURITY("网络安全岗", "network security"),
    APPLICATION_DEVELOPMENT("应用开发岗", "application development"),
    EMERGENCY_SUPPORT("应急支持岗", "emergency support");

    private final String zh;
    private final String en;

    DutyPost(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
