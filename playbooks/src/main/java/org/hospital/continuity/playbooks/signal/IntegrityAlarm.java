package org.hospital.continuity.playbooks.signal;

import java.time.Instant;
import java.util.Objects;
import org.hospital.continuity.playbooks.text.Bilingual;

/**
 * An integrity check raised an alarm: a guarded dictionary was deleted or altered, or data loss was detected.
 *
 * @param id     signal id
 * @param at     when it was detected
 * @param kind   what was found
 * @param source which check or which table
 * @param detail free text, may be empty
 */
public record IntegrityAlarm(String id, Instant at, IntegrityKind kind, String source, String detail) implements Signal {

    public IntegrityAlarm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        source = source == null ? "" : source;
        detail = detail == null ? "" : detail;
    }

    @Override
    public boolean mayLower() {
        return false;
    }

    @Override
    public Bilingual describe() {
        String from = source.isEmpty() ? "" : " (" + source + ")";
        return Bilingual.of("完整性告警: " + kind.zh() + from, "integrity alarm: " + kind.en() + from);
    }
}
