package org.hospital.continuity.server.directory;

/**
 * A hospital department as the directory knows it ("3病区护士站"), with the business area of the
 * downtime ladder whose instructions it follows (a playbooks {@code Department} code, e.g.
 * {@code NURSE_STATION}); null for departments outside the ladder (IT). {@code place} is where it is: a
 * building/floor/ward path ({@code B}, {@code B/5/5A}); the ladder of an area cut off (EP-4.1 局部网络不通)
 * reaches the departments whose place that area covers. Null when not known: such a department follows the
 * hospital-wide ladder only.
 */
public record Department(String code, String nameZh, String nameEn, String area, String place) {

    /** A department whose place is not recorded. */
    public Department(String code, String nameZh, String nameEn, String area) {
        this(code, nameZh, nameEn, area, null);
    }
}
