package org.hospital.continuity.server.platform.api;

/**
 * Thrown by an app service when a domain policy rejected a command: becomes a 409 (or the given
 * status) problem+json naming the clause ({@code rule}) and the human reason.
 */
public class DomainRejection extends RuntimeException {

    private final int status;
    private final String slug;
    private final String rule;

    public DomainRejection(int status, String slug, String rule, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.slug = slug;
        this.rule = rule;
    }

    public static DomainRejection conflict(String slug, String rule, String reason) {
        return new DomainRejection(409, slug, rule, reason);
    }

    public static DomainRejection notFound(String what) {
        return new DomainRejection(404, "not-found", null, what + " does not exist.");
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String rule() {
        return rule;
    }
}
