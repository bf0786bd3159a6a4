package org.hospital.continuity.playbooks.signal;

import java.time.Instant;
import java.util.Objects;
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
 */
public record ProbeResult(String id, Instant at, Component component, String target, ProbeStatus status, String detail)
        implements Signal {

    public ProbeResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    /** The series this probe belongs to: component and target. */
    public String seriesKey() {
        return component.name() + "/" + target;
    }

    @Override
    public boolean mayLower() {
        return status == ProbeStatus.UP;
    }

    @Override
    public Bilingual describe() {
        return Bilingual.of(
                "探测 " + component.zh() + " " + target + ": " + status.zh(),
                "probe " + component.en() + " " + target + ": " + status.en());
    }
}
