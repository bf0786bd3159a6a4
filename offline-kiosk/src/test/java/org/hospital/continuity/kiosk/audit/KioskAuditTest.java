package org.hospital.continuity.kiosk.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.kiosk.audit.app.KioskAuditLog;
import org.hospital.continuity.kiosk.audit.app.ShippingAudit;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServer;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.hospital.continuity.sync.audit.AuditRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HR-8/HR-9 on the kiosk: an append-only, chained audit log that reaches the server exactly once. */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class KioskAuditTest {

    @Inject
    KioskAuditLog audit;

    @Inject
    KioskDatabase database;

    @Inject
    ShippingAudit shipping;

    @Inject
    org.hospital.continuity.kiosk.audit.app.KioskAuditAnchor anchor;

    @Test
    @DisplayName("HR-8 HR-9 the kiosk's chain is anchored outside its table: deleting the newest entries behind the triggers' back shows against the signed checkpoint")
    void truncationShows() throws Exception {
        Desk.enrolled();
        Desk.login("cashier-1");
        Desk.login("cashier-1");
        var checkpoint = anchor.checkpoint().orElseThrow();
        assertThat(audit.verify().intact()).isTrue();
        assertThat(audit.verify().checkpointSeq()).isEqualTo(checkpoint.seq());
        long keepThrough = checkpoint.seq() - 3;
        database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("create table saved_audit_test as select * from audit_log where seq > " + keepThrough);
                s.execute("drop trigger audit_log_no_delete");
                return s.executeUpdate("delete from audit_log where seq > " + keepThrough);
            }
        });
        try {
            KioskAuditLog.Report report = audit.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.brokenAt()).as("the chain itself still links: only the anchor shows the truncation").isNull();
            assertThat(report.checkpointReason()).startsWith("truncated").contains("3 newest entries missing");
        } finally {
            database.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("insert into audit_log select * from saved_audit_test");
                    s.execute("drop table saved_audit_test");
                    return s.executeUpdate("create trigger audit_log_no_delete before delete on audit_log begin "
                            + "select raise(abort, 'audit_log is append-only (HR-9)'); end");
                }
            });
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    private List<AuditRecord> newest() {
        return audit.page(0, 50);
    }

    @Test
    @DisplayName("HR-8 sign-ins (refused and successful) and reads of patient data are audited with the account")
    void signInsAndReadsAreAudited() {
        Desk.enrolled();
        given().contentType(ContentType.JSON).body(Map.of("accountId", "cashier-1", "password", "wrong"))
                .post("/api/session").then().statusCode(401);
        assertThat(newest().get(0)).satisfies(r -> {
            assertThat(r.action()).isEqualTo("LOGIN_FAILED");
            assertThat(r.recordId()).isEqualTo("cashier-1");
            assertThat(r.outcome()).isEqualTo("REFUSED");
        });
        String cookie = Desk.login("cashier-1");
        assertThat(newest().get(0).action()).isEqualTo("LOGIN");
        given().cookie("kiosk_session", cookie).get("/api/registrations").then().statusCode(200);
        assertThat(newest().get(0)).satisfies(r -> {
            assertThat(r.action()).isEqualTo("GET /api/registrations");
            assertThat(r.category()).isEqualTo("PATIENT_DATA_READ");
            assertThat(r.actor()).isEqualTo("cashier-1");
        });
        given().get("/api/registrations").then().statusCode(401);
        assertThat(newest().get(0).outcome()).isEqualTo("401");
    }

    @Test
    @DisplayName("HR-1 only a supervisor reads the kiosk's audit log; the check of the chain passes")
    void onlySupervisorsReadTheLog() {
        Desk.enrolled();
        given().cookie("kiosk_session", Desk.login("cashier-1")).get("/api/audit").then().statusCode(403);
        String supervisor = Desk.login("super-1");
        given().cookie("kiosk_session", supervisor).get("/api/audit?size=5").then().statusCode(200);
        given().cookie("kiosk_session", supervisor).get("/api/audit/verification").then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    @DisplayName("HR-9 SQLite refuses UPDATE and DELETE; a row changed behind the triggers' back is found by the verification")
    void theLogIsAppendOnlyAndTamperingIsFound() throws Exception {
        Desk.enrolled();
        Desk.login("cashier-1");
        assertThatThrownBy(() -> database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("update audit_log set actor = 'x'");
            }
        })).hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("delete from audit_log");
            }
        })).hasMessageContaining("append-only");
        assertThat(audit.verify().intact()).isTrue();
        long victim = audit.verify().entries() / 2 + 1;
        String original = audit.after(victim - 1, 1).get(0).actor();
        database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("drop trigger audit_log_no_update");
                return s.executeUpdate("update audit_log set actor = 'somebody-else' where seq = " + victim);
            }
        });
        try {
            KioskAuditLog.Report report = audit.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.brokenAt()).isEqualTo(victim);
        } finally {
            database.inTransaction(c -> {
                try (var ps = c.prepareStatement("update audit_log set actor = ? where seq = ?")) {
                    ps.setString(1, original);
                    ps.setLong(2, victim);
                    ps.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("create trigger audit_log_no_update before update on audit_log begin "
                            + "select raise(abort, 'audit_log is append-only (HR-9)'); end");
                }
            });
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    @DisplayName("HR-8 the kiosk's audit entries reach the server exactly once, in chain order, with the journal's credential")
    void entriesReachTheServerExactlyOnce() {
        Desk.enrolled();
        Desk.login("cashier-1");
        StandInServer server = StandInServerResource.server();
        ShippingAudit.Outcome first = shipping.ship();
        assertThat(first.error()).isNull();
        long last = audit.page(0, 1).get(0).seq();
        assertThat(first.storedThrough()).isGreaterThanOrEqualTo(last);
        assertThat(server.auditHeld()).hasSize((int) first.storedThrough());
        // each entry travels as the record it is: every field under the name the server reads, `at` to the microsecond
        assertThat(server.auditHeld()).containsExactlyElementsOf(audit.after(0, (int) first.storedThrough()));
        ShippingAudit.Outcome again = shipping.ship();
        assertThat(again.sent()).isZero();
        assertThat(server.auditHeld()).hasSize((int) first.storedThrough());
        Desk.login("cashier-1");
        ShippingAudit.Outcome more = shipping.ship();
        assertThat(more.sent()).isGreaterThan(0);
        assertThat(server.auditHeld().stream().map(AuditRecord::seq).toList()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("HR-8 HR-9 a captured record and its audit entry are written in one transaction: one entry per submit, naming the new record")
    void capturesAreAuditedWithTheirRecord() {
        Desk.enrolled();
        String supervisor = Desk.inDowntime();
        long before = audit.verify().entries();
        String id = given().cookie("kiosk_session", supervisor).contentType(ContentType.JSON)
                .body(Map.of("name", "审计测试", "sex", "F", "ageYears", 40, "phone", "13912345678", "departmentCode", "NK",
                        "feeItemCode", "S0001", "insuranceType", "EMPLOYEE", "insuranceCard", "YB12345678"))
                .post("/api/registrations").then().statusCode(201).extract().path("id");
        List<AuditRecord> written = audit.after(before, 10);
        assertThat(written).as("exactly one audit entry for the submit").hasSize(1);
        assertThat(written.get(0)).satisfies(r -> {
            assertThat(r.action()).isEqualTo("POST /api/registrations");
            assertThat(r.outcome()).isEqualTo("SUCCESS");
            assertThat(r.recordId()).isEqualTo("created=" + id);
            assertThat(r.actorKind()).isEqualTo("STAFF");
            assertThat(r.source()).as("the client address, taken on the request's thread").isNotBlank();
        });
        // a refused submit stores no record and is audited with its status
        given().cookie("kiosk_session", supervisor).contentType(ContentType.JSON)
                .body(Map.of("name", "", "sex", "F", "departmentCode", "NK", "feeItemCode", "S0001", "insuranceType", "EMPLOYEE"))
                .post("/api/registrations").then().statusCode(422);
        List<AuditRecord> refused = audit.after(before + 1, 10);
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).outcome()).isEqualTo("422");
        assertThat(audit.verify().intact()).isTrue();
    }
}
