package org.hospital.continuity.server.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** (HR-13): where passwords may travel. */
@ConfigMapping(prefix = "continuity.security")
public interface TransportSecurityConfig {

    /** Refuse passwords over plain HTTP from non-loopback addresses. */
    @WithDefault("true")
    boolean requireTlsForPasswords();

    /** Path prefixes of the routes that carry a password (changing requests only). */
    @WithDefault("/api/auth/login,/api/auth/password,/api/accounts")
    List<String> passwordPaths();
}
