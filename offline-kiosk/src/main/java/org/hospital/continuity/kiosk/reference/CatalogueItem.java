package org.hospital.continuity.kiosk.reference;

/**
 * One entry of the price catalogue (收费项目) or the drug dictionary (药品字典) as of the snapshot.
 * Prices are integer fen (分).
 */
public record CatalogueItem(String code, Kind kind, String name, String pinyin, String specification, String unit,
                            long priceFen, String insuranceClass, String category) {

    public enum Kind { ITEM, DRUG }
}
