package org.hospital.continuity.server.account.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sign-in settings ({@code continuity.auth.*}). No password is ever configured in the repository. */
@io.quarkus.runtime.annotations.StaticInitSafe
@ConfigMapping(prefix = "continuity.auth")
public interface AuthConfig {

    /** PBKDF2-HMAC-SHA256 iterations for new hashes (OWASP 2023 suggests 600 000; old hashes keep theirs). */
    @WithDefault("310000")
    int pbkdf2Iterations();

    /** How long a session lasts after sign-in (one long shift). */
    @WithDefault("12H")
    Duration sessionTtl();

    /** Consecutive wrong passwords that lock an account (HR-3). */
    @WithDefault("5")
    int maxFailures();

    /** How long a locked account stays locked. */
    @WithDefault("15M")
    Duration lockDuration();

    /** The administrator created at first start when no IT administrator exists yet. */
    InitialAdmin initialAdmin();

    interface InitialAdmin {
        /** User name of the seeded administrator. */
        @WithDefault("admin")
        String username();

        /**
         * Its password, e.g. from the environment variable {@code CONTINUITY_AUTH_INITIAL_ADMIN_PASSWORD}.
         * Without it no administrator is seeded (and the log says so).
         */
        Optional<String> password();
    }
}
