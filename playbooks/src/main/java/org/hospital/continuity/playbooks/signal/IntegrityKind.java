package org.hospital.continuity.playbooks.signal;

import org.hospital.continuity.playbooks.fault.Cause;

/**
 * What an integrity check found. The price catalogue and the drug dictionary are guarded dictionaries
 * (HR-10); the drug dictionary carries the drug prices, so its deletion or alteration is graded like the
 * price catalogue's (EP-4.1 价表目录被删除或修改).
 */
public enum IntegrityKind {
    /** 价表目录被删除. */
    PRICE_CATALOGUE_DELETED("价表目录被删除", "price catalogue deleted", Cause.PRICE_CATALOGUE_ALTERED),
    /** 价表目录被修改. */
    PRICE_CATALOGUE_ALTERED("价表目录被修改", "price catalogue altered", Cause.PRICE_CATALOGUE_ALTERED),
    /** 药品字典被删除. */
    DRUG_DICTIONARY_DELETED("药品字典被删除", "drug dictionary deleted", Cause.PRICE_CATALOGUE_ALTERED),
    /** 药品字典被修改. */
    DRUG_DICTIONARY_ALTERED("药品字典被修改", "drug dictionary altered", Cause.PRICE_CATALOGUE_ALTERED),
    /** 服务器数据丢失 (EP-4.1). */
    SERVER_DATA_LOSS("服务器数据丢失", "server data loss", Cause.SERVER_DATA_LOST),
    /** 单个病人信息丢失 (EP-4.2). */
    PATIENT_DATA_LOSS("单个病人信息丢失", "one patient's data lost", Cause.SINGLE_PATIENT_DATA_LOST);

    private final String zh;
    private final String en;
    private final Cause cause;

    IntegrityKind(String zh, String en, Cause cause) {
        this.zh = zh;
        this.en = en;
        this.cause = cause;
    }

    /** The Chinese name. */
    public String zh() {
        return zh;
    }

    /** The English name. */
    public String en() {
        return en;
    }

    /** The EP-4 cause this finding is. */
    public Cause cause() {
        return cause;
    }
}
