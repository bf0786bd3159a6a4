package org.hospital.continuity.server.hisfeed.domain;

import java.time.Duration;
import java.time.Instant;

/** The pieces of the hospital's reference the feed pulls from the HIS, in pull order (a piece may need the ones before it). */
public enum FeedPiece {
    DEPARTMENTS("科室"),
    PRACTITIONERS("医生"),
    CENSUS("在院病人"),
    OUTPATIENTS("今日门诊挂号"),
    ALLERGIES("过敏史"),
    ORDERS("在用医嘱"),
    MAR("24小时给药计划"),
    PRICE_CATALOGUE("价表"),
    DRUG_DICTIONARY("药品字典");

    private final String zh;

    FeedPiece(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** Stale: never answered, or the HIS's last answer is older than {@code staleAfter}. */
    public static boolean stale(Instant asOf, Instant now, Duration staleAfter) {
        return asOf == null || Duration.between(asOf, now).compareTo(staleAfter) > 0;
    }
}
