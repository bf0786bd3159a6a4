package org.hospital.continuity.playbooks.signal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * IT closes reports, alarms or diagnoses: the terminal is repaired, the catalogue restored from backup.
 * Probes clear themselves with an {@link ProbeStatus#UP} result instead.
 *
 * @param id     signal id
 * @param at     when
 * @param by     who cleared them
 * @param clears ids of the reports, alarms or diagnoses that no longer hold; at least one
 * @param note   how it was resolved (EP-4.7, EP-7.4: recorded in detail), may be empty
 */
public record Clearance(String id, Instant at, String by, List<String> clears, String note) implements Signal {

    public Clearance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        clears = List.copyOf(Objects.requireNonNull(clears, "clears"));
        if (clears.isEmpty()) {
            throw new IllegalArgumentException("a clearance clears at least one signal");
        }
        note = note == null ? "" : note;
    }

    @Override
    public boolean mayLower() {
        return true;
    }

    @Override
    public Bilingual describe() {
        // how many findings it clears and why, never their machine ids: this text is read by people on the board
        int n = clears.size();
        return Bilingual.of(
                "解除(" + by + "): " + n + " 条信号" + (note == null || note.isBlank() ? "" : "," + note),
                "cleared (" + by + "): " + n + (n == 1 ? " signal" : " signals") + (note == null || note.isBlank() ? "" : ", " + note));
    }
}
