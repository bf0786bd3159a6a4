package org.hospital.continuity.playbooks.signal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hospital.continuity.playbooks.fault.Area;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * IT's finding after verifying reports with the workstation and analysing (EP-3.2): the cause, by the EP-4
 * table. A diagnosis that {@code explains} reports replaces their provisional grade (so it may lower the
 * class: "this was an operator error", EP-4.3).
 *
 * <p>A diagnosis is about a component: the one it names ({@code component}, {@code target}), or else the probed
 * component of the incident whose failure the cause describes. It ends when that component is seen up again
 * (its recovery) or when IT clears it; a diagnosis about no component holds while the reports it explains are
 * open, or until IT clears it.
 *
 * @param id        signal id
 * @param at        when IT recorded it
 * @param by        who diagnosed (IT staff on duty, system administrator)
 * @param cause     the cause
 * @param explains  ids of the reports or alarms it explains, may be empty
 * @param note      free text, may be empty
 * @param component the component it is about, if IT names one
 * @param target    the component's target (host, segment, line), with {@code component}
 * @param area      the area the fault cuts off (a fibre to building B: {@code B}), if it cuts off one area
 */
public record Diagnosis(String id, Instant at, String by, Cause cause, List<String> explains, String note,
                        Optional<Component> component, Optional<String> target, Optional<Area> area) implements Signal {

    public Diagnosis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(cause, "cause");
        explains = explains == null ? List.of() : List.copyOf(explains);
        note = note == null ? "" : note;
        component = component == null ? Optional.empty() : component;
        target = target == null ? Optional.empty() : target.filter(t -> !t.isBlank());
        area = area == null ? Optional.empty() : area.filter(a -> !a.isHospital());
        if (component.isPresent() != target.isPresent()) {
            throw new IllegalArgumentException("a diagnosis names a component together with its target");
        }
    }

    /** A diagnosis that names no component and no area. */
    public Diagnosis(String id, Instant at, String by, Cause cause, List<String> explains, String note) {
        this(id, at, by, cause, explains, note, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The series key of the component it names, if it names one. */
    public Optional<String> subjectSeries() {
        return component.map(c -> ProbeResult.seriesKey(c, target.orElseThrow()));
    }

    @Override
    public boolean mayLower() {
        return true;
    }

    @Override
    public Bilingual describe() {
        // how many signals it explains, never their machine ids: this text is read by people on the board
        int n = explains.size();
        String about = n == 0 ? "" : ",解释 " + n + " 条信号";
        String aboutEn = n == 0 ? "" : n == 1 ? ", explains 1 signal" : ", explains " + n + " signals";
        String subject = component.map(c -> " [" + c.zh() + " " + target.orElseThrow() + "]").orElse("");
        String subjectEn = component.map(c -> " [" + c.en() + " " + target.orElseThrow() + "]").orElse("");
        String where = area.map(a -> " @" + a.name().zh()).orElse("");
        String whereEn = area.map(a -> " @" + a.name().en()).orElse("");
        return Bilingual.of(
                "诊断(" + by + "): " + cause.text().zh() + subject + where + about,
                "diagnosis (" + by + "): " + cause.text().en() + subjectEn + whereEn + aboutEn);
    }
}
