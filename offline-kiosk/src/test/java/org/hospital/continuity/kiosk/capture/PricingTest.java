package org.hospital.continuity.kiosk.capture;

import org.hospital.continuity.sync.contract.DowntimeRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.hospital.continuity.kiosk.charge.Pricing;
import org.hospital.continuity.kiosk.reference.CatalogueItem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PricingTest {

    static final Map<String, CatalogueItem> CATALOGUE = Map.of(
            "D0001", new CatalogueItem("D0001", CatalogueItem.Kind.DRUG, "阿莫西林胶囊", "AMXLJN", "0.25g*24粒", "盒", 860, "甲", "药品"),
            "S0101", new CatalogueItem("S0101", CatalogueItem.Kind.ITEM, "血常规", "XCG", null, "次", 2000, "甲", "检验"));

    static Optional<CatalogueItem> lookup(String code) {
        return Optional.ofNullable(CATALOGUE.get(code.toUpperCase()));
    }

    @Test
    @DisplayName("EP-6.7.3 totals are the snapshot prices times quantities, in fen, and the price used is kept per line")
    void totalsInFen() {
        Pricing.Priced p = Pricing.price(List.of(new Pricing.Line("D0001", 3), new Pricing.Line("s0101", 2)), PricingTest::lookup);
        assertThat(p.ok()).isTrue();
        assertThat(p.totalFen()).isEqualTo(3 * 860 + 2 * 2000);
        assertThat(p.lines()).extracting(DowntimeRecord.PricedLine::unitPriceFen).containsExactly(860L, 2000L);
        assertThat(Pricing.yuan(p.totalFen())).isEqualTo("¥65.80");
    }

    @Test
    @DisplayName("negative or zero quantities, unknown codes and empty bills are refused at the line")
    void badLines() {
        Pricing.Priced p = Pricing.price(List.of(new Pricing.Line("D0001", -1), new Pricing.Line("NOPE", 1), new Pricing.Line("S0101", 0),
                new Pricing.Line("S0101", 10_000), new Pricing.Line(null, null)), PricingTest::lookup);
        assertThat(p.violations()).extracting(Violation::field, Violation::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lines[0].quantity", "error.quantity.positive"),
                org.assertj.core.groups.Tuple.tuple("lines[1].code", "error.item.unknown"),
                org.assertj.core.groups.Tuple.tuple("lines[2].quantity", "error.quantity.positive"),
                org.assertj.core.groups.Tuple.tuple("lines[3].quantity", "error.quantity.too-large"),
                org.assertj.core.groups.Tuple.tuple("lines[4].code", "error.required"),
                org.assertj.core.groups.Tuple.tuple("lines[4].quantity", "error.required"));
        assertThat(p.totalFen()).isZero();
        assertThat(Pricing.price(List.of(), PricingTest::lookup).violations()).extracting(Violation::messageKey).containsExactly("error.lines.empty");
    }

    @Test
    @DisplayName("over many random bills the total equals the sum of the lines")
    void randomBills() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            List<Pricing.Line> lines = new ArrayList<>();
            long expected = 0;
            for (int k = 0, n = 1 + random.nextInt(30); k < n; k++) {
                String code = random.nextBoolean() ? "D0001" : "S0101";
                int q = 1 + random.nextInt(Pricing.MAX_QUANTITY);
                lines.add(new Pricing.Line(code, q));
                expected += CATALOGUE.get(code).priceFen() * q;
            }
            Pricing.Priced p = Pricing.price(lines, PricingTest::lookup);
            assertThat(p.totalFen()).isEqualTo(expected).isEqualTo(p.lines().stream().mapToLong(DowntimeRecord.PricedLine::amountFen).sum());
        }
    }
}
