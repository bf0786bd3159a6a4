package org.hospital.continuity.kiosk.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServer;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.hospital.continuity.testsupport.HeadlessChromium;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every word on a kiosk screen is Chinese (English only on Alt+L): every screen of every role, and every printed page,
 * swept in zh-CN. A finding is a Latin-only word outside a short allow-list (keys, clause ids, the dose units and routes
 * the hospital writes), a UUID, or an ISO timestamp. Screenshots of each screen under {@code target/screenshots/zh/}.
 */
@QuarkusTest
@QuarkusTestResource(StandInServerResource.class)
class ChineseScreensBrowserIT {

    /** Words people at the hospital read as they are: keys, the plan's clause ids, dose units and routes, the toggle. */
    static final Set<String> ALLOWED = Set.of("Alt", "Ctrl", "Enter", "Esc", "Tab", "Shift", "Delete", "EP", "HR", "English", "DRILL",
            "g", "mg", "ml", "po", "iv", "ivgtt", "im", "ih", "tid", "bid", "qd", "prn", "topical", "inhal",
            // the hospital's own words, written this way in Chinese notices and orders: the HIS (信息科通知：HIS故障), a CT scan (胸部CT)
            "HIS", "CT");
    static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])");
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    @TestHTTPResource("/")
    URL url;

    /** What is wrong on a page's visible text (empty: nothing). */
    static List<String> findings(String where, String text) {
        List<String> out = new ArrayList<>();
        Matcher w = LATIN_WORD.matcher(text);
        while (w.find()) {
            if (!ALLOWED.contains(w.group())) {
                out.add(where + ": Latin word \"" + w.group() + "\" in …" + around(text, w.start()) + "…");
            }
        }
        Matcher u = UUID_TEXT.matcher(text);
        while (u.find()) {
            out.add(where + ": an id " + u.group());
        }
        Matcher i = ISO_TIME.matcher(text);
        while (i.find()) {
            out.add(where + ": an ISO time in …" + around(text, i.start()) + "…");
        }
        return out;
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 30)).replace('\n', ' ');
    }

    @Test
    @DisplayName("every kiosk screen of every role and every printed page reads Chinese: no Latin-only words outside the allow-list, no ids, no ISO times")
    void everyScreenInChinese() throws Exception {
        String supervisor = Desk.inDowntime();
        given().contentType("application/json").body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
        StandInServer server = StandInServerResource.server();
        server.announce("MANUAL", "信息科通知：门诊挂号收费转入手工操作", "收费组长乙");
        given().cookie("kiosk_session", supervisor).post("/api/mode/instruction/pull").then().statusCode(200);
        // records of every kind, so that every list and every paper has something to show
        String cashier = Desk.login("cashier-1");
        String reg = given().cookie("kiosk_session", cashier).contentType("application/json").body(Map.of("name", "王小红", "sex", "F",
                "ageYears", 36, "phone", "13912345678", "insuranceType", "EMPLOYEE", "insuranceCard", "YB20261234", "departmentCode", "NK",
                "feeItemCode", "S0001")).post("/api/registrations").then().statusCode(201).extract().path("id");
        String paid = given().cookie("kiosk_session", cashier).contentType("application/json").body(Map.of("registrationId", reg,
                "settlement", "PAID", "paymentMethod", "CASH", "lines", List.of(Map.of("code", "D0001", "quantity", 2))))
                .post("/api/charges").then().statusCode(201).extract().path("id");
        String invoiceNo = given().cookie("kiosk_session", cashier).get("/api/charges?limit=1").then().extract().path("[0].details.invoiceNo");
        given().cookie("kiosk_session", cashier).contentType("application/json").body(Map.of("reason", "金额写错"))
                .post("/api/invoices/" + invoiceNo + "/void").then().statusCode(200);
        String iou = given().cookie("kiosk_session", cashier).contentType("application/json").body(Map.of("registrationId", reg,
                "settlement", "IOU", "phone", "13912345678", "lines", List.of(Map.of("code", "S0101", "quantity", 1))))
                .post("/api/charges").then().statusCode(201).extract().path("id");
        String settled = given().cookie("kiosk_session", cashier).contentType("application/json").body(Map.of("patientId", "P0001",
                "lines", List.of(Map.of("code", "S0101", "quantity", 1)), "examsChecked", true))
                .post("/api/discharge-settlements").then().statusCode(201).extract().path("id");
        String requisition = given().cookie("kiosk_session", Desk.login("nurse-1")).contentType("application/json")
                .body(Map.of("knownPatientId", "P0001", "lines", List.of(Map.of("code", "D0010", "quantity", 1))))
                .post("/api/clinical/requisitions").then().statusCode(201).extract().path("id");
        given().cookie("kiosk_session", cashier).contentType("application/json")
                .body(Map.of("symptom", "DATABASE_SLOW", "location", "收费处1号窗", "words", "开票很慢")).post("/api/fault-reports").then().statusCode(201);

        Path shots = Path.of("target", "screenshots", "zh");
        Files.createDirectories(shots);
        List<String> found = new ArrayList<>();
        try (HeadlessChromium chromium = HeadlessChromium.launch();
             BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            for (String account : List.of("cashier-1", "nurse-1", "doctor-1", "medtech-1", "pharm-1")) {
                Page page = context.newPage();
                page.navigate(url.toString());
                page.waitForSelector("#login-accountId:focus");
                found.addAll(findings(account + " sign-in", page.innerText("body")));
                page.keyboard().type(account);
                page.keyboard().press("Tab");
                page.keyboard().type("abc123");
                page.keyboard().press("Enter");
                page.waitForSelector("#nav:not([hidden]) a.active");
                @SuppressWarnings("unchecked")
                List<String> keys = (List<String>) page.evalOnSelectorAll("#nav a", "as => as.map(a => a.dataset.key)");
                for (String key : keys) {
                    if ("F10".equals(key)) {
                        continue;
                    }
                    page.keyboard().press(key);
                    page.waitForSelector("#nav a.active[data-key='" + key + "']");
                    page.waitForTimeout(400);
                    page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(account + "-" + key + ".png")));
                    found.addAll(findings(account + " " + key, page.innerText("body")));
                }
                page.keyboard().press("F10");
                page.waitForSelector("#login-accountId:focus");
                page.close();
            }
            Page paper = context.newPage();
            paper.navigate(url.toString());
            paper.waitForSelector("#login-accountId:focus");
            paper.keyboard().type("nurse-1");
            paper.keyboard().press("Tab");
            paper.keyboard().type("abc123");
            paper.keyboard().press("Enter");
            paper.waitForSelector("#nav:not([hidden])");
            for (String path : List.of("api/registrations/" + reg + "/slip", "api/charges/" + paid + "/invoice", "api/charges/" + iou + "/invoice",
                    "api/discharge-settlements/" + settled + "/paper", "api/clinical/" + requisition + "/print", "api/clinical/reports/census",
                    "api/clinical/reports/allergies", "api/clinical/reports/orders")) {
                paper.navigate(url.toString() + path);
                found.addAll(findings(path.replaceAll("[0-9a-f-]{36}", "…"), paper.innerText("body")));
            }
        }
        assertThat(found).as("words on the kiosk's screens and papers that are not Chinese").isEmpty();
    }
}
