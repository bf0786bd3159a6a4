package org.hospital.continuity.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SameOriginTest {

    static boolean refused(String method, boolean cookie, String origin, String referer, String host) {
        return SameOrigin.problem(method, cookie, origin, referer, host, Set.of()).isPresent();
    }

    @Test
    @DisplayName("HR-13 a state-changing request with a cookie from another site's page is refused, whether it names itself by Origin or Referer")
    void crossSiteRefused() {
        assertThat(refused("POST", true, "http://evil.example", null, "localhost:8081")).isTrue();
        // every localhost port is the same site for SameSite cookies: the port must match too
        assertThat(refused("POST", true, "http://localhost:8080", null, "localhost:8081")).isTrue();
        assertThat(refused("DELETE", true, null, "http://evil.example/page", "localhost:8081")).isTrue();
        assertThat(refused("PUT", true, "null", null, "localhost:8081")).as("sandboxed or file pages send Origin: null").isTrue();
        assertThat(refused("PATCH", true, "https://localhost:8081", null, "localhost:8081")).as("scheme change: https page, http app").isFalse();
        assertThat(refused("POST", true, "ftp://localhost:8081", null, "localhost:8081")).isTrue();
    }

    @Test
    @DisplayName("HR-13 the app's own pages, scripts without cookies and reads pass")
    void ownPagesPass() {
        assertThat(refused("POST", true, "http://localhost:8081", null, "localhost:8081")).isFalse();
        assertThat(refused("POST", true, "HTTP://LocalHost:8081", null, "localhost:8081")).isFalse();
        assertThat(refused("POST", true, null, "http://localhost:8081/#charge", "localhost:8081")).isFalse();
        assertThat(refused("POST", true, "http://his.example", null, "his.example:80")).isFalse();
        assertThat(refused("POST", true, "https://his.example:443", null, "his.example")).isFalse();
        assertThat(refused("POST", false, "http://evil.example", null, "localhost:8081")).as("no cookie: no ambient session to abuse").isFalse();
        assertThat(refused("GET", true, "http://evil.example", null, "localhost:8081")).isFalse();
        assertThat(refused("POST", true, null, null, "localhost:8081")).as("no browser page sends neither header cross-origin").isFalse();
    }

    @Test
    @DisplayName("HR-13 a configured proxy origin is accepted; a look-alike is not")
    void extraOrigins() {
        Set<String> proxy = Set.of("https://continuity.hospital.example");
        assertThat(SameOrigin.problem("POST", true, "https://continuity.hospital.example", null, "10.0.0.5:8080", proxy)).isEmpty();
        assertThat(SameOrigin.problem("POST", true, "https://continuity.hospital.example.evil.example", null, "10.0.0.5:8080", proxy)).isPresent();
        assertThat(SameOrigin.problem("POST", true, "http://continuity.hospital.example", null, "10.0.0.5:8080", proxy)).isPresent();
    }
}
