package org.hospital.continuity.server.incident.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One event of an incident timeline before it is stored: what happened, when, under which clause, in
 * both languages, with structured data for boards and tests.
 */
public record EventDraft(String kind, Instant at, String clause, String zh, String en, Map<String, Object> data) {

    public EventDraft {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
