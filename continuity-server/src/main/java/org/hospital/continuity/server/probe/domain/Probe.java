package org.hospital.continuity.server.probe.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hospital.continuity.playbooks.signal.Component;
import org.hospital.continuity.playbooks.signal.ProbeStatus;

/**
 * A configured check of one HIS component.
 *
 * @param series     the target name in signals: probes of one component and series are one series for the classifier
 * @param lastStatus what it saw last, empty before the first run
 * @param area       the place the component alone serves (a building/floor/ward path such as {@code B}), null for a
 *                   component of the whole hospital: its failure cuts that area off (EP-4.1 局部网络不通)
 */
public record Probe(UUID id, String name, ProbeKind kind, String target, Component component, String series, Duration interval,
                    Duration timeout, boolean enabled, Optional<ProbeStatus> lastStatus, String lastDetail, Instant lastRunAt,
                    Instant lastChangeAt, Instant nextRunAt, String area) {

    /**
     * Whether a result becomes a signal: only a change of status does, and a first result only when it is
     * DOWN. Repeated results of the same status fold into the signal already sent (the incident engine
     * sees one DOWN per episode, not one per round).
     */
    public static boolean isSignal(Optional<ProbeStatus> last, ProbeStatus now) {
        return last.map(l -> l != now).orElse(now == ProbeStatus.DOWN);
    }

    /** Why a definition cannot be used, or empty. */
    public static Optional<String> misfit(ProbeKind kind, String target, Duration interval, Duration timeout) {
        if (timeout.compareTo(interval) >= 0) {
            return Optional.of("The timeout must be shorter than the interval.");
        }
        switch (kind) {
            case HTTP:
                if (!target.startsWith("http://") && !target.startsWith("https://")) {
                    return Optional.of("An HTTP probe's target is an http:// or https:// URL.");
                }
                break;
            case TCP:
                if (!target.matches("[A-Za-z0-9.\\-]+:\\d{1,5}")) {
                    return Optional.of("A TCP probe's target is host:port.");
                }
                break;
            case SQL:
                if (!target.startsWith("postgresql://")) {
                    return Optional.of("A SQL probe's target is a postgresql:// URL (reactive client).");
                }
                if (target.contains("#") && !isReadOnlyQuery(target.substring(target.indexOf('#') + 1))) {
                    return Optional.of("A SQL probe's query (after #) is one SELECT statement; it runs in a read-only transaction.");
                }
                break;
            case PING:
                if (!target.matches("[A-Za-z0-9.\\-:]+")) {
                    return Optional.of("A ping probe's target is a host name or address.");
                }
                break;
            default:
                break;
        }
        return Optional.empty();
    }

    /**
     * A probe's own query: one {@code select} (or {@code with … select}) statement, no second statement, no
     * {@code into}, no row locks. The probe also runs it in a read-only transaction, so what slips past this check
     * still cannot change data; the probing account should be a read-only role of the HIS database as well.
     */
    public static boolean isReadOnlyQuery(String query) {
        String q = query.strip();
        if (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        String lower = q.toLowerCase(java.util.Locale.ROOT);
        if (q.isEmpty() || q.length() > 500 || q.indexOf(';') >= 0 || q.indexOf('\0') >= 0 || q.contains("--") || q.contains("/*")) {
            return false;
        }
        if (!(lower.startsWith("select ") || lower.equals("select") || lower.startsWith("with "))) {
            return false;
        }
        return !java.util.regex.Pattern.compile("\\b(into|for\\s+(update|share|no\\s+key\\s+update|key\\s+share)|insert|update|delete|"
                + "merge|truncate|drop|alter|create|grant|revoke|copy|call|do|vacuum|lock)\\b").matcher(lower).find();
    }
}
