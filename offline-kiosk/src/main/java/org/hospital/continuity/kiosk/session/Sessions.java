package org.hospital.continuity.kiosk.session;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.security.SecureRandom;
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
import org.hospital.continuity.kiosk.platform.crypto.KioskKey;
import org.hospital.continuity.kiosk.platform.security.SignedInStaff;

/**
 * Offline staff login against the department's verifiers from the last snapshot (HR-3), session
 * expiry by idle time and maximum age, logout (HR-2), lockout after repeated failures. Sessions are
 * kept in memory: a restart signs everybody out, which is the safe side. Sign-ins, refusals and
 * sign-outs are announced as {@link SessionEvent}s (the audit log records them, HR-8).
 */
@ApplicationScoped
public class Sessions implements SignedInStaff {

    /** The HttpOnly cookie carrying the session token (the platform's security layer reads it too). */
    public static final String COOKIE = SignedInStaff.COOKIE;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final StaffVerifiers verifiers;
    private final InstantSource clock;
    private final KioskConfig config;
    private final Event<SessionEvent> events;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, StaffSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private final KioskKey key;

    public Sessions(StaffVerifiers verifiers, InstantSource clock, KioskConfig config, Event<SessionEvent> events, KioskKey key) {
        this.key = key;
        this.verifiers = verifiers;
        this.clock = clock;
        this.config = config;
        this.events = events;
    }

    public StaffSession login(String accountId, char[] password) {
        try {
            OfflineVerifier v = verified(accountId, password);
            // HR-12: a kiosk restarted offline opens its data key with the password of a person who signed in here
            // recently; an open kiosk keeps a wrap for this person (docs/security.md "Key handling")
            try {
                key.signedIn(accountId, password);
            } catch (RuntimeException e) {
                Log.warnf("kiosk data key wrap for account=%s not kept: %s", accountId, e.getClass().getSimpleName());
            }
            Instant now = clock.instant();
            byte[] t = new byte[32];
            random.nextBytes(t);
            StaffSession s = new StaffSession(Base64.getUrlEncoder().withoutPadding().encodeToString(t), accountId,
                    v.displayName(), v.roles(), now, now);
            sessions.put(s.token(), s);
            Log.infof("kiosk login account=%s", accountId);
            announce(accountId, "STAFF", "LOGIN", "SUCCESS", "");
            return s;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * EP-6.1: a second person confirms a step at this kiosk with their own password (a supervisor confirming a
     * phoned instruction): checked offline against the same verifiers, counted against the same lockout as a
     * sign-in, and audited; no session is opened. The answer names the confirming person (its token is null).
     */
    public StaffSession confirm(String accountId, char[] password) {
        try {
            OfflineVerifier v = verified(accountId, password);
            Instant now = clock.instant();
            Log.infof("kiosk confirmation account=%s", accountId);
            announce(accountId, "STAFF", "CONFIRMED", "SUCCESS", "second person");
            return new StaffSession(null, accountId, v.displayName(), v.roles(), now, now);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The account's verifier when the password matches; lockout and failures as HR-3 asks. */
    private OfflineVerifier verified(String accountId, char[] password) {
        Instant now = clock.instant();
        Failures f = failures.get(accountId);
        if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            announce(accountId, "ANONYMOUS", "LOGIN_REFUSED", "REFUSED", "locked");
            throw new KioskRejection(423, "account-locked", "HR-3",
                    "error.login.locked", List.of());
        }
        Optional<OfflineVerifier> verifier = verifiers.find(accountId);
        if (verifier.isEmpty() || !verifier.get().matches(password)) {
            int count = (f == null || f.lockedUntil() != null ? 0 : f.count()) + 1;
            failures.put(accountId, new Failures(count, count >= config.session().maxFailures()
                    ? now.plus(config.session().lockout()) : null));
            Log.infof("kiosk login refused account=%s failures=%d", accountId, count);
            announce(accountId, "ANONYMOUS", count >= config.session().maxFailures() ? "LOCKED" : "LOGIN_FAILED", "REFUSED",
                    verifier.isEmpty() ? "unknown account" : "failures=" + count);
            throw new KioskRejection(401, "login-failed", "HR-3", "error.login.failed", List.of());
        }
        failures.remove(accountId);
        return verifier.get();
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

    @Override
    public Optional<Member> signedIn(String token) {
        return peek(token).map(s -> new Member(s.accountId(), s.roles()));
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

    /** The name of a staff member of this kiosk's department (from the verifiers), or the account when unknown. */
    public String nameOf(String accountId) {
        if (accountId == null) {
            return null;
        }
        return verifiers.find(accountId).map(OfflineVerifier::displayName).orElse(accountId);
    }

    public void logout(String token) {
        if (token != null) {
            StaffSession s = sessions.remove(token);
            if (s != null) {
                Log.infof("kiosk logout account=%s", s.accountId());
                announce(s.accountId(), "STAFF", "LOGOUT", "SUCCESS", "");
            }
        }
    }

    /** HR-8: sign-ins, refusals and sign-outs, with the account, for the kiosk's audit log. */
    private void announce(String accountId, String actorKind, String action, String outcome, String detail) {
        events.fire(new SessionEvent(accountId, actorKind, action, outcome, detail));
    }
}
