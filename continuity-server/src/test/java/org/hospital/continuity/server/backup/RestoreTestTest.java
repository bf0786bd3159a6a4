package org.hospital.continuity.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hospital.continuity.server.platform.TestAccounts.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.server.backup.app.RemindingRestoreTests;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.server.platform.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HR-19, EP-7.5: the restore test against the real embedded PostgreSQL: backup, restore into a scratch database, compare. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class RestoreTestTest {

    @Inject
    Pool pool;
    @Inject
    RemindingRestoreTests reminders;
    @Inject
    TestClock clock;

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    @DisplayName("HR-19 a backup restores into a scratch database with every table's rows and checksum identical, and the result is recorded")
    void aBackupRestoresIdenticallyAndIsRecorded() throws Exception {
        // some incident and sync data to carry (a probe signal leaves engine journal rows at least)
        long journal = count("select count(*) from engine_journal");
        as(TestAccounts.itDuty()).post("/api/admin/restore-tests").then().statusCode(403);
        JsonPath r = TestAccounts.asAdmin().post("/api/admin/restore-tests").then().statusCode(200).extract().jsonPath();
        assertThat(r.getBoolean("ok")).as(r.getString("detail")).isTrue();
        List<Map<String, Object>> tables = r.getList("tables");
        assertThat(tables).extracting(t -> t.get("table")).contains("incident", "incident_event", "engine_journal", "sync_entry", "sync_kiosk");
        Map<String, Object> ej = tables.stream().filter(t -> "engine_journal".equals(t.get("table"))).findFirst().orElseThrow();
        assertThat(((Number) ej.get("rows")).longValue()).isGreaterThanOrEqualTo(journal).isEqualTo(((Number) ej.get("restoredRows")).longValue());
        assertThat(ej.get("checksum")).isEqualTo(ej.get("restoredChecksum"));
        assertThat(Files.size(Path.of(r.getString("backupFile")))).isPositive();
        // the scratch database is gone again, the result is on record
        assertThat(count("select count(*) from pg_database where datname = 'continuity_restore_check'")).isZero();
        as(TestAccounts.itDuty()).get("/api/admin/restore-tests/latest").then().statusCode(200).body("ok", org.hamcrest.Matchers.is(true));
        // HR-19: the history, newest first, for the operations page; IT reads it, nobody else
        JsonPath history = as(TestAccounts.itDuty()).get("/api/admin/restore-tests?limit=5").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("id")).isNotEmpty().first().isEqualTo(r.getString("id"));
        assertThat(history.getBoolean("[0].ok")).isTrue();
        assertThat(history.getString("[0].runBy")).isNotBlank();
        as(TestAccounts.cashier()).get("/api/admin/restore-tests").then().statusCode(403);

        // HR-19: no reminder while the last success is recent; one (the same all day) after 14 days
        assertThat(reminders.check()).isEmpty();
        clock.advance(Duration.ofDays(15));
        var first = reminders.check();
        assertThat(first).isPresent();
        assertThat(reminders.check()).isEqualTo(first);
        assertThat(count("select count(*) from notification where kind = 'RESTORE_TEST_DUE'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRestoreThatDiffersIsCaughtByTheChecksum() {
        // the comparison itself: a differing checksum or count fails the table
        var same = new org.hospital.continuity.server.backup.domain.TableCheck("incident", 3, 3, "a", "a");
        var rows = new org.hospital.continuity.server.backup.domain.TableCheck("incident", 3, 2, "a", "a");
        var sum = new org.hospital.continuity.server.backup.domain.TableCheck("sync_entry", 3, 3, "a", "b");
        assertThat(same.ok()).isTrue();
        assertThat(rows.ok()).isFalse();
        assertThat(sum.ok()).isFalse();
        assertThat(org.hospital.continuity.server.backup.domain.TableCheck.allOk(List.of(same, sum))).isFalse();
        assertThat(org.hospital.continuity.server.backup.domain.TableCheck.allOk(List.of())).isFalse();
    }
}
