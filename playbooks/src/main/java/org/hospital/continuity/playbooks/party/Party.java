package org.hospital.continuity.playbooks.party;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Someone a playbook step can be owned by or a notification can go to: a business {@link Department}
 * (it switches to manual), an {@link Office} or role of the plan's organisation (EP-2), or one of the
 * {@link Team}s IT forms in an incident (EP-8.2, EP-8.3). Every party has a stable code (its enum constant
 * name) that the server, the kiosks and the playbook files share; codes are unique across the three kinds.
 */
public sealed interface Party permits Department, Office, Team {

    /** Orders parties by kind (departments, offices, teams) and then by declaration order; stable for output. */
    Comparator<Party> ORDER = Comparator.comparingInt(Party::kindOrder).thenComparingInt(Party::ordinalInKind);

    /** The stable code, e.g. {@code OUTPATIENT_REGISTRATION}, {@code LEADERSHIP_GROUP}, {@code REPAIR_TEAM}. */
    String code();

    /** The Chinese name staff use. */
    String zh();

    /** The English name. */
    String en();

    /** {@code 门诊挂号 outpatient registration}. */
    default String label() {
        return zh() + " " + en();
    }

    /** Looks a party up by its code across departments, offices and teams. */
    static Optional<Party> fromCode(String code) {
        return Optional.ofNullable(Registry.BY_CODE.get(code));
    }

    /** Every code that {@link #fromCode(String)} accepts, in {@link #ORDER}. */
    static java.util.List<String> codes() {
        return java.util.List.copyOf(Registry.BY_CODE.keySet());
    }

    private int kindOrder() {
        if (this instanceof Department) {
            return 0;
        }
        return this instanceof Office ? 1 : 2;
    }

    private int ordinalInKind() {
        return ((Enum<?>) this).ordinal();
    }

    /** Lookup table built once. */
    final class Registry {
        private static final Map<String, Party> BY_CODE = build();

        private Registry() {
        }

        private static Map<String, Party> build() {
            Map<String, Party> map = new LinkedHashMap<>();
            Stream.of(Arrays.stream(Department.values()), Arrays.stream(Office.values()), Arrays.stream(Team.values()))
                    .flatMap(s -> s.map(Party.class::cast))
                    .forEach(p -> {
                        if (map.put(p.code(), p) != null) {
                            throw new IllegalStateException("duplicate party code " + p.code());
                        }
                    });
            return java.util.Collections.unmodifiableMap(map);
        }
    }
}
