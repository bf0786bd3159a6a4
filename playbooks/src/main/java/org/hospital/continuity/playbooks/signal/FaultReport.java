package org.hospital.continuity.playbooks.signal;

import java.time.Instant;
import java.util.Objects;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * A fault report filed from a workstation (EP-3.1): who, where, what they saw, free text. The reporter is
 * recorded (EP-3.2) but never used for grading (EP-4: by cause and nature, not by reporter).
 *
 * @param id       signal id
 * @param at       when it was filed
 * @param reporter who filed it (staff id or role; never a patient's data, HR-12)
 * @param terminal where
 * @param symptom  what they saw
 * @param text     their own words, may be empty
 */
public record FaultReport(String id, Instant at, String reporter, Terminal terminal, Symptom symptom, String text)
        implements Signal {

    public FaultReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(symptom, "symptom");
        text = text == null ? "" : text;
    }

    @Override
    public boolean mayLower() {
        return false;
    }

    @Override
    public Bilingual describe() {
        String where = terminal.id() + " (" + terminal.department().zh()
                + terminal.wardName().map(w -> " " + w).orElse("") + ")";
        String whereEn = terminal.id() + " (" + terminal.department().en()
                + terminal.wardName().map(w -> " " + w).orElse("") + ")";
        return Bilingual.of(
                "故障报告 " + where + ": " + symptom.zh(),
                "fault report " + whereEn + ": " + symptom.en());
    }
}
