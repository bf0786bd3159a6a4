package org.hospital.continuity.playbooks.signal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hospital.continuity.playbooks.fault.Cause;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * IT's finding after verifying reports with the workstation and analysing (EP-3.2): the cause, by the EP-4
 * table. A diagnosis that {@code explains} reports replaces their provisional grade (so it may lower the
 * class: "this was an operator error", EP-4.3). A diagnosis that explains nothing is a finding of its own
 * (e.g. IT sees the server is unstable) and holds until it is cleared.
 *
 * @param id       signal id
 * @param at       when IT recorded it
 * @param by       who diagnosed (IT staff on duty, system administrator)
 * @param cause    the cause
 * @param explains ids of the reports or alarms it explains, may be empty
 * @param note     free text, may be empty
 */
public record Diagnosis(String id, Instant at, String by, Cause cause, List<String> explains, String note)
        implements Signal {

    public Diagnosis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(cause, "cause");
        explains = explains == null ? List.of() : List.copyOf(explains);
        note = note == null ? "" : note;
    }

    @Override
    public boolean mayLower() {
        return true;
    }

    @Override
    public Bilingual describe() {
        // how many signals it explains, never their machine ids: this text is read by people on the board
        int n = explains.size();
        return Bilingual.of(
                "诊断(" + by + "): " + cause.text().zh() + (n == 0 ? "" : ",解释 " + n + " 条信号"),
                "diagnosis (" + by + "): " + cause.text().en() + (n == 0 ? "" : n == 1 ? ", explains 1 signal" : ", explains " + n + " signals"));
    }
}
