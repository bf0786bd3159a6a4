package org.hospital.continuity.kiosk.platform.api;

import java.util.List;
import org.hospital.continuity.sync.wire.Problem;

/**
 * A command refused by a kiosk rule: becomes problem+json with the clause ({@code rule}), the
 * reason in words a cashier understands, and the fields at fault. Nothing was stored.
 */
public class KioskRejection extends RuntimeException {

    private final int status;
    private final String slug;
    private final String rule;
    private final List<Problem.Violation> violations;

    public KioskRejection(int status, String slug, String rule, String reason, List<Problem.Violation> violations) {
        super(reason, null, false, false);
        this.status = status;
        this.slug = slug;
        this.rule = rule;
        this.violations = List.copyOf(violations);
    }

    public static KioskRejection invalid(String reason, List<Problem.Violation> violations) {
        return new KioskRejection(422, "validation", null, reason, violations);
    }

    public static KioskRejection conflict(String slug, String rule, String reason) {
        return new KioskRejection(409, slug, rule, reason, List.of());
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

    public List<Problem.Violation> violations() {
        return violations;
    }
}
