package org.hospital.continuity.sync.wire;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The oversize-request rule both apps apply before the HTTP decoder's bare answers (plain Java). */
class OversizeRequestsTest {

    private static final OversizeRequests.Limits LIMITS = new OversizeRequests.Limits(8192, 32 * 1024, 4L * 1024 * 1024);

    @Test
    @DisplayName("an address over the limit is a 414, a header section over it a 431, a declared body over it a 413 — each in Chinese")
    void eachLimitHasItsProblem() {
        Problem uri = OversizeRequests.check("/api/x?q=" + "a".repeat(8192), 100, null, LIMITS).orElseThrow();
        assertThat(uri.status()).isEqualTo(414);
        assertThat(uri.type()).isEqualTo("/problems/uri-too-long");
        assertThat(uri.title()).isEqualTo("地址太长");
        assertThat(uri.detail()).contains("8192 个字符").contains("没有保存任何内容");
        Problem headers = OversizeRequests.check("/api/x", 32 * 1024 + 1, null, LIMITS).orElseThrow();
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.detail()).contains("32 KB");
        Problem body = OversizeRequests.check("/api/x", 100, "4194305", LIMITS).orElseThrow();
        assertThat(body.status()).isEqualTo(413);
        assertThat(body.title()).isEqualTo("内容太多");
        assertThat(body.detail()).contains("4 MB");
        assertThat(OversizeRequests.check("/api/x", 100, "x1", LIMITS).orElseThrow().status()).isEqualTo(400);
    }

    @Test
    @DisplayName("at the limits a request goes on; a chunked body is over once it passes the limit")
    void atTheLimitsTheRequestGoesOn() {
        assertThat(OversizeRequests.check("/" + "a".repeat(8191), 32 * 1024, "4194304", LIMITS)).isEmpty();
        assertThat(OversizeRequests.check("/api/x", 10, null, LIMITS)).isEmpty();
        assertThat(OversizeRequests.overLimit(256 * 1024, 256 * 1024)).isFalse();
        assertThat(OversizeRequests.overLimit(256 * 1024 + 1, 256 * 1024)).isTrue();
        assertThat(OversizeRequests.bodyTooLarge(256 * 1024).detail()).contains("256 KB");
        assertThat(OversizeRequests.size(100)).isEqualTo("100 字节");
    }
}
