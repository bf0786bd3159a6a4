package org.hospital.continuity.playbooks.fault;

/**
 * How far the loss of service reaches. Only {@link #WHOLE_NETWORK} is the EP-5 whole-network failure that
 * starts the EP-5.2 downtime ladder.
 */
public enum Scope {
    /** One terminal, one patient's record, or one device without users (e.g. the backup disk). 单点故障. */
    LOCAL("单点", "local", 1),
    /** Part of the network or one subsystem: a building, a subnet, PACS, LIS, the insurance link, charging data. 局部故障. */
    PARTIAL("局部故障", "partial", 2),
    /** EP-5 网络整体故障: the HIS is unavailable to the whole hospital. */
    WHOLE_NETWORK("网络整体故障", "whole network", 3);

    private final String zh;
    private final String en;
    private final int breadth;

    Scope(String zh, String en, int breadth) {
        this.zh = zh;
        this.en = en;
        this.breadth = breadth;
    }

    /** The Chinese name. */
    public String zh() {
        return zh;
    }

    /** The English name. */
    public String en() {
        return en;
    }

    /** Wider scopes have a larger breadth. */
    public int breadth() {
        return breadth;
    }

    /** The wider of two scopes. */
    public static Scope widest(Scope a, Scope b) {
        return a.breadth >= b.breadth ? a : b;
    }

    /** {@code 网络整体故障 whole network}. */
    public String label() {
        return zh + " " + en;
    }
}
