package org.hospital.continuity.playbooks.signal;

/** What a probe saw. */
public enum ProbeStatus {
    /** The component answered. */
    UP("正常", "up"),
    /** The component did not answer. */
    DOWN("中断", "down");

    private final String zh;
    private final String en;

    ProbeStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The Chinese name. */
    public String zh() {
        return zh;
    }

    /** The English name. */
    public String en() {
        return en;
    }
}
