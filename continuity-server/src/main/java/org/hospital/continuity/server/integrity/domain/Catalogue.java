package org.hospital.continuity.server.integrity.domain;

import org.hospital.continuity.playbooks.signal.IntegrityKind;

/** The guarded dictionaries (HR-10): the price catalogue 价表 and the drug dictionary 药品字典. */
public enum Catalogue {
    PRICE_CATALOGUE("价表", "price catalogue", "code,name,unit,price_yuan,insurance_class,category",
            IntegrityKind.PRICE_CATALOGUE_DELETED, IntegrityKind.PRICE_CATALOGUE_ALTERED),
    DRUG_DICTIONARY("药品字典", "drug dictionary", "code,name,specification,unit,price_yuan,insurance_class",
            IntegrityKind.DRUG_DICTIONARY_DELETED, IntegrityKind.DRUG_DICTIONARY_ALTERED);

    private final String zh;
    private final String en;
    private final String header;
    private final IntegrityKind deleted;
    private final IntegrityKind altered;

    Catalogue(String zh, String en, String header, IntegrityKind deleted, IntegrityKind altered) {
        this.zh = zh;
        this.en = en;
        this.header = header;
        this.deleted = deleted;
        this.altered = altered;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The CSV header an import must start with (the shape of shared/data/items.csv and drugs.csv). */
    public String header() {
        return header;
    }

    public IntegrityKind deletedKind() {
        return deleted;
    }

    public IntegrityKind alteredKind() {
        return altered;
    }
}
