package org.hospital.continuity.server.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.hospital.continuity.playbooks.signal.ProbeStatus;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.probe.domain.ProbeKind;
import org.hospital.continuity.server.probe.integration.Checks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The probes' checks against real endpoints: this server over HTTP, the test PostgreSQL over SQL and TCP. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ProbeChecksTest {

    @Inject
    Checks checks;
    @TestHTTPResource("/q/health/live")
    URL health;

    private Checks.Result run(ProbeKind kind, String target) {
        return checks.run(kind, target, Duration.ofSeconds(2)).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("HTTP probes see a 2xx as up and a 404 or a closed port as down")
    void http() {
        assertThat(run(ProbeKind.HTTP, health.toString()).status()).isEqualTo(ProbeStatus.UP);
        Checks.Result missing = run(ProbeKind.HTTP, health.toString().replace("/q/health/live", "/no-such-page"));
        assertThat(missing.status()).isEqualTo(ProbeStatus.DOWN);
        assertThat(missing.detail()).contains("404");
        assertThat(run(ProbeKind.HTTP, "http://127.0.0.1:1/").status()).isEqualTo(ProbeStatus.DOWN);
    }

    @Test
    @DisplayName("SQL probes run their query against the database; a wrong password or query is down")
    void sql() {
        int port = PostgresResource.database().getPort();
        assertThat(run(ProbeKind.SQL, "postgresql://postgres:postgres@localhost:" + port + "/postgres").status()).isEqualTo(ProbeStatus.UP);
        assertThat(run(ProbeKind.SQL, "postgresql://postgres:postgres@localhost:" + port + "/postgres#select count(*) from fault_report")
                .status()).isEqualTo(ProbeStatus.UP);
        assertThat(run(ProbeKind.SQL, "postgresql://postgres:postgres@localhost:" + port + "/postgres#select * from no_such_table")
                .status()).isEqualTo(ProbeStatus.DOWN);
        assertThat(run(ProbeKind.SQL, "postgresql://postgres:postgres@localhost:1/postgres").status()).isEqualTo(ProbeStatus.DOWN);
    }

    @Test
    @DisplayName("TCP probes see an open port as up and a closed one as down; a ping of this host answers")
    void tcpAndPing() {
        int port = PostgresResource.database().getPort();
        assertThat(run(ProbeKind.TCP, "localhost:" + port).status()).isEqualTo(ProbeStatus.UP);
        assertThat(run(ProbeKind.TCP, "127.0.0.1:1").status()).isEqualTo(ProbeStatus.DOWN);
        assertThat(run(ProbeKind.PING, "127.0.0.1").status()).isEqualTo(ProbeStatus.UP);
    }
}
