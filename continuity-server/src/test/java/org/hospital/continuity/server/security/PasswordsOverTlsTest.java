package org.hospital.continuity.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.hospital.continuity.server.platform.security.PasswordsOverTls;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordsOverTlsTest {

    @Test
    @DisplayName("HR-13 a password over plain HTTP is accepted only from loopback; over TLS from anywhere")
    void plainHttpOnlyFromLoopback() {
        assertThat(PasswordsOverTls.allowed(false, "127.0.0.1")).isTrue();
        assertThat(PasswordsOverTls.allowed(false, "127.10.0.3")).isTrue();
        assertThat(PasswordsOverTls.allowed(false, "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(PasswordsOverTls.allowed(false, "::1")).isTrue();
        assertThat(PasswordsOverTls.allowed(false, "10.1.2.3")).isFalse();
        assertThat(PasswordsOverTls.allowed(false, "192.168.0.20")).isFalse();
        assertThat(PasswordsOverTls.allowed(false, "fe80::1")).isFalse();
        assertThat(PasswordsOverTls.allowed(false, null)).isFalse();
        assertThat(PasswordsOverTls.allowed(false, "")).isFalse();
        assertThat(PasswordsOverTls.allowed(false, "evil host")).isFalse();
        assertThat(PasswordsOverTls.allowed(true, "10.1.2.3")).isTrue();
    }

    static final List<String> PASSWORD_PATHS = List.of("/api/auth/login", "/api/accounts", "/api/admin/kiosk-staff");

    @Test
    @DisplayName("HR-13 a password route is recognised in every form the router accepts: doubled slashes, encoded letters, a trailing slash")
    void pathVariantsOfPasswordRoutes() {
        for (String variant : List.of("/api/auth/login", "//api/auth/login", "/api//auth/login", "/api/auth//login", "/api/auth/login/",
                "/api/auth/%6cogin", "/api/auth/%6Cogin", "/%61pi/auth/login", "/api/%61uth/login", "///api///auth///login///",
                "/api/accounts", "//api/accounts/7f0c2b1e-0000-4000-8000-000000000001/password",
                "/api/accounts/7f0c2b1e-0000-4000-8000-000000000001//password", "/api/%61ccounts/x/password",
                "/api/admin/kiosk-staff", "/api/admin//kiosk-staff/k1")) {
            assertThat(PasswordsOverTls.carriesPassword(variant, PASSWORD_PATHS)).as(variant).isTrue();
        }
    }

    @Test
    @DisplayName("HR-13 routes without a password are not refused for plain HTTP; an address that does not decode counts as a password route")
    void otherRoutesAndBrokenAddresses() {
        for (String other : List.of("/api/board", "//api/board", "/api/incidents/current", "/api/auth/logout", "/", "")) {
            assertThat(PasswordsOverTls.carriesPassword(other, PASSWORD_PATHS)).as(other).isFalse();
        }
        assertThat(PasswordsOverTls.carriesPassword(null, PASSWORD_PATHS)).isFalse();
        assertThat(PasswordsOverTls.carriesPassword("/api/auth/%6", PASSWORD_PATHS)).isTrue();
        assertThat(PasswordsOverTls.carriesPassword("/api/auth/%C3%28ogin", PASSWORD_PATHS)).isTrue();
    }
}
