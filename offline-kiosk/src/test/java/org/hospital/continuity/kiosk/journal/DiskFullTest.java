package org.hospital.continuity.kiosk.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.SmallDiskResource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's disk runs full for real (its data folder is on a small tmpfs that another file fills
 * up): the capture that cannot be written is refused with a readable problem+json, nothing saved
 * before is lost, and once space is freed capture goes on with an unbroken sequence.
 */
@QuarkusTest
@QuarkusTestResource(value = SmallDiskResource.class, restrictToAnnotatedClass = true)
class DiskFullTest {

    static Map<String, Object> registration(int i) {
        Map<String, Object> r = new HashMap<>();
        r.put("name", "磁盘满测试" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10));
        r.put("sex", i % 2 == 0 ? "F" : "M");
        r.put("ageYears", 20 + i % 60);
        r.put("phone", "139" + String.format("%08d", i));
        r.put("insuranceType", "SELF_PAY");
        r.put("departmentCode", "NK");
        r.put("feeItemCode", "S0001");
        return r;
    }

    @Test
    @DisplayName("EP-5.2 disk full: a clear 507 problem telling the cashier to use paper, nothing confirmed lost, capture resumes once space returns")
    void aFullDiskRefusesClearlyLosesNothingAndRecovers() throws IOException {
        Assumptions.assumeTrue(SmallDiskResource.mounted(), "needs root to mount a small tmpfs for the kiosk's data folder");
        String cookie = Desk.inDowntime();
        given().contentType(ContentType.JSON).body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
        List<String> confirmed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            confirmed.add(register(cookie, i).then().statusCode(201).extract().path("id"));
        }

        Path filler = SmallDiskResource.dataDir().resolveSibling("filler.bin");
        fill(filler);

        // the journal may still have room in pages it already owns: capture until the disk says no
        Response refused = null;
        for (int i = 10; i < 2_000 && refused == null; i++) {
            Response r = register(cookie, i);
            if (r.statusCode() == 201) {
                confirmed.add(r.then().extract().path("id"));
            } else {
                refused = r;
            }
        }
        assertThat(refused).as("the full disk refused a capture").isNotNull();
        refused.then().statusCode(507).contentType("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("/problems/kiosk-storage-full");
        assertThat(refused.jsonPath().getString("rule")).isEqualTo("EP-5.2");
        String detail = refused.jsonPath().getString("detail");
        assertThat(detail).contains("存储空间已满").contains("没有保存").contains("纸质").doesNotContain("SQLITE").doesNotContain("Exception");
        // the next capture is refused the same way while the disk stays full (the language setting cannot be saved either)
        Response again = register(cookie, 9_999);
        again.then().statusCode(507).contentType("application/problem+json");
        assertThat(again.jsonPath().getString("detail")).isEqualTo(detail);

        // nothing confirmed is lost and the journal is whole, read while the disk is still full
        assertEverythingConfirmedIsThere(cookie, confirmed);

        // space returns: capture goes on, the sequence unbroken
        Files.delete(filler);
        long before = Desk.lastSeq(cookie);
        confirmed.add(register(cookie, 10_000).then().statusCode(201).extract().path("id"));
        assertThat(Desk.lastSeq(cookie)).isEqualTo(before + 1);
        assertEverythingConfirmedIsThere(cookie, confirmed);
    }

    private static Response register(String cookie, int i) {
        return given().cookie("kiosk_session", cookie).contentType(ContentType.JSON).body(registration(i)).post("/api/registrations");
    }

    private static void assertEverythingConfirmedIsThere(String cookie, List<String> confirmed) {
        // every registration stream in the journal (HR-5 allows no bulk patient listing; the journal lists ids only)
        List<String> ids = given().cookie("kiosk_session", cookie).get("/api/journal?after=0&limit=10000").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.streamType == 'registration' }.streamId");
        assertThat(ids).containsAll(confirmed);
        Response integrity = given().cookie("kiosk_session", cookie).get("/api/journal/integrity");
        integrity.then().statusCode(200);
        assertThat(integrity.jsonPath().getList("problems")).isEmpty();
    }

    /** Writes zeros until the filesystem has no byte left (ENOSPC). */
    private static void fill(Path file) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // expected: no space left on device
        }
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            // the last bytes too
        }
        assertThat(Files.getFileStore(file).getUsableSpace()).isLessThan(4096);
    }
}
