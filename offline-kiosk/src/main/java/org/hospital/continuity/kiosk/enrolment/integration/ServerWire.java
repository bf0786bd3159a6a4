package org.hospital.continuity.kiosk.enrolment.integration;

import java.time.Instant;
import java.util.List;
import org.hospital.continuity.kiosk.reference.ReferenceSnapshot;

/**
 * The JSON the kiosk exchanges with the server's {@code /api/kiosk/*} endpoints (enrolment, number
 * pools, reference snapshots). The server's {@code server.kiosk.api} records have the same shape. The
 * announced instructions' records are the mode feature's ({@code mode.integration.InstructionWire}).
 */
public final class ServerWire {

    private ServerWire() {
    }

    public record EnrolRequest(String code, String kioskName) {
    }

    public record Enrolled(String kioskId, String secret, String kioskName, String departmentCode, String departmentName,
                           List<Block> blocks) {
    }

    /** The key the server holds for this kiosk's data key (base64 of 32 bytes). */
    public record WrappingKey(String kioskId, String key) {
    }

    public record Block(String blockId, String pool, String prefix, long first, long last, Instant expiresAt) {
    }

    public record BlockRequest(String pool) {
    }

    /**
     * A reference snapshot with the department's staff verifiers. Its content records are the reference
     * feature's ({@link ReferenceSnapshot}), which stores them; the verifiers go to the session feature.
     */
    public record Snapshot(String version, Instant generatedAt, List<ReferenceSnapshot.Item> items,
                           List<ReferenceSnapshot.Department> departments, List<ReferenceSnapshot.Doctor> doctors,
                           List<ReferenceSnapshot.Patient> patients, List<StaffVerifier> staff, List<ReferenceSnapshot.FeedAsOf> feed) {

        public Snapshot(String version, Instant generatedAt, List<ReferenceSnapshot.Item> items, List<ReferenceSnapshot.Department> departments,
                        List<ReferenceSnapshot.Doctor> doctors, List<ReferenceSnapshot.Patient> patients, List<StaffVerifier> staff) {
            this(version, generatedAt, items, departments, doctors, patients, staff, List.of());
        }

        /** The snapshot without the verifiers, as the reference feature keeps it. */
        public ReferenceSnapshot reference() {
            return new ReferenceSnapshot(version, generatedAt, items, departments, doctors, patients, feed == null ? List.of() : feed);
        }
    }

    /** An offline login verifier: PBKDF2-HMAC-SHA256 of the staff member's password, never the password. */
    public record StaffVerifier(String accountId, String displayName, List<String> roles, String algorithm, String salt,
                                int iterations, String hash) {
    }
}
