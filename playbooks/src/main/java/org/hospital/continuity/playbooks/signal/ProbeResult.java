package org.hospital.continuity.playbooks.signal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * A probe's observation of one HIS component.
 *
 * @param id        signal id
 * @param at        when the probe ran
 * @param component which kind of component
 * @param target    which one (host name, segment, line id); probes of the same component and target form one series
 * @param status    up or down
 * @param detail    free text from the probe (may be empty)
 * @param area      the area the component serves, when it serves one area only (a building's or a floor's
 *                  switch, a fibre to one building): its failure cuts that area off (EP-4.1 局部网络不通)
 */
public record ProbeResult(String id, Instant at, Component component, String target, ProbeStatus status, String detail,
                          Optional<Area> area) implements Signal {

    public ProbeResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        area = area == null ? Optional.empty() : area.filter(a -> !a.isHospital());
    }

    /** A probe of a component that serves no single area. */
    public ProbeResult(String id, Instant at, Component component, String target, ProbeStatus status, String detail) {
        this(id, at, component, target, status, detail, Optional.empty());
    }

    /** The series this probe belongs to: component and target. */
    public String seriesKey() {
        return seriesKey(component, target);
    }

    /** The series key of a component and target. */
    public static String seriesKey(Component component, String target) {
        return component.name() + "/" + target;
    }

    @Override
    public boolean mayLower() {
        return status == ProbeStatus.UP;
    }

    @Override
    public Bilingual describe() {
        String where = area.map(a -> " @" + a.name().zh()).orElse("");
        String whereEn = area.map(a -> " @" + a.name().en()).orElse("");
        return Bilingual.of(
                "探测 " + component.zh() + " " + target + where + ": " + status.zh(),
                "probe " + component.en() + " " + target + whereEn + ": " + status.en());
    }
}
