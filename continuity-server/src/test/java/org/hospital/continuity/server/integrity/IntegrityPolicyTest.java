package org.hospital.continuity.server.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.hospital.continuity.playbooks.signal.IntegrityKind;
import org.hospital.continuity.server.integrity.domain.Catalogue;
import org.hospital.continuity.server.integrity.domain.CsvSnapshot;
import org.hospital.continuity.server.integrity.domain.IntegrityPolicy;
import org.hospital.continuity.server.integrity.domain.ReferenceItem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IntegrityPolicyTest {

    private final IntegrityPolicy policy = new IntegrityPolicy(5, 20);

    private static List<ReferenceItem> catalogue(int n) {
        List<ReferenceItem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ReferenceItem("S" + i, "项目" + i, null, "次", 1000 + i, "甲", "检查"));
        }
        return out;
    }

    @Test
    @DisplayName("EP-4.1 an emptied price catalogue is a deletion alarm")
    void emptiedIsDeletion() {
        var v = policy.decide(Catalogue.PRICE_CATALOGUE, Optional.of(catalogue(40)), List.of());
        assertThat(v.alarm()).contains(IntegrityKind.PRICE_CATALOGUE_DELETED);
    }

    @Test
    @DisplayName("EP-4.1 over 5% deleted is a deletion alarm, over 20% changed an alteration alarm; ordinary changes pass")
    void thresholdsOverManyRandomImports() {
        Random r = new Random(7);
        for (int round = 0; round < 300; round++) {
            int n = 20 + r.nextInt(200);
            List<ReferenceItem> before = catalogue(n);
            List<ReferenceItem> after = new ArrayList<>();
            int deleted = 0;
            int changed = 0;
            for (ReferenceItem i : before) {
                int roll = r.nextInt(100);
                if (roll < r.nextInt(10)) {
                    deleted++;
                } else if (roll < 40 && r.nextInt(3) == 0) {
                    changed++;
                    after.add(new ReferenceItem(i.code(), i.name(), null, i.unit(), i.priceFen() + 100, i.insuranceClass(), i.category()));
                } else {
                    after.add(i);
                }
            }
            if (after.isEmpty()) {
                continue;
            }
            var v = policy.decide(Catalogue.PRICE_CATALOGUE, Optional.of(before), after);
            if (deleted * 100 > 5 * n) {
                assertThat(v.alarm()).contains(IntegrityKind.PRICE_CATALOGUE_DELETED);
            } else if (changed * 100 > 20 * n) {
                assertThat(v.alarm()).contains(IntegrityKind.PRICE_CATALOGUE_ALTERED);
            } else {
                assertThat(v.alarm()).as("deleted %d changed %d of %d", deleted, changed, n).isEmpty();
            }
            assertThat(IntegrityPolicy.diff(before, after).deleted()).isEqualTo(deleted);
            assertThat(IntegrityPolicy.diff(before, after).changed()).isEqualTo(changed);
        }
    }

    @Test
    @DisplayName("HR-10 the first import of a dictionary is accepted as is")
    void firstImportAccepted() {
        assertThat(policy.decide(Catalogue.DRUG_DICTIONARY, Optional.empty(), catalogue(3)).held()).isFalse();
    }

    @Test
    @DisplayName("prices in yuan become fen exactly; more than two decimals or a negative price is refused with the line")
    void csvPrices() {
        var ok = CsvSnapshot.parse(Catalogue.PRICE_CATALOGUE, "code,name,unit,price_yuan,insurance_class,category\nS1,普通门诊诊查费,次,10.05,甲,挂号诊查\n");
        assertThat(ok.items()).singleElement().extracting(ReferenceItem::priceFen).isEqualTo(1005L);
        assertThat(CsvSnapshot.parse(Catalogue.PRICE_CATALOGUE, "code,name,unit,price_yuan,insurance_class,category\nS1,x,次,0.105,甲,c").problems())
                .singleElement().asString().startsWith("line 2");
        assertThat(CsvSnapshot.parse(Catalogue.PRICE_CATALOGUE, "code,name,unit,price_yuan,insurance_class,category\nS1,x,次,-1,甲,c").problems()).hasSize(1);
        assertThat(CsvSnapshot.parse(Catalogue.DRUG_DICTIONARY, "code,name,specification,unit,price_yuan,insurance_class\nD1,阿莫西林胶囊,0.25g*24粒,盒,8.60,甲")
                .items().get(0).priceFen()).isEqualTo(860L);
    }
}
