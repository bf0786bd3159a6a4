package org.hospital.continuity.sync.crosscheck;

import java.util.Optional;

/**
 * EP-6.7: a charge made during the outage with the kiosk's catalogue price is written back at
 * that price. When the HIS's current price differs, the line is flagged for a person; it is never
 * silently repriced (HR-9: an accounting entry is corrected by a new attributed entry, not altered).
 */
public final class PriceCheck {

    /** What the comparison found. */
    public sealed interface Finding {
        String code();
    }

    /** The HIS charges the same. */
    public record Same(String code, long unitFen) implements Finding {
    }

    /** The HIS's current price differs: {@code differenceFen} = HIS − captured, per unit. */
    public record Differs(String code, long capturedUnitFen, long hisUnitFen, long differenceFen, int quantity)
            implements Finding {
        /** The difference over the whole line. */
        public long lineDifferenceFen() {
            return differenceFen * quantity;
        }
    }

    /** The HIS has no price for the code. */
    public record NoHisPrice(String code, long capturedUnitFen) implements Finding {
    }

    private PriceCheck() {
    }

    /** Compares one line's unit price as charged with the HIS's current one. */
    public static Finding compare(String code, long capturedUnitFen, int quantity, Optional<Long> hisUnitFen) {
        if (hisUnitFen.isEmpty()) {
            return new NoHisPrice(code, capturedUnitFen);
        }
        long his = hisUnitFen.get();
        return his == capturedUnitFen ? new Same(code, his)
                : new Differs(code, capturedUnitFen, his, his - capturedUnitFen, quantity);
    }
}
