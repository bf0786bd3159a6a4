package org.hospital.continuity.server.integrity.domain;

/** One entry of a guarded dictionary; the price in fen (分), never a double. */
public record ReferenceItem(String code, String name, String specification, String unit, long priceFen, String insuranceClass,
                            String category) {

    /** True when what a cashier charges by differs: name, unit, specification or price. */
    public boolean differsFrom(ReferenceItem other) {
        return !name.equals(other.name) || !unit.equals(other.unit) || priceFen != other.priceFen
                || !java.util.Objects.equals(specification, other.specification);
    }
}
