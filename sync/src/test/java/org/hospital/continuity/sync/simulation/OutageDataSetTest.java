package org.hospital.continuity.sync.simulation;

import org.hospital.continuity.sync.matching.NamePinyin;
import org.hospital.continuity.sync.matching.NationalId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutageDataSetTest {

    static final OutageDataSet DATA = OutageDataSet.generate(20261122L, 20_000, 2_000, 6, Instant.parse("2026-11-21T00:00:00Z"));

    static long slips(OutageDataSet.Slip s) {
        return DATA.captures().stream().filter(c -> c.slips().contains(s)).count();
    }

    @Test
    @DisplayName("The population holds common names with hundreds of holders, twins (same-name twins too) and records without ID number")
    void hardPopulation() {
        Map<String, Integer> names = new HashMap<>();
        DATA.his().forEach(h -> names.merge(h.person().name(), 1, Integer::sum));
        Map<Integer, OutageDataSet.Person> byId = new HashMap<>();
        DATA.his().forEach(h -> byId.put(h.person().id(), h.person()));
        long twins = DATA.his().stream().filter(h -> h.person().twin() >= 0).count();
        long sameNameTwins = DATA.his().stream().filter(h -> h.person().twin() >= 0
                && byId.get(h.person().twin()).name().equals(h.person().name())).count();

        assertThat(names.values().stream().filter(n -> n >= 200).count()).as("names held by 200 or more").isGreaterThanOrEqualTo(5);
        assertThat(twins).isGreaterThan(300);
        assertThat(sameNameTwins).isGreaterThan(20);
        assertThat(DATA.his().stream().filter(h -> h.facts().nationalId() == null).count()).isGreaterThan(1_000);
    }

    @Test
    @DisplayName("The outage holds every slip: no ID, ID slips, homophones, changed phones, missing and swapped birth dates, repeats, new namesakes")
    void everySlip() {
        assertThat(slips(OutageDataSet.Slip.NO_ID)).isGreaterThan(200);
        assertThat(slips(OutageDataSet.Slip.ID_SLIP)).isGreaterThan(10);
        assertThat(slips(OutageDataSet.Slip.NAME_HOMOPHONE) + slips(OutageDataSet.Slip.SURNAME_HOMOPHONE)).isGreaterThan(10);
        assertThat(slips(OutageDataSet.Slip.PHONE_CHANGED)).isGreaterThan(150);
        assertThat(slips(OutageDataSet.Slip.NO_BIRTH_DATE)).isGreaterThan(3);
        assertThat(slips(OutageDataSet.Slip.DAY_MONTH_SWAPPED) + slips(OutageDataSet.Slip.DAY_OFF)).isGreaterThan(5);
        assertThat(slips(OutageDataSet.Slip.REGISTERED_AGAIN)).isGreaterThan(30);
        assertThat(DATA.captures().stream().filter(c -> c.slips().contains(OutageDataSet.Slip.REGISTERED_AGAIN))
                .map(OutageDataSet.Capture::kioskId).distinct().count()).isGreaterThan(1);
        Map<String, Integer> names = new HashMap<>();
        DATA.his().forEach(h -> names.merge(h.person().name(), 1, Integer::sum));
        assertThat(DATA.captures().stream().filter(c -> !c.personInHis() && names.containsKey(c.truth().name())).count())
                .as("new patients who are namesakes of HIS patients").isGreaterThan(30);
        assertThat(DATA.captures().stream().filter(c -> c.facts().nationalId() != null && !NationalId.isValid(c.facts().nationalId())))
                .isNotEmpty();
    }

    @Test
    @DisplayName("Every homophone slip the generator makes is a homophone by pinyin (the matcher's reading)")
    void homophoneSlipsSoundAlike() {
        DATA.captures().stream().filter(c -> c.slips().contains(OutageDataSet.Slip.NAME_HOMOPHONE)
                        || c.slips().contains(OutageDataSet.Slip.SURNAME_HOMOPHONE))
                .forEach(c -> assertThat(NamePinyin.homophones(c.facts().name(), c.truth().name()))
                        .as("%s / %s", c.facts().name(), c.truth().name()).isTrue());
    }

    @Test
    @DisplayName("The same seed gives the same data set")
    void seeded() {
        OutageDataSet again = OutageDataSet.generate(20261122L, 20_000, 2_000, 6, Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(again.captures()).isEqualTo(DATA.captures());
    }
}
