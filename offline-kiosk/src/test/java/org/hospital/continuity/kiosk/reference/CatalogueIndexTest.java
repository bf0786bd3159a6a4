package org.hospital.continuity.kiosk.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.hospital.continuity.kiosk.reference.domain.CatalogueIndex;
import org.hospital.continuity.sync.text.PinyinInitials;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CatalogueIndexTest {

    static CatalogueItem item(String code, String name) {
        return new CatalogueItem(code, CatalogueItem.Kind.DRUG, name, PinyinInitials.of(name), null, "盒", 100, "甲", "药品");
    }

    static final List<CatalogueItem> SAMPLE = List.of(item("D0001", "阿莫西林胶囊"), item("D0010", "阿司匹林肠溶片"),
            item("D0002", "头孢克肟分散片"), item("S0101", "血常规"), item("X0001", "复方阿莫西林"), item("AMXL9", "氨甲环酸"));

    @Test
    @DisplayName("pinyin initials are derived from Chinese names")
    void pinyinInitialsOfNames() {
        assertThat(PinyinInitials.of("阿莫西林胶囊")).isEqualTo("AMXLJN");
        assertThat(PinyinInitials.of("维生素B6片")).isEqualTo("WSSB6P");
        assertThat(PinyinInitials.of("0.9%氯化钠注射液")).isEqualTo("09LHNZSY");
    }

    @Test
    @DisplayName("'amxl' finds 阿莫西林 first; an exact code beats everything")
    void ranksByCodeThenPinyinThenName() {
        CatalogueIndex index = new CatalogueIndex(SAMPLE);
        List<CatalogueIndex.Hit> hits = index.search("amxl", 10);
        assertThat(hits).extracting(h -> h.item().code()).startsWith("AMXL9", "D0001");
        assertThat(hits.get(0).rank()).isEqualTo(1); // code prefix
        assertThat(hits.get(1).rank()).isEqualTo(2); // pinyin prefix
        assertThat(hits).extracting(h -> h.item().code()).contains("X0001"); // pinyin contains
        assertThat(index.search("d0001", 5).get(0).item().name()).isEqualTo("阿莫西林胶囊");
        assertThat(index.search("阿莫西林", 5)).extracting(h -> h.item().code()).containsExactly("D0001", "X0001");
        assertThat(index.search("", 5)).isEmpty();
        assertThat(index.search("zzzz", 5)).isEmpty();
    }

    @Test
    @DisplayName("over many random catalogues and queries every hit matches the query and hits come best first, at most the limit")
    void randomCataloguesAndQueries() {
        Random random = new Random(20261122L);
        String chars = "阿莫西林胶囊头孢克肟分散片血常规肝功能维生素氯化钠注射液葡萄糖";
        for (int round = 0; round < 200; round++) {
            List<CatalogueItem> items = new ArrayList<>();
            int n = 1 + random.nextInt(300);
            for (int i = 0; i < n; i++) {
                StringBuilder name = new StringBuilder();
                for (int k = 0, len = 2 + random.nextInt(5); k < len; k++) {
                    name.append(chars.charAt(random.nextInt(chars.length())));
                }
                items.add(item(String.format("C%05d", i), name.toString()));
            }
            CatalogueIndex index = new CatalogueIndex(items);
            CatalogueItem target = items.get(random.nextInt(items.size()));
            String query = switch (random.nextInt(3)) {
                case 0 -> target.pinyin().substring(0, 1 + random.nextInt(target.pinyin().length())).toLowerCase(Locale.ROOT);
                case 1 -> target.name().substring(0, 1 + random.nextInt(target.name().length()));
                default -> target.code();
            };
            int limit = 1 + random.nextInt(20);
            List<CatalogueIndex.Hit> hits = index.search(query, limit);
            assertThat(hits).isNotEmpty().hasSizeLessThanOrEqualTo(limit);
            String upper = query.toUpperCase(Locale.ROOT);
            for (CatalogueIndex.Hit h : hits) {
                assertThat(h.item().code().contains(upper) || h.item().pinyin().contains(upper) || h.item().name().contains(query)).isTrue();
            }
            for (int i = 1; i < hits.size(); i++) {
                assertThat(hits.get(i).rank()).isGreaterThanOrEqualTo(hits.get(i - 1).rank());
            }
            long better = items.stream().filter(it -> matchesAtRankBelow(it, query, hits.get(hits.size() - 1).rank())).count();
            assertThat(better).as("no better match was left out").isLessThanOrEqualTo(hits.size());
        }
    }

    private static boolean matchesAtRankBelow(CatalogueItem it, String q, int rank) {
        List<CatalogueIndex.Hit> own = new CatalogueIndex(List.of(it)).search(q, 1);
        return !own.isEmpty() && own.get(0).rank() < rank;
    }

    @Test
    @DisplayName("the prefix shortcut gives exactly the hits of a full scan, over many random catalogues, queries and limits")
    void sameHitsAsAFullScan() {
        Random random = new Random(50_001L);
        String chars = "阿莫西林胶囊头孢克肟分散片血常规肝功能维生素氯化钠注射液葡萄糖";
        for (int round = 0; round < 300; round++) {
            List<CatalogueItem> items = new ArrayList<>();
            int n = 1 + random.nextInt(400);
            for (int i = 0; i < n; i++) {
                StringBuilder name = new StringBuilder();
                for (int k = 0, len = 1 + random.nextInt(5); k < len; k++) {
                    name.append(chars.charAt(random.nextInt(chars.length())));
                }
                items.add(item(String.format("%s%04d", random.nextBoolean() ? "C" : "D", random.nextInt(3000)) + "-" + i, name.toString()));
            }
            CatalogueIndex index = new CatalogueIndex(items);
            CatalogueItem target = items.get(random.nextInt(items.size()));
            String query = switch (random.nextInt(5)) {
                case 0 -> target.pinyin().substring(0, 1 + random.nextInt(target.pinyin().length())).toLowerCase(Locale.ROOT);
                case 1 -> target.name().substring(random.nextInt(target.name().length()));
                case 2 -> target.code().substring(0, 1 + random.nextInt(3));
                case 3 -> target.code().substring(2, 4);
                default -> String.valueOf(chars.charAt(random.nextInt(chars.length())));
            };
            int limit = 1 + random.nextInt(30);
            assertThat(index.search(query, limit)).as("query %s limit %d", query, limit).isEqualTo(fullScan(items, query, limit));
        }
    }

    /** The reference: every item ranked on its own, sorted by rank, name length, code. */
    private static List<CatalogueIndex.Hit> fullScan(List<CatalogueItem> items, String query, int limit) {
        List<CatalogueIndex.Hit> all = new ArrayList<>();
        for (CatalogueItem it : items) {
            List<CatalogueIndex.Hit> own = new CatalogueIndex(List.of(it)).search(query, 1);
            all.addAll(own);
        }
        all.sort(java.util.Comparator.comparingInt(CatalogueIndex.Hit::rank).thenComparingInt(h -> h.item().name().length())
                .thenComparing(h -> h.item().code()));
        return all.subList(0, Math.min(limit, all.size()));
    }
}
