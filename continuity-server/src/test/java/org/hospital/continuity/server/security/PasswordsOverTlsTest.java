package org.hospital.continuity.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.hospital.continuity.server.platform.security.PasswordsOverTls;
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
}
