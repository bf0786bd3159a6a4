package org.hospital.continuity.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hospital.continuity.e2e.KioskCrashE2EIT.Answer;
import org.hospital.continuity.e2e.KioskCrashE2EIT.Client;

/**
 * The people who sign in at kiosks in these tests, created as the hospital does it: a person of the kiosk's
 * department in the directory with a kiosk role (DEPARTMENT_HEAD makes a supervisor), and an account with a password.
 * Their offline verifiers reach the kiosk with its snapshot; the server accepts them (acknowledging, EP-6.1).
 */
final class StaffAccounts {

    /** The password of every test staff account (HR-3: ten characters, letters and digits). */
    static final String PASSWORD = "Kiosk-Passw0rd-1";

    private StaffAccounts() {
    }

    /** The cashier office with a cashier ({@code cashier-1}) and two cashier leads ({@code super-1}, {@code super-2}). */
    static void cashierOffice(Client admin, String token) throws Exception {
        department(admin, token, "SFC", "门诊收费处", "OUTPATIENT_REGISTRATION");
        person(admin, token, "cashier-1", "收款员甲", "SFC", "CASHIER");
        person(admin, token, "super-1", "收费组长乙", "SFC", "CASHIER", "DEPARTMENT_HEAD");
        person(admin, token, "super-2", "收费组长丙", "SFC", "CASHIER", "DEPARTMENT_HEAD");
    }

    /** A department following a ladder area (201, or 409 when it exists already). */
    static void department(Client admin, String token, String code, String nameZh, String area) throws Exception {
        Answer a = admin.send("POST", "/api/departments", Map.of("code", code, "nameZh", nameZh, "nameEn", code, "area", area), token);
        assertThat(a.status()).as(String.valueOf(a.body())).isIn(201, 409);
    }

    /** A person of {@code department} with these staff roles and an account {@code username} with {@link #PASSWORD}. */
    static void person(Client admin, String token, String username, String name, String department, String... roles) throws Exception {
        Answer p = admin.send("POST", "/api/people", Map.of("name", name, "departmentCode", department, "roles", List.of(roles)), token);
        assertThat(p.status()).as(String.valueOf(p.body())).isEqualTo(201);
        Answer a = admin.send("POST", "/api/accounts", Map.of("username", username, "personId", p.body().path("id").asText(),
                "password", PASSWORD), token);
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(201);
    }

    /** EP-6.1: the phoned instruction, confirmed at the kiosk by the second cashier lead. */
    static Map<String, Object> phonedDowntime() {
        return Map.of("source", "SUPERVISOR", "reason", "信息科电话通知：全院网络故障", "confirmerAccountId", "super-2",
                "confirmerPassword", PASSWORD);
    }
}
