package org.hospital.continuity.server.integrity.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an import in the shape of the hospital's export (shared/data/items.csv, drugs.csv): a header line,
 * then one entry per line; prices in yuan with at most two decimals become fen exactly. Errors name the line.
 */
public final class CsvSnapshot {

    /** The entries, or the problems (never both). */
    public record Parsed(List<ReferenceItem> items, List<String> problems) {
    }

    public static final int MAX_ITEMS = 200_000;

    private CsvSnapshot() {
    }

    public static Parsed parse(Catalogue catalogue, String text) {
        List<String> problems = new ArrayList<>();
        List<ReferenceItem> items = new ArrayList<>();
        String[] lines = text.replace("\r", "").replace("\uFEFF", "").split("\n");
        if (lines.length == 0 || !lines[0].trim().equals(catalogue.header())) {
            return new Parsed(List.of(), List.of("line 1: the header must be '" + catalogue.header() + "'"));
        }
        Set<String> codes = new HashSet<>();
        for (int n = 1; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            int lineNo = n + 1;
            if (f.length != 6) {
                problems.add("line " + lineNo + ": expected 6 fields, found " + f.length);
                continue;
            }
            String code = f[0].trim();
            if (!code.matches("[A-Za-z0-9_-]{1,40}")) {
                problems.add("line " + lineNo + ": code must be 1–40 letters or digits");
                continue;
            }
            if (!codes.add(code)) {
                problems.add("line " + lineNo + ": code " + code + " appears twice");
                continue;
            }
            String priceText = (catalogue == Catalogue.PRICE_CATALOGUE ? f[3] : f[4]).trim();
            long fen;
            try {
                BigDecimal yuan = new BigDecimal(priceText);
                if (yuan.signum() < 0 || yuan.scale() > 2) {
                    throw new NumberFormatException();
                }
                fen = yuan.movePointRight(2).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add("line " + lineNo + ": price '" + priceText + "' is not an amount in yuan with at most two decimals");
                continue;
            }
            String name = f[1].trim();
            if (name.isEmpty() || name.length() > 200) {
                problems.add("line " + lineNo + ": name is empty or too long");
                continue;
            }
            if (catalogue == Catalogue.PRICE_CATALOGUE) {
                items.add(new ReferenceItem(code, name, null, f[2].trim(), fen, f[4].trim(), f[5].trim()));
            } else {
                items.add(new ReferenceItem(code, name, f[2].trim(), f[3].trim(), fen, f[5].trim(), null));
            }
            if (items.size() > MAX_ITEMS) {
                return new Parsed(List.of(), List.of("more than " + MAX_ITEMS + " entries"));
            }
            if (problems.size() > 50) {
                break;
            }
        }
        return problems.isEmpty() ? new Parsed(items, List.of()) : new Parsed(List.of(), problems);
    }
}
