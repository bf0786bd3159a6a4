package org.hospital.continuity.server.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hospital.continuity.playbooks.signal.IntegrityKind;
import org.hospital.continuity.server.integrity.domain.Catalogue;
import org.hospital.continuity.server.integrity.domain.CatalogueChanges;
import org.hospital.continuity.server.integrity.domain.CatalogueChanges.Approval;
import org.hospital.continuity.server.integrity.domain.CatalogueChanges.Change;
import org.hospital.continuity.server.integrity.domain.CatalogueChanges.Kind;
import org.hospital.continuity.server.integrity.domain.ReferenceItem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CatalogueChangesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    private static ReferenceItem item(String code, String name, long fen) {
        return new ReferenceItem(code, name, null, "次", fen, "甲", "检查");
    }

    private static Approval approval(String code, Kind kind, Long fen) {
        return new Approval(code, kind, fen, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));
    }

    private final List<ReferenceItem> before = List.of(item("S1", "血常规", 2000), item("S2", "尿常规", 1500), item("S3", "胸片", 8000));

    @Test
    @DisplayName("EP-4.1 the changes between two pulls: a price changed, an entry deleted, an entry added; unchanged entries are no change")
    void changesBetweenTwoPulls() {
        List<ReferenceItem> after = List.of(item("S1", "血常规", 2200), item("S3", "胸片", 8000), item("S4", "心电图", 3000));
        List<Change> changes = CatalogueChanges.between(before, after);
        assertThat(changes).extracting(Change::code, Change::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S1", Kind.CHANGED), org.assertj.core.groups.Tuple.tuple("S2", Kind.DELETED),
                        org.assertj.core.groups.Tuple.tuple("S4", Kind.ADDED));
        assertThat(changes.get(0).evidence()).isEqualTo("S1 血常规 20.00元→22.00元");
        assertThat(changes.get(1).evidence()).isEqualTo("S2 尿常规 删除 (原 15.00元)");
        assertThat(CatalogueChanges.between(before, before)).isEmpty();
        assertThat(CatalogueChanges.between(before, List.of(item("S1", "血常规(新)", 2000), before.get(1), before.get(2))))
                .extracting(Change::kind).containsExactly(Kind.CHANGED);
    }

    @Test
    @DisplayName("HR-10 an approval covers only its entry, its kind and its approved price; one unapproved change is a finding whatever the count")
    void approvalsCoverExactlyTheirChange() {
        List<ReferenceItem> after = List.of(item("S1", "血常规", 2200), item("S3", "胸片", 8000));
        List<Change> changes = CatalogueChanges.between(before, after);
        // approved at the approved price: covered; the deletion is not
        List<Change> open = CatalogueChanges.unapproved(changes, List.of(approval("S1", Kind.CHANGED, 2200L)), NOW);
        assertThat(open).extracting(Change::code).containsExactly("S2");
        assertThat(CatalogueChanges.alarm(Catalogue.PRICE_CATALOGUE, open)).contains(IntegrityKind.PRICE_CATALOGUE_DELETED);
        // another price than the approved one is not covered
        assertThat(CatalogueChanges.unapproved(changes, List.of(approval("S1", Kind.CHANGED, 2100L), approval("S2", Kind.DELETED, null)), NOW))
                .extracting(Change::code).containsExactly("S1");
        // a change approval does not cover a deletion; another entry's approval covers nothing here
        assertThat(CatalogueChanges.unapproved(changes, List.of(approval("S2", Kind.CHANGED, null), approval("S3", Kind.CHANGED, null)), NOW))
                .hasSize(2);
        // an expired approval covers nothing
        Approval expired = new Approval("S1", Kind.CHANGED, null, NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(10)));
        assertThat(CatalogueChanges.unapproved(changes, List.of(expired, approval("S2", Kind.DELETED, null)), NOW))
                .extracting(Change::code).containsExactly("S1");
        // everything approved: no alarm
        List<Change> none = CatalogueChanges.unapproved(changes, List.of(approval("S1", Kind.CHANGED, null), approval("S2", Kind.DELETED, null)), NOW);
        assertThat(none).isEmpty();
        assertThat(CatalogueChanges.alarm(Catalogue.PRICE_CATALOGUE, none)).isEmpty();
        // one changed drug price alone raises the drug dictionary's alteration
        List<Change> drug = CatalogueChanges.unapproved(CatalogueChanges.between(List.of(item("D1", "阿莫西林", 860)), List.of(item("D1", "阿莫西林", 880))),
                List.of(), NOW);
        assertThat(CatalogueChanges.alarm(Catalogue.DRUG_DICTIONARY, drug)).contains(IntegrityKind.DRUG_DICTIONARY_ALTERED);
        assertThat(CatalogueChanges.evidence(drug)).isEqualTo("D1 阿莫西林 8.60元→8.80元");
    }
}
