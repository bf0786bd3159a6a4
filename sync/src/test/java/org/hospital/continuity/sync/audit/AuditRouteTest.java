package org.hospital.continuity.sync.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditRouteTest {

    @Test
    @DisplayName("the route template as written on the resource: class and method paths joined, regular expressions removed")
    void templates() {
        assertThat(AuditRoute.template("/api/accounts", "{id}/disable")).isEqualTo("/api/accounts/{id}/disable");
        assertThat(AuditRoute.template("/api/accounts/", "/{id}/disable/")).isEqualTo("/api/accounts/{id}/disable");
        assertThat(AuditRoute.template("api/registrations", null)).isEqualTo("/api/registrations");
        assertThat(AuditRoute.template(null, "/api/session")).isEqualTo("/api/session");
        assertThat(AuditRoute.template("/api/charges", "{ id : [0-9a-f-]+ }/void")).isEqualTo("/api/charges/{id}/void");
        assertThat(AuditRoute.template("/api/a/{kiosk:[A-Z]+}", "{seq: \\d+}")).isEqualTo("/api/a/{kiosk}/{seq}");
        assertThat(AuditRoute.template(null, null)).isEqualTo("/");
        assertThat(AuditRoute.template("/", "")).isEqualTo("/");
    }

    @Test
    @DisplayName("the record type: the segment before the last path parameter, else the last segment")
    void recordTypes() {
        assertThat(AuditRoute.recordType("/api/accounts/{id}/disable")).isEqualTo("accounts");
        assertThat(AuditRoute.recordType("/api/registrations")).isEqualTo("registrations");
        assertThat(AuditRoute.recordType("/api/registrations/{id}")).isEqualTo("registrations");
        assertThat(AuditRoute.recordType("/api/kiosks/{kiosk}/{seq}")).isEqualTo("kiosks");
        assertThat(AuditRoute.recordType("/api/incidents/{id}/steps/{step}/ack")).isEqualTo("steps");
        assertThat(AuditRoute.recordType("/")).isEmpty();
    }

    @Test
    @DisplayName("HR-12 record ids: the path parameters sorted by name, and the created record's id from Location; never a body")
    void recordIds() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("step", List.of("3"));
        params.put("id", List.of("0b9a7a64", "ignored"));
        params.put("empty", List.of());
        assertThat(AuditRoute.pathParameters(params)).isEqualTo("empty=,id=0b9a7a64,step=3");
        assertThat(AuditRoute.recordId(params, null)).isEqualTo("empty=,id=0b9a7a64,step=3");
        assertThat(AuditRoute.recordId(params, java.net.URI.create("http://h/api/registrations/r-1")))
                .isEqualTo("empty=,id=0b9a7a64,step=3,created=r-1");
        assertThat(AuditRoute.recordId(Map.of(), "/api/registrations/r-2")).isEqualTo("created=r-2");
        assertThat(AuditRoute.recordId(Map.of(), null)).isEmpty();
    }

    @Test
    @DisplayName("HR-8 what one endpoint's entries say: action, category, record type; outcome by status")
    void endpoint() {
        AuditRoute r = AuditRoute.of("POST", "/api/charges/{id}/void");
        assertThat(r.action()).isEqualTo("POST /api/charges/{id}/void");
        assertThat(r.category()).isEqualTo(AuditCategories.VOID);
        assertThat(r.recordType()).isEqualTo("charges");
        assertThat(AuditRoute.of("GET", "/api/registrations/{id}").category()).isEqualTo(AuditCategories.PATIENT_DATA_READ);
        assertThat(AuditRoute.outcome(201)).isEqualTo("SUCCESS");
        assertThat(AuditRoute.outcome(399)).isEqualTo("SUCCESS");
        assertThat(AuditRoute.outcome(403)).isEqualTo("403");
        assertThat(AuditRoute.isRead("GET")).isTrue();
        assertThat(AuditRoute.isRead("HEAD")).isTrue();
        assertThat(AuditRoute.isRead("OPTIONS")).isTrue();
        assertThat(AuditRoute.isRead("POST")).isFalse();
        assertThat(AuditRoute.isRead("DELETE")).isFalse();
    }

    /** The server's defaults (continuity.audit.*). */
    private static final AuditScope SERVER = new AuditScope(List.of("/api/auth/login"), List.of("/api/sync/v1/push", "/api/kiosk/audit"),
            List.of("/api/workbench", "/api/writeback", "/api/reports", "/api/patients", "/api/reconciliation", "/api/kiosk/snapshot",
                    "/api/downtime", "/api/audit"));

    /** The kiosk's lists. */
    private static final AuditScope KIOSK = new AuditScope(
            List.of("POST /api/session", "DELETE /api/session", "PUT /api/settings/language", "POST /api/sync/push-now"), List.of(),
            List.of("/api/registrations", "/api/charges", "/api/invoices", "/api/ious", "/api/clinical", "/api/discharge-settlements",
                    "/api/reference/patients", "/api/journal", "/api/audit", "/api/patients", "/api/reports"));

    @Test
    @DisplayName("HR-5 HR-8 the server audits every change (refusals too) and every patient-data read; sign-in is left to its own entry, kiosk traffic to refusals")
    void serverScope() {
        assertThat(SERVER.audited("POST", "/api/accounts", 201)).isTrue();
        assertThat(SERVER.audited("DELETE", "/api/accounts/{id}", 403)).isTrue();
        assertThat(SERVER.audited("POST", "/api/auth/login", 401)).isFalse();
        assertThat(SERVER.audited("POST", "/api/sync/v1/push", 200)).isFalse();
        assertThat(SERVER.audited("POST", "/api/sync/v1/push", 401)).isTrue();
        assertThat(SERVER.of("POST", "/api/kiosk/audit")).isEqualTo(AuditScope.Audited.IF_REFUSED);
        assertThat(SERVER.audited("GET", "/api/workbench/items", 200)).isTrue();
        assertThat(SERVER.audited("GET", "/api/board", 200)).isFalse();
        assertThat(SERVER.audited("HEAD", "/api/board", 200)).isFalse();
        assertThat(SERVER.audited("GET", "/api/sync/v1/push", 405)).isTrue(); // refusals-only wins over "a read"
    }

    @Test
    @DisplayName("HR-5 HR-8 the kiosk audits every change and patient-data read; a skip with a method names exactly that route")
    void kioskScope() {
        assertThat(KIOSK.of("POST", "/api/registrations")).isEqualTo(AuditScope.Audited.ALWAYS);
        assertThat(KIOSK.of("GET", "/api/registrations/{id}")).isEqualTo(AuditScope.Audited.ALWAYS);
        assertThat(KIOSK.of("GET", "/api/mode")).isEqualTo(AuditScope.Audited.NEVER);
        assertThat(KIOSK.of("POST", "/api/session")).isEqualTo(AuditScope.Audited.NEVER);
        assertThat(KIOSK.of("DELETE", "/api/session")).isEqualTo(AuditScope.Audited.NEVER);
        assertThat(KIOSK.of("PUT", "/api/session")).isEqualTo(AuditScope.Audited.ALWAYS);
        assertThat(KIOSK.of("POST", "/api/session/renew")).isEqualTo(AuditScope.Audited.ALWAYS);
        assertThat(KIOSK.of("POST", "/api/sync/push-now")).isEqualTo(AuditScope.Audited.NEVER);
        assertThat(KIOSK.audited("POST", "/api/charges", 422)).isTrue();
        assertThat(AuditScope.Audited.NEVER.at(500)).isFalse();
        assertThat(AuditScope.Audited.IF_REFUSED.at(399)).isFalse();
        assertThat(AuditScope.Audited.IF_REFUSED.at(400)).isTrue();
    }
}
