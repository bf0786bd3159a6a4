package org.hospital.continuity.server.writeback.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateGroupsTest {

    private final UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private final UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private final UUID c = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private final UUID d = UUID.fromString("00000000-0000-0000-0000-00000000000d");

    @Test
    @DisplayName("issue 9 without decisions the automatic groups stand")
    void automaticGroupsStand() {
        DuplicateGroups g = DuplicateGroups.of(Map.of(a, "group-1", b, "group-1"), List.of());
        assertThat(g.together(List.of(a, b))).isTrue();
        assertThat(g.othersOf(a)).containsExactly(b);
        assertThat(g.groupOf(c)).isNull();
        assertThat(g.keptApart(a)).isFalse();
    }

    @Test
    @DisplayName("issue 9 a merge joins whole groups: a visit merged with one member joins all of its group")
    void mergeJoinsWholeGroups() {
        DuplicateGroups g = DuplicateGroups.of(Map.of(a, "group-1", b, "group-1"), List.of(new Regrouping(true, List.of(b, c))));
        assertThat(g.together(List.of(a, b, c))).isTrue();
        assertThat(g.othersOf(c)).containsExactly(a, b);
        assertThat(g.together(List.of(a, d))).isFalse();
    }

    @Test
    @DisplayName("issue 9 an un-merge takes the visits out and keeps them apart from each other; a group of one is no group")
    void unmergeKeepsApart() {
        DuplicateGroups g = DuplicateGroups.of(Map.of(a, "group-1", b, "group-1"), List.of(new Regrouping(false, List.of(a, b))));
        assertThat(g.groupOf(a)).isNull();
        assertThat(g.groupOf(b)).isNull();
        assertThat(g.keptApartFrom(a)).containsExactly(b);
        assertThat(g.keptApartFrom(b)).containsExactly(a);

        DuplicateGroups three = DuplicateGroups.of(Map.of(a, "g", b, "g", c, "g"), List.of(new Regrouping(false, List.of(c, a))));
        assertThat(three.groupOf(b)).as("b alone is no group").isNull();
        assertThat(three.keptApart(b)).isFalse();
    }

    @Test
    @DisplayName("issue 9 the latest decision wins: merge, un-merge, merge again")
    void latestDecisionWins() {
        DuplicateGroups g = DuplicateGroups.of(Map.of(), List.of(new Regrouping(true, List.of(a, b)), new Regrouping(false, List.of(a, b)),
                new Regrouping(true, List.of(b, a))));
        assertThat(g.together(List.of(a, b))).isTrue();
        assertThat(g.keptApart(a)).isFalse();
        assertThat(g.keptApart(b)).isFalse();

        DuplicateGroups apart = DuplicateGroups.of(Map.of(), List.of(new Regrouping(true, List.of(a, b)), new Regrouping(false, List.of(b, a))));
        assertThat(apart.together(List.of(a, b))).isFalse();
        assertThat(apart.keptApartFrom(a)).containsExactly(b);
    }
}
