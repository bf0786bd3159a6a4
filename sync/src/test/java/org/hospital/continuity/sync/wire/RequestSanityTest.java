package org.hospital.continuity.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestSanityTest {

    @Test
    @DisplayName("ids, codes, enum names, tokens, Chinese names and file names pass")
    void ordinaryAddressesPass() {
        for (String p : new String[] {"/api/people/5f0e7a4e-0000-4000-8000-000000000000", "/api/admin/kiosks/K-7F3A2B/revoke",
                "/api/modes/OUTPATIENT_REGISTRATION/back-to-normal", "/ack/Zm9vYmFy_-x", "/board/board.css", "/api/i18n/zh-CN",
                "/api/departments/%E5%86%85%E7%A7%91", "/q/health/live", "/", ""}) {
            assertThat(RequestSanity.pathProblem(p)).as(p).isEmpty();
        }
        assertThat(RequestSanity.queryProblem("q=%E5%BC%A0%E4%B8%89&limit=20&from=2026-11-22T03:00:00Z")).isEmpty();
        assertThat(RequestSanity.queryProblem("q=' OR '1'='1")).isEmpty();
    }

    @Test
    @DisplayName("traversal, injection, script, NUL, invalid UTF-8 and over-long segments are refused")
    void hostileAddressesAreRefused() {
        for (String p : new String[] {"/api/x/..%2F..%2Fetc%2Fpasswd", "/api/x/%2e%2e", "/api/x/'%20OR%20'1'%3D'1", "/api/x/%3Cscript%3E",
                "/api/x/%00", "/api/x/%C0%AF", "/api/x/%FF%FE", "/api/x/" + "a".repeat(300), "/api/x/%", "/api/x/%zz", "/api/x/1%3B"}) {
            assertThat(RequestSanity.pathProblem(p)).as(p).isPresent();
        }
        assertThat(RequestSanity.queryProblem("q=%00")).isPresent();
        assertThat(RequestSanity.queryProblem("q=%FF")).isPresent();
        assertThat(RequestSanity.queryProblem("q=a%0Ab")).isPresent();
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("the canonical path is the one the router matches: empty segments dropped, each segment decoded")
    void canonicalPath() {
        org.assertj.core.api.Assertions.assertThat(RequestSanity.canonicalPath("//api//auth/%6cogin/")).contains("/api/auth/login");
        org.assertj.core.api.Assertions.assertThat(RequestSanity.canonicalPath("/api/reference/search")).contains("/api/reference/search");
        org.assertj.core.api.Assertions.assertThat(RequestSanity.canonicalPath("/api/patients/%E7%8E%8B")).contains("/api/patients/王");
        org.assertj.core.api.Assertions.assertThat(RequestSanity.canonicalPath("/")).contains("/");
        org.assertj.core.api.Assertions.assertThat(RequestSanity.canonicalPath("/api/%zz")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(RequestSanity.canonicalPath(null)).isEmpty();
    }
}
