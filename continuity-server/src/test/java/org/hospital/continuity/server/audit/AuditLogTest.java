package org.hospital.continuity.server.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hospital.continuity.server.platform.TestAccounts.as;
import static org.hospital.continuity.server.platform.TestAccounts.asAdmin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.continuity.server.platform.PostgresResource;
import org.hospital.continuity.server.platform.TestAccounts;
import org.hospital.continuity.sync.audit.AuditChain;
import org.hospital.continuity.sync.audit.AuditRecord;
import org.hospital.continuity.sync.audit.AuditWire;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HR-8/HR-9: the audit log records who did what, when, from where, on which record; it cannot be edited unnoticed. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AuditLogTest {

    private static JsonPath search(String query) {
        return asAdmin().when().get("/api/audit?size=200&" + query).then().statusCode(200).extract().jsonPath();
    }

    private static Connection jdbc() throws SQLException {
        return PostgresResource.database().getPostgresDatabase().getConnection();
    }

    @Test
    @DisplayName("HR-8 sign-ins are audited: success, wrong password, unknown user name, with the account and the address")
    void signInsAreAudited() {
        String since = org.hospital.continuity.server.platform.TestClock.now().minusSeconds(5).toString();
        TestAccounts.cashier();
        given().contentType(ContentType.JSON).body(Map.of("username", "cashier-1", "password", "wrong-Passw0rd"))
                .post("/api/auth/login").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", "nobody-" + UUID.randomUUID(), "password", "x"))
                .post("/api/auth/login").then().statusCode(401);
        JsonPath logins = search("category=LOGIN&from=" + since);
        List<String> actions = logins.getList("entries.action");
        assertThat(actions).contains("LOGIN_FAILED");
        List<Map<String, Object>> entries = logins.getList("entries");
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("LOGIN_FAILED");
            assertThat(e.get("detail")).isEqualTo("unknown user name");
            assertThat(e.get("source")).isEqualTo("127.0.0.1");
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("LOGIN_FAILED");
            assertThat((String) e.get("recordId")).isNotBlank();
            assertThat(e.get("outcome")).isEqualTo("REFUSED");
        });
        // the typed password never reaches the log
        assertThat(logins.prettify()).doesNotContain("wrong-Passw0rd");
    }

    @Test
    @DisplayName("HR-8 changes and refused attempts are audited with route, record id, caller, address and outcome")
    void changesAndRefusalsAreAudited() {
        String cashier = TestAccounts.cashier();
        String id = UUID.randomUUID().toString();
        as(cashier).contentType(ContentType.JSON).post("/api/accounts/" + id + "/disable").then().statusCode(403);
        asAdmin().post("/api/accounts/" + id + "/disable").then().statusCode(404);
        List<Map<String, Object>> entries = search("recordId=id=" + id).getList("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("POST /api/accounts/{id}/disable");
            assertThat(e.get("category")).isEqualTo("PERMISSION_CHANGE");
            assertThat(e.get("actorKind")).isEqualTo("STAFF");
            assertThat(e.get("source")).isEqualTo("127.0.0.1");
            assertThat(e.get("origin")).isEqualTo("server");
        });
        assertThat(entries).extracting(e -> e.get("outcome")).containsExactlyInAnyOrder("403", "404");
        given().contentType(ContentType.JSON).post("/api/accounts/" + id + "/enable").then().statusCode(401);
        assertThat(search("recordId=id=" + id + "&actor=anonymous").getList("entries.outcome")).containsExactly("401");
    }

    @Test
    @DisplayName("HR-5 reads of patient data through the workbench are audited, and so are reads of the audit log")
    void patientDataReadsAreAudited() {
        String incident = UUID.randomUUID().toString();
        asAdmin().get("/api/workbench/incidents/" + incident + "/items");
        assertThat(search("recordId=incident=" + incident).getList("entries.category")).containsExactly("PATIENT_DATA_READ");
        asAdmin().get("/api/audit?actor=" + incident).then().statusCode(200);
        assertThat(search("category=AUDIT_READ&size=5").getList("entries")).isNotEmpty();
    }

    @Test
    @DisplayName("HR-9 the database refuses UPDATE, DELETE and TRUNCATE of the audit log, and an insert that skips the chain")
    void theLogIsAppendOnly() throws SQLException {
        search("size=1");
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_log set actor = 'x'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_log")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_log")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("insert into audit_log (seq, id, at, actor, actor_kind, action, category, outcome, source,"
                    + " record_type, record_id, detail, origin, prev_hash, hash) values (999999999, gen_random_uuid(), now(), 'x', 'x', 'x', 'x',"
                    + " 'x', '', '', '', '', 'server', 'bad', 'bad')")).hasMessageContaining("does not continue the chain");
        }
    }

    @Test
    @DisplayName("HR-9 verification reports the entry where someone with database rights changed a row, and the chain is whole again after")
    void tamperingIsDetected() throws SQLException {
        asAdmin().get("/api/audit?size=1").then().statusCode(200);
        JsonPath before = asAdmin().get("/api/audit/verification").then().statusCode(200).extract().jsonPath();
        assertThat(before.getBoolean("intact")).as(before.prettify()).isTrue();
        long victim = Math.max(1, before.getLong("lastSeq") / 2);
        String original;
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select actor from audit_log where seq = " + victim)) {
                rs.next();
                original = rs.getString(1);
            }
            s.execute("set session_replication_role = replica"); // what a superuser can do: triggers off
            s.executeUpdate("update audit_log set actor = 'somebody-else' where seq = " + victim);
            try {
                JsonPath after = asAdmin().get("/api/audit/verification").then().statusCode(200).extract().jsonPath();
                assertThat(after.getBoolean("intact")).isFalse();
                assertThat(after.getList("breaks.seq", Long.class)).contains(victim);
                assertThat(after.getList("breaks.chain")).contains("server");
            } finally {
                try (var ps = c.prepareStatement("update audit_log set actor = ? where seq = ?")) {
                    ps.setString(1, original);
                    ps.setLong(2, victim);
                    ps.executeUpdate();
                }
                s.execute("set session_replication_role = origin");
            }
        }
        assertThat(asAdmin().get("/api/audit/verification").then().extract().jsonPath().getBoolean("intact")).isTrue();
    }

    @jakarta.inject.Inject
    org.hospital.continuity.server.audit.app.AuditCheckpoints checkpoints;

    @jakarta.inject.Inject
    org.hospital.continuity.server.audit.app.VerifyingAuditLog verifying;

    @Test
    @DisplayName("HR-8 deleting the newest audit entries shows: a signed checkpoint of the head, kept outside the table (file and log), no longer matches")
    void truncationShows() throws Exception {
        asAdmin().get("/api/audit?size=1").then().statusCode(200);
        var checkpoint = checkpoints.checkpoint().await().indefinitely();
        assertThat(checkpoints.latest()).contains(checkpoint);
        String file = java.nio.file.Files.readString(checkpoints.dir().resolve("checkpoints.log"));
        assertThat(file).contains(checkpoint.line()).doesNotContain("anonymous", "PATIENT");
        assertThat(java.nio.file.Files.getPosixFilePermissions(checkpoints.dir().resolve("anchor.key")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        var intact = verifying.verify().await().indefinitely();
        assertThat(intact.intact()).as(intact.toString()).isTrue();
        assertThat(intact.checkpoint().holds()).isTrue();
        long cut = checkpoint.seq() - 3;
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica"); // what a superuser can do: triggers off
            s.execute("create temp table audit_cut as select * from audit_log where seq > " + cut);
            s.executeUpdate("delete from audit_log where seq > " + cut);
            try {
                var truncated = verifying.verify().await().indefinitely();
                assertThat(truncated.intact()).as("the chain itself is consistent; only the anchor shows the cut").isFalse();
                assertThat(truncated.checkpoint().holds()).isFalse();
                assertThat(truncated.breaks()).anySatisfy(b -> {
                    assertThat(b.chain()).isEqualTo("server");
                    assertThat(b.reason()).startsWith("truncated").contains("3 newest entries missing");
                });
            } finally {
                s.executeUpdate("insert into audit_log select * from audit_cut");
                s.execute("set session_replication_role = origin");
            }
        }
        assertThat(verifying.verify().await().indefinitely().intact()).isTrue();
    }

    @Test
    @DisplayName("HR-8 the search is paged and the export for auditors comes as CSV and JSON in chain order, both ends of the period required")
    void searchIsPagedAndExportWorks() {
        String from = org.hospital.continuity.server.platform.TestClock.now().minusSeconds(3600).toString();
        String to = org.hospital.continuity.server.platform.TestClock.now().plusSeconds(60).toString();
        assertThat(asAdmin().get("/api/audit?size=2&page=0").then().statusCode(200).extract().jsonPath().getList("entries")).hasSizeLessThanOrEqualTo(2);
        asAdmin().get("/api/audit?size=100000").then().statusCode(422);
        as(TestAccounts.cashier()).get("/api/audit").then().statusCode(403);
        as(TestAccounts.itDuty()).get("/api/audit/verification").then().statusCode(403);
        String csv = asAdmin().get("/api/audit/export?format=csv&from=" + from + "&to=" + to).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("seq,id,at,actor");
        List<Map<String, Object>> json = asAdmin().get("/api/audit/export?format=json&from=" + from + "&to=" + to).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(json).isNotEmpty();
        List<Long> seqs = new ArrayList<>();
        json.forEach(e -> seqs.add(((Number) e.get("seq")).longValue()));
        assertThat(seqs).isSorted();
        asAdmin().get("/api/audit/export?format=csv").then().statusCode(422);
        asAdmin().get("/api/audit/export?format=xml&from=" + from + "&to=" + to).then().statusCode(422);
    }

    @Test
    @DisplayName("HR-8 a kiosk's audit entries arrive exactly once, must continue the kiosk's chain, and a revoked kiosk is refused")
    void kioskEntriesArriveExactlyOnce() {
        String code = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "审计窗", "departmentCode", "SFC"))
                .post("/api/admin/kiosks").then().statusCode(201).extract().path("code");
        JsonPath enrolled = given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/kiosk/enrolments")
                .then().statusCode(201).extract().jsonPath();
        String kioskId = enrolled.getString("kioskId");
        String secret = enrolled.getString("secret");
        List<AuditRecord> chain = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= 5; i++) {
            AuditRecord r = AuditRecord.of(Instant.now(), "cashier-7", "STAFF", "POST /api/registrations", "CHANGE", "SUCCESS", "127.0.0.1",
                    "registrations", "", "").chainedAfter(i, prev);
            prev = r.hash();
            chain.add(r);
        }
        upload(kioskId, secret, chain.subList(0, 3)).then().statusCode(200).body("storedThrough", org.hamcrest.Matchers.equalTo(3));
        upload(kioskId, secret, chain).then().statusCode(200).body("storedThrough", org.hamcrest.Matchers.equalTo(5)); // 1–3 again: skipped
        upload(kioskId, secret, chain).then().statusCode(200).body("storedThrough", org.hamcrest.Matchers.equalTo(5));
        assertThat(search("origin=" + kioskId).getList("entries")).hasSize(5);

        AuditRecord r = AuditRecord.of(Instant.now(), "cashier-7", "STAFF", "x", "CHANGE", "SUCCESS", "", "", "", "").chainedAfter(7, prev);
        upload(kioskId, secret, List.of(r)).then().statusCode(409).body("type", org.hamcrest.Matchers.equalTo("/problems/audit-chain-broken"));
        AuditRecord forged = new AuditRecord(6, UUID.randomUUID(), Instant.now(), "x", "STAFF", "x", "CHANGE", "SUCCESS", "", "", "", "", prev,
                "0".repeat(64));
        upload(kioskId, secret, List.of(forged)).then().statusCode(409);
        assertThat(search("origin=" + kioskId).getList("entries")).hasSize(5);
        assertThat(asAdmin().get("/api/audit/verification").then().extract().jsonPath().getBoolean("intact")).isTrue();

        asAdmin().post("/api/admin/kiosks/" + kioskId + "/revoke").then().statusCode(204);
        AuditRecord next = AuditRecord.of(Instant.now(), "cashier-7", "STAFF", "x", "CHANGE", "SUCCESS", "", "", "", "").chainedAfter(6, prev);
        upload(kioskId, secret, List.of(next)).then().statusCode(401);
        assertThat(search("origin=" + kioskId).getList("entries")).hasSize(5);
    }

    private static io.restassured.response.Response upload(String kioskId, String secret, List<AuditRecord> records) {
        return given().auth().preemptive().basic(kioskId, secret).contentType(ContentType.JSON).body(AuditWire.upload(records))
                .post("/api/kiosk/audit");
    }
}
