package org.hospital.continuity.server.directory;

/**
 * A hospital department as the directory knows it ("3病区护士站"), with the business area of the
 * downtime ladder whose instructions it follows (a playbooks {@code Department} code, e.g.
 * {@code NURSE_STATION}); null for departments outside the ladder (IT).
 */
public record Department(String code, String nameZh, String nameEn, String area) {
}
