package org.hospital.continuity.playbooks.playbook;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hospital.continuity.playbooks.party.Department;
import org.hospital.continuity.playbooks.party.Party;

/**
 * The playbooks in force, keyed by id, and the question the server asks of them: which steps are due now that
 * this happened ({@link #stepsFor}).
 */
public final class PlaybookSet {

    private static final Comparator<Playbook> ORDER = Comparator
            .comparing((Playbook p) -> p.trigger().type())
            .thenComparing(Playbook::id);

    private final Map<String, Playbook> byId;

    private PlaybookSet(Map<String, Playbook> byId) {
        this.byId = byId;
    }

    /** A set of playbooks with unique ids (a duplicate id is an {@link IllegalArgumentException}). */
    public static PlaybookSet of(List<Playbook> playbooks) {
        Map<String, Playbook> map = new LinkedHashMap<>();
        playbooks.stream().sorted(ORDER).forEach(p -> {
            Playbook previous = map.put(p.id(), p);
            if (previous != null) {
                throw new IllegalArgumentException("playbook id '" + p.id() + "' appears in both " + previous.source()
                        + " and " + p.source());
            }
        });
        return new PlaybookSet(map);
    }

    /** No playbooks. */
    public static PlaybookSet empty() {
        return new PlaybookSet(Map.of());
    }

    /** Every playbook, enabled or not, ordered by trigger type and id. */
    public List<Playbook> playbooks() {
        return List.copyOf(byId.values());
    }

    /** A playbook by id. */
    public Optional<Playbook> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * These playbooks with the hospital's: a hospital playbook replaces the default with the same id (it may
     * disable it with {@code enabled: false}); other hospital playbooks are added.
     */
    public PlaybookSet overriddenBy(PlaybookSet hospital) {
        Map<String, Playbook> merged = new LinkedHashMap<>(byId);
        merged.putAll(hospital.byId);
        return of(new ArrayList<>(merged.values()));
    }

    /**
     * The steps due because of {@code occurrence}, with their deadlines in the hospital's {@code zone}: for
     * every enabled playbook whose trigger matches, its steps in file order. A step naming a department fires
     * only for the departments the occurrence concerns when it filters by department (ladder row, manual mode,
     * recovery); then steps are grouped department by department.
     */
    public List<DueStep> stepsFor(Occurrence occurrence, ZoneId zone) {
        List<DueStep> due = new ArrayList<>();
        for (Playbook playbook : byId.values()) {
            if (!playbook.enabled() || !playbook.trigger().matches(occurrence)) {
                continue;
            }
            if (occurrence.filtersByDepartment()) {
                playbook.steps().stream().filter(s -> s.department().isEmpty())
                        .forEach(s -> due.add(dueStep(playbook, s, occurrence, Optional.empty(), zone)));
                for (Department d : occurrence.departments()) {
                    playbook.steps().stream().filter(s -> s.department().equals(Optional.of(d)))
                            .forEach(s -> due.add(dueStep(playbook, s, occurrence, Optional.of(d), zone)));
                }
            } else {
                playbook.steps().forEach(s -> due.add(dueStep(playbook, s, occurrence, s.department(), zone)));
            }
        }
        return List.copyOf(due);
    }

    private static DueStep dueStep(Playbook playbook, PlaybookStep step, Occurrence occurrence,
                                   Optional<Department> department, ZoneId zone) {
        return new DueStep(playbook.id(), step, occurrence, department,
                step.due().map(d -> d.dueAt(occurrence.at(), zone)));
    }

    /**
     * Who is called the moment {@code occurrence} happens: the {@code announce:} parties of every enabled
     * playbook whose trigger matches, in file order, each party once. Empty when no matching playbook announces.
     */
    public List<Party> announcedFor(Occurrence occurrence) {
        java.util.LinkedHashSet<Party> parties = new java.util.LinkedHashSet<>();
        for (Playbook playbook : byId.values()) {
            if (playbook.enabled() && playbook.trigger().matches(occurrence)) {
                playbook.announce().ifPresent(a -> parties.addAll(a.parties()));
            }
        }
        return List.copyOf(parties);
    }
}
