package org.hospital.continuity.kiosk.reference.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Search over the catalogue by code, Chinese name or pinyin initials, ranked, fast enough to run
 * on every key stroke (p99 ≤ 20 ms on 50,000 items, see docs/benchmarks.md). Immutable: a new
 * snapshot builds a new index.
 *
 * <p>Rank (lower first): exact code, code prefix, pinyin-initials prefix, name prefix, name
 * contains, pinyin contains, code contains; ties by shorter name, then code.
 */
public final class CatalogueIndex {

    private record Entry(CatalogueItem item, String code, String pinyin) {
    }

    /** One hit with its rank. */
    public record Hit(CatalogueItem item, int rank) {
    }

    private final Entry[] entries;
    private final Map<String, CatalogueItem> byCode;

    public CatalogueIndex(Collection<CatalogueItem> items) {
        this.entries = new Entry[items.size()];
        this.byCode = new HashMap<>(items.size() * 2);
        int i = 0;
        for (CatalogueItem item : items) {
            entries[i++] = new Entry(item, item.code().toUpperCase(Locale.ROOT), item.pinyin().toUpperCase(Locale.ROOT));
            byCode.put(item.code().toUpperCase(Locale.ROOT), item);
        }
    }

    public static CatalogueIndex empty() {
        return new CatalogueIndex(List.of());
    }

    public int size() {
        return entries.length;
    }

    public Optional<CatalogueItem> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** Every item of a category (e.g. the registration fees, 挂号诊查), by code. */
    public List<CatalogueItem> inCategory(String category) {
        List<CatalogueItem> out = new ArrayList<>();
        for (Entry e : entries) {
            if (category != null && category.equals(e.item().category())) {
                out.add(e.item());
            }
        }
        out.sort(Comparator.comparing(CatalogueItem::code));
        return out;
    }

    /** At most {@code limit} hits for {@code query}, best first; an empty query finds nothing. */
    public List<Hit> search(String query, int limit) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        String upper = q.toUpperCase(Locale.ROOT);
        Comparator<Hit> best = Comparator.comparingInt(Hit::rank)
                .thenComparingInt(h -> h.item().name().length())
                .thenComparing(h -> h.item().code());
        PriorityQueue<Hit> worstFirst = new PriorityQueue<>(limit + 1, best.reversed());
        for (Entry e : entries) {
            int rank = rank(e, q, upper);
            if (rank < 0) {
                continue;
            }
            Hit hit = new Hit(e.item(), rank);
            if (worstFirst.size() < limit) {
                worstFirst.add(hit);
            } else if (best.compare(hit, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(hit);
            }
        }
        List<Hit> out = new ArrayList<>(worstFirst);
        out.sort(best);
        return out;
    }

    private static int rank(Entry e, String q, String upper) {
        if (e.code().equals(upper)) {
            return 0;
        }
        if (e.code().startsWith(upper)) {
            return 1;
        }
        if (e.pinyin().startsWith(upper)) {
            return 2;
        }
        String name = e.item().name();
        if (name.startsWith(q)) {
            return 3;
        }
        if (name.contains(q)) {
            return 4;
        }
        if (e.pinyin().contains(upper)) {
            return 5;
        }
        if (e.code().contains(upper)) {
            return 6;
        }
        return -1;
    }
}
