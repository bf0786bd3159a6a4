package org.hospital.continuity.kiosk.session.app;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.continuity.kiosk.platform.api.KioskRejection;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.session.domain.OfflineVerifier;
import org.hospital.continuity.kiosk.session.domain.StaffSession;

/**
 * Offline staff login against the department's verifiers from the last snapshot (HR-3), session
 * expiry by idle time and maximum age, logout (HR-2), lockout after repeated failures. Sessions are
 * kept in memory: a restart signs everybody out, which is the safe side.
 */
@ApplicationScoped
public class Sessions {

    private record Failures(int count, Instant lockedUntil) {
    }

    private final KioskDatabase database;
    private final InstantSource clock;
    private final KioskConfig config;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, StaffSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public Sessions(KioskDatabase database, InstantSource clock, KioskConfig config) {
        this.database = database;
        this.clock = clock;
        this.config = config;
    }

    public StaffSession login(String accountId, char[] password) {
        try {
            Instant now = clock.instant();
            Failures f = failures.get(accountId);
            if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
                audit(accountId, "ANONYMOUS", "LOGIN_REFUSED", "REFUSED", "locked");
                throw new KioskRejection(423, "account-locked", "HR-3",
                        "error.login.locked", List.of());
            }
            Optional<OfflineVerifier> verifier = verifier(accountId);
            if (verifier.isEmpty() || !verifier.get().matches(password)) {
                int count = (f == null || f.lockedUntil() != null ? 0 : f.count()) + 1;
                failures.put(accountId, new Failures(count, count >= config.session().maxFailures()
                        ? now.plus(config.session().lockout()) : null));
                Log.infof("kiosk login refused account=%s failures=%d", accountId, count);
                audit(accountId, "ANONYMOUS", count >= config.session().maxFailures() ? "LOCKED" : "LOGIN_FAILED", "REFUSED",
                        verifier.isEmpty() ? "unknown account" : "failures=" + count);
                throw new KioskRejection(401, "login-failed", "HR-3", "error.login.failed", List.of());
            }
            failures.remove(accountId);
            byte[] t = new byte[32];
            random.nextBytes(t);
            StaffSession s = new StaffSession(Base64.getUrlEncoder().withoutPadding().encodeToString(t), accountId,
                    verifier.get().displayName(), verifier.get().roles(), now, now);
            sessions.put(s.token(), s);
            Log.infof("kiosk login account=%s", accountId);
            audit(accountId, "STAFF", "LOGIN", "SUCCESS", "");
            return s;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The live session of a token (touching it), or empty when absent or expired. */
    public Optional<StaffSession> current(String token) {
        if (token == null) {
            return Optional.empty();
        }
        StaffSession s = sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.expiredAt(now, config.session().idleTimeout(), config.session().maxAge())) {
            sessions.remove(token);
            Log.infof("kiosk session expired account=%s", s.accountId());
            return Optional.empty();
        }
        StaffSession touched = s.touchedAt(now);
        sessions.put(token, touched);
        return Optional.of(touched);
    }

    /**
     * The live session without counting as activity: the banner's periodic refresh must not keep
     * an abandoned session alive (HR-2).
     */
    public Optional<StaffSession> peek(String token) {
        StaffSession s = token == null ? null : sessions.get(token);
        if (s == null || s.expiredAt(clock.instant(), config.session().idleTimeout(), config.session().maxAge())) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** The session or a 401 the UI answers with the login screen. */
    public StaffSession require(String token) {
        return current(token).orElseThrow(() -> new KioskRejection(401, "not-signed-in", "HR-2",
                "error.session.required", List.of()));
    }

    /** As {@link #require}, and the role, else 403. */
    public StaffSession require(String token, String role) {
        StaffSession s = require(token);
        if (!s.hasRole(role)) {
            throw new KioskRejection(403, "forbidden", "HR-1", "error.forbidden", List.of());
        }
        return s;
    }

    public void logout(String token) {
        if (token != null) {
            StaffSession s = sessions.remove(token);
            if (s != null) {
                Log.infof("kiosk logout account=%s", s.accountId());
                audit(s.accountId(), "STAFF", "LOGOUT", "SUCCESS", "");
            }
        }
    }

    /** HR-8: sign-ins, refusals and sign-outs go to the kiosk's audit log with the account. */
    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<org.hospital.continuity.kiosk.audit.app.KioskAuditLog> auditLog;

    private void audit(String accountId, String actorKind, String action, String outcome, String detail) {
        if (auditLog != null && auditLog.isResolvable()) {
            auditLog.get().append(new org.hospital.continuity.kiosk.audit.app.KioskAuditLog.Event(
                    "ANONYMOUS".equals(actorKind) ? "anonymous" : accountId, actorKind, action,
                    org.hospital.continuity.sync.audit.AuditCategories.LOGIN, outcome, "account", accountId, detail));
        }
    }

    private Optional<OfflineVerifier> verifier(String accountId) {
        try {
            return database.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("select * from staff_verifier where account_id = ?")) {
                    ps.setString(1, accountId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<OfflineVerifier>empty();
                        }
                        return Optional.of(new OfflineVerifier(rs.getString("account_id"), rs.getString("display_name"),
                                List.of(rs.getString("roles").split(",")), rs.getString("algorithm"), rs.getString("salt"),
                                rs.getInt("iterations"), rs.getString("hash")));
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("staff verifiers unreadable", e);
        }
    }
}
