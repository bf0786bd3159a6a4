package org.hospital.continuity.server.platform.security;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/** Holds {@link TransportSecurityConfig} for {@link PasswordsOverTls} (a filter class, not an ordinary bean). */
@ApplicationScoped
@Unremovable
public class TransportSecurity {

    private final TransportSecurityConfig config;

    public TransportSecurity(TransportSecurityConfig config) {
        this.config = config;
    }

    public TransportSecurityConfig config() {
        return config;
    }
}
