package org.hospital.continuity.playbooks.classify;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hospital.continuity.playbooks.collect.PMap;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * What the probes say right now about every probed component, whether or not an incident holds it: the
 * latest status of each series. Reports are weighed against it: reports of lost access while every probed
 * HIS-wide component (database, application server, core network) answers are not a whole-network failure.
 */
public final class Health {

    /** The latest probe of one series. */
    public record Reading(Component component, String target, ProbeStatus status, Instant at) {
        public Reading {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
        }
    }

    private static final Health NONE = new Health(PMap.empty());

    private final PMap<String, Reading> readings;

    private Health(PMap<String, Reading> readings) {
        this.readings = readings;
    }

    /** Nothing probed yet. */
    public static Health none() {
        return NONE;
    }

    /** Health made of these readings. */
    public static Health of(List<Reading> readings) {
        Health h = NONE;
        for (Reading r : readings) {
            h = new Health(h.readings.put(ProbeResult.seriesKey(r.component(), r.target()), r));
        }
        return h;
    }

    /** With this probe's reading (a later reading of a series replaces an earlier one). */
    public Health observe(ProbeResult p) {
        Reading old = readings.get(p.seriesKey());
        if (old != null && old.at().isAfter(p.at())) {
            return this;
        }
        if (old != null && old.status() == p.status()) {
            return this; // the same status again: nothing learned (its first reading says since when)
        }
        return new Health(readings.put(p.seriesKey(), new Reading(p.component(), p.target(), p.status(), p.at())));
    }

    /** Every reading, by component and target. */
    public List<Reading> readings() {
        return readings.values().stream()
                .sorted(Comparator.comparing((Reading r) -> r.component().name()).thenComparing(Reading::target))
                .toList();
    }

    /** The latest reading of a series, or null. */
    public Reading reading(String seriesKey) {
        return readings.get(seriesKey);
    }

    /** The probed HIS-wide components (database, application server, core network) that answer now. */
    public List<Reading> hisWideUp() {
        return readings().stream().filter(r -> r.component().isHisWide() && r.status() == ProbeStatus.UP).toList();
    }

    /**
     * True when at least one HIS-wide component is probed and every probed one answers: the HIS is up, so
     * reports of lost access point at something smaller than a whole-network failure.
     */
    public boolean hisUp() {
        List<Reading> wide = readings().stream().filter(r -> r.component().isHisWide()).toList();
        return !wide.isEmpty() && wide.stream().allMatch(r -> r.status() == ProbeStatus.UP);
    }

    /** {@code 数据库服务器 his-db-01、核心网络 core-sw-01} / {@code database server his-db-01, core network core-sw-01}. */
    public Bilingual hisWideUpNames() {
        List<Reading> up = hisWideUp();
        if (up.isEmpty()) {
            return Bilingual.of("无", "none");
        }
        return Bilingual.of(
                String.join("、", up.stream().map(r -> r.component().zh() + " " + r.target()).toList()),
                String.join(", ", up.stream().map(r -> r.component().en() + " " + r.target()).toList()));
    }

    @java.lang.Override
    public boolean equals(Object o) {
        return o instanceof Health h && h.readings.equals(readings);
    }

    @java.lang.Override
    public int hashCode() {
        return readings.hashCode();
    }
}
