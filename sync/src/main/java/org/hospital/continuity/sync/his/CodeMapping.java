package org.hospital.continuity.sync.his;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kiosk snapshot codes → HIS codes, per kind (departments, items, drugs). Configured, never guessed:
 * a code without a mapping sends its visit to the workbench.
 */
public record CodeMapping(Map<Kind, Map<String, String>> codes) {

    /** The code lists that are mapped. */
    public enum Kind { DEPARTMENT, ITEM, DRUG }

    /** A kiosk code that has no HIS code. */
    public record Unmapped(Kind kind, String kioskCode) {
    }

    public CodeMapping {
        codes = Map.copyOf(codes);
    }

    /** The HIS code of a kiosk code. With no table for a kind, codes are the same on both sides. */
    public Optional<String> his(Kind kind, String kioskCode) {
        Map<String, String> table = codes.get(kind);
        if (table == null) {
            return Optional.ofNullable(kioskCode);
        }
        return Optional.ofNullable(table.get(kioskCode));
    }

    /** Collects what is missing for a set of codes. */
    public List<Unmapped> missing(Kind kind, List<String> kioskCodes) {
        List<Unmapped> out = new ArrayList<>();
        for (String c : kioskCodes) {
            if (his(kind, c).isEmpty()) {
                out.add(new Unmapped(kind, c));
            }
        }
        return out;
    }
}
