package org.hospital.continuity.playbooks.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PMap: an immutable hash map that agrees with HashMap and keeps old versions intact")
class PMapTest {

    /** A key whose hash code is chosen, to force collisions at every level. */
    record Key(String name, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.name.equals(name);
        }
    }

    @Test
    @DisplayName("random puts and removes agree with java.util.HashMap, including equal and near-equal hash codes")
    void agreesWithHashMap() {
        long seed = 20261124L;
        Random random = new Random(seed);
        Map<Key, Integer> expected = new HashMap<>();
        PMap<Key, Integer> actual = PMap.empty();
        int[] hashes = {0, 1, 32, 1 << 30, Integer.MIN_VALUE, -1, 31, 1 << 25};
        for (int i = 0; i < 20_000; i++) {
            int h = random.nextInt(4) == 0 ? hashes[random.nextInt(hashes.length)] : random.nextInt();
            Key k = new Key("k" + random.nextInt(600), h);
            // the same name always gets the same hash (equal keys, equal hashes)
            k = new Key(k.name(), Math.floorMod(k.name().hashCode(), 3) == 0 ? hashes[Math.floorMod(k.name().hashCode(), hashes.length)] : k.name().hashCode());
            PMap<Key, Integer> before = actual;
            int sizeBefore = before.size();
            if (random.nextInt(3) == 0) {
                expected.remove(k);
                actual = actual.remove(k);
            } else {
                int v = random.nextInt(5);
                expected.put(k, v);
                actual = actual.put(k, v);
            }
            assertThat(before.size()).as("seed %d step %d: the old version is untouched", seed, i).isEqualTo(sizeBefore);
            assertThat(actual.size()).as("seed %d step %d", seed, i).isEqualTo(expected.size());
        }
        for (Map.Entry<Key, Integer> e : expected.entrySet()) {
            assertThat(actual.get(e.getKey())).isEqualTo(e.getValue());
        }
        Map<Key, Integer> seen = new HashMap<>();
        actual.forEach(seen::put);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    @DisplayName("putting an equal value returns the same map; removing an absent key too")
    void noChangeNoCopy() {
        PMap<String, String> m = PMap.<String, String>empty().put("a", "1");
        assertThat(m.put("a", "1")).isSameAs(m);
        assertThat(m.remove("b")).isSameAs(m);
        assertThat(m.remove("a").isEmpty()).isTrue();
    }
}
