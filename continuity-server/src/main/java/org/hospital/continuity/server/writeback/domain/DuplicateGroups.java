package org.hospital.continuity.server.writeback.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which downtime registrations of one outage are written back as one HIS patient: the groups found
 * automatically (certain duplicates) with the workbench's merges and un-merges applied in order. A visit
 * a person un-merged is "kept apart": it is never held again as a possible duplicate.
 */
public final class DuplicateGroups {

    private static final String MERGE_PREFIX = "merge-";

    private final Map<UUID, String> groupOf;
    private final Map<UUID, Set<UUID>> apart;

    private DuplicateGroups(Map<UUID, String> groupOf, Map<UUID, Set<UUID>> apart) {
        this.groupOf = groupOf;
        this.apart = apart;
    }

    /** The automatic groups ({@code visit → group key}) with the decisions applied, oldest first. */
    public static DuplicateGroups of(Map<UUID, String> automatic, List<Regrouping> decisions) {
        Map<UUID, String> g = new HashMap<>(automatic);
        Map<UUID, Set<UUID>> apart = new HashMap<>();
        for (Regrouping r : decisions) {
            if (r.merge()) {
                // everyone already grouped with a listed visit joins too: a merge joins whole groups
                Set<String> joined = new HashSet<>();
                r.visitIds().forEach(v -> {
                    if (g.containsKey(v)) {
                        joined.add(g.get(v));
                    }
                });
                String key = MERGE_PREFIX + r.visitIds().stream().map(UUID::toString).sorted().findFirst().orElseThrow();
                g.replaceAll((v, k) -> joined.contains(k) ? key : k);
                r.visitIds().forEach(v -> g.put(v, key));
                r.visitIds().forEach(v -> {
                    Set<UUID> was = apart.get(v);
                    if (was != null) {
                        was.removeAll(r.visitIds());
                    }
                });
            } else {
                r.visitIds().forEach(g::remove);
                for (UUID v : r.visitIds()) {
                    Set<UUID> others = apart.computeIfAbsent(v, k -> new HashSet<>());
                    r.visitIds().stream().filter(o -> !o.equals(v)).forEach(others::add);
                }
            }
        }
        // a group left with one member is no group
        Map<String, Integer> sizes = new HashMap<>();
        g.values().forEach(k -> sizes.merge(k, 1, Integer::sum));
        g.values().removeIf(k -> sizes.get(k) < 2);
        return new DuplicateGroups(g, apart);
    }

    /** The group key of the visit, or null when it stands alone. */
    public String groupOf(UUID visit) {
        return groupOf.get(visit);
    }

    /** The other members of the visit's group. */
    public List<UUID> othersOf(UUID visit) {
        String key = groupOf.get(visit);
        List<UUID> out = new ArrayList<>();
        if (key != null) {
            groupOf.forEach((v, k) -> {
                if (k.equals(key) && !v.equals(visit)) {
                    out.add(v);
                }
            });
        }
        out.sort(null);
        return out;
    }

    /**
     * True when the visit's group is a person's merge (the workbench): its members are written under one HIS patient.
     * An automatic group only checks that its members' own matches agree; it never decides between HIS patients.
     */
    public boolean mergedByPerson(UUID visit) {
        String key = groupOf.get(visit);
        return key != null && key.startsWith(MERGE_PREFIX);
    }

    /** True when a person said these registrations are different people. */
    public boolean keptApart(UUID visit) {
        return !apart.getOrDefault(visit, Set.of()).isEmpty();
    }

    /** The registrations a person said are not the same person as this one. */
    public Set<UUID> keptApartFrom(UUID visit) {
        return Set.copyOf(apart.getOrDefault(visit, Set.of()));
    }

    /** True when all these visits are in one group. */
    public boolean together(Collection<UUID> visits) {
        String first = null;
        for (UUID v : visits) {
            String k = groupOf.get(v);
            if (k == null || first != null && !first.equals(k)) {
                return false;
            }
            first = k;
        }
        return first != null;
    }
}
