package org.hospital.continuity.sync.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditAnchorTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    static final String HEAD = "a".repeat(64);
    static final Instant AT = Instant.parse("2026-12-06T20:00:00Z");

    @Test
    @DisplayName("HR-8 a signed checkpoint line reads back and holds against the chain it was taken of")
    void aCheckpointRoundTrips() {
        AuditAnchor anchor = new AuditAnchor(KEY);
        AuditAnchor.Checkpoint c = anchor.sign("server", 120, HEAD, AT);
        assertThat(c.line()).startsWith("audit-checkpoint chain=server seq=120 head=" + HEAD + " at=2026-12-06T20:00:00Z mac=");
        assertThat(AuditAnchor.parse("2026-12-06 20:00:00 INFO [audit] " + c.line())).contains(c);
        assertThat(anchor.compare(c, 120, HEAD).holds()).isTrue();
        assertThat(anchor.compare(c, 135, HEAD).holds()).as("the chain grew since").isTrue();
    }

    @Test
    @DisplayName("HR-8 deleting the newest entries shows: the chain ends before the checkpoint's position")
    void truncationShows() {
        AuditAnchor anchor = new AuditAnchor(KEY);
        AuditAnchor.Comparison cmp = anchor.compare(anchor.sign("server", 120, HEAD, AT), 117, null);
        assertThat(cmp.holds()).isFalse();
        assertThat(cmp.reason()).startsWith("truncated").contains("117", "120", "3 newest entries missing");
    }

    @Test
    @DisplayName("HR-8 a rewritten chain (every later hash recomputed) shows: another hash at the checkpoint's position")
    void rewriteShows() {
        AuditAnchor anchor = new AuditAnchor(KEY);
        AuditAnchor.Comparison cmp = anchor.compare(anchor.sign("server", 120, HEAD, AT), 130, "b".repeat(64));
        assertThat(cmp.reason()).startsWith("rewritten");
    }

    @Test
    @DisplayName("HR-8 a checkpoint edited to match a truncated log, or signed with another key, is not trusted")
    void forgedCheckpointsAreRefused() {
        AuditAnchor anchor = new AuditAnchor(KEY);
        AuditAnchor.Checkpoint c = anchor.sign("server", 120, HEAD, AT);
        AuditAnchor.Checkpoint edited = new AuditAnchor.Checkpoint("server", 117, HEAD, AT, c.mac());
        assertThat(anchor.compare(edited, 117, HEAD).signatureValid()).isFalse();
        assertThat(anchor.compare(edited, 117, HEAD).holds()).isFalse();
        AuditAnchor.Checkpoint other = new AuditAnchor("fedcba9876543210fedcba9876543210".getBytes()).sign("server", 120, HEAD, AT);
        assertThat(anchor.valid(other)).isFalse();
        assertThatThrownBy(() -> new AuditAnchor(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the latest checkpoint of a chain is found among the file's lines; garbage lines are skipped")
    void latestOfAChain() {
        AuditAnchor anchor = new AuditAnchor(KEY);
        List<String> lines = List.of(anchor.sign("server", 10, HEAD, AT).line(), "garbage", "audit-checkpoint chain=server seq=x",
                anchor.sign("kiosk-1", 99, HEAD, AT).line(), anchor.sign("server", 40, HEAD, AT.plusSeconds(60)).line());
        assertThat(AuditAnchor.latest(lines, "server")).get().extracting(AuditAnchor.Checkpoint::seq).isEqualTo(40L);
        assertThat(AuditAnchor.latest(lines, "kiosk-2")).isEmpty();
    }
}
