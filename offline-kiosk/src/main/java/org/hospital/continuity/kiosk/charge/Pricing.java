package org.hospital.continuity.kiosk.charge;

import org.hospital.continuity.sync.contract.DowntimeRecord.PricedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hospital.continuity.kiosk.capture.Violation;
import org.hospital.continuity.kiosk.reference.CatalogueItem;

/**
 * Manual pricing (手工划价) from the snapshot: each line's price is the catalogue price at capture and
 * is stored with the record (EP-6.7.3), totals in integer fen.
 */
public final class Pricing {

    public static final int MAX_QUANTITY = 9999;
    public static final int MAX_LINES = 100;

    private Pricing() {
    }

    /** A line as typed: catalogue code and quantity. */
    public record Line(String code, Integer quantity) {
    }

    public record Priced(List<PricedLine> lines, long totalFen, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    public static Priced price(List<Line> lines, Function<String, Optional<CatalogueItem>> catalogue) {
        List<Violation> violations = new ArrayList<>();
        List<PricedLine> priced = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            violations.add(new Violation("lines", "error.lines.empty"));
            return new Priced(List.of(), 0, violations);
        }
        if (lines.size() > MAX_LINES) {
            violations.add(new Violation("lines", "error.lines.too-many"));
            return new Priced(List.of(), 0, violations);
        }
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                violations.add(new Violation(at + ".code", "error.required"));
                continue;
            }
            Optional<CatalogueItem> item = line.code() == null || line.code().length() > 40 ? Optional.empty() : catalogue.apply(line.code());
            if (line.code() == null || line.code().isBlank()) {
                violations.add(new Violation(at + ".code", "error.required"));
            } else if (item.isEmpty()) {
                violations.add(new Violation(at + ".code", "error.item.unknown"));
            }
            Integer q = line.quantity();
            if (q == null) {
                violations.add(new Violation(at + ".quantity", "error.required"));
            } else if (q <= 0) {
                violations.add(new Violation(at + ".quantity", "error.quantity.positive"));
            } else if (q > MAX_QUANTITY) {
                violations.add(new Violation(at + ".quantity", "error.quantity.too-large"));
            }
            if (item.isPresent() && q != null && q > 0 && q <= MAX_QUANTITY) {
                CatalogueItem c = item.get();
                long amount = Math.multiplyExact(c.priceFen(), (long) q);
                total = Math.addExact(total, amount);
                priced.add(new PricedLine(c.code(), c.kind().name(), c.name(), c.specification(), c.unit(), c.priceFen(), q, amount,
                        c.insuranceClass()));
            }
        }
        return new Priced(List.copyOf(priced), violations.isEmpty() ? total : 0, List.copyOf(violations));
    }

    /** ¥12.50 style. */
    public static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + "¥" + Math.abs(fen) / 100 + "." + String.format("%02d", Math.abs(fen) % 100);
    }
}
