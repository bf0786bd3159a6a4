package org.hospital.continuity.kiosk.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
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
import org.hospital.continuity.testsupport.ScreenWords;
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

    @TestHTTPResource("/")
    URL url;

    /** The catalogue's pinyin codes (拼音码), which the pick lists show next to each item as the HIS does: the hospital's own codes. */
    static final Set<String> PINYIN_CODES = StandInServer.items().stream().map(org.hospital.continuity.kiosk.reference.ReferenceSnapshot.Item::pinyin)
            .collect(java.util.stream.Collectors.toSet());

    /** What is wrong on a page's visible text (empty: nothing): the shared screen-word rule, the catalogue's pinyin codes allowed. */
    static List<String> findings(String where, String text) {
        return ScreenWords.findings(where, text, PINYIN_CODES);
    }

    static Map<String, Object> drugLine(String code, Object dose, String unit, int quantity) {
        Map<String, Object> l = new java.util.HashMap<>();
        l.put("drugCode", code);
        l.put("dose", dose);
        l.put("doseUnit", unit);
        l.put("route", "po");
        l.put("frequency", "tid");
        l.put("quantity", quantity);
        l.put("days", 7);
        return l;
    }

    static String post(String cookie, String path, Object body) {
        return given().cookie("kiosk_session", cookie).contentType("application/json").body(body).post(path).then().statusCode(201).extract()
                .path("id");
    }

    /** What the person sees now: the page, and the paper in the print preview's frame when it is open. */
    static List<String> seen(Page page, String where) {
        List<String> out = new ArrayList<>(findings(where, page.innerText("body")));
        if (page.isVisible("#paper")) {
            page.frameLocator("#paper-frame").locator("text=停机期间手工单据").first().waitFor();
            Frame frame = page.querySelector("#paper-frame").contentFrame();
            out.addAll(findings(where + " (print preview)", frame.innerText("body")));
        }
        return out;
    }

    @Test
    @DisplayName("every kiosk screen of every role and every printed page reads Chinese: no Latin-only words outside the allow-list, no ids, no ISO times")
    void everyScreenInChinese() throws Exception {
        String supervisor = Desk.inDowntime();
        given().contentType("application/json").body("{\"language\":\"zh-CN\"}").put("/api/settings/language").then().statusCode(200);
        StandInServer server = StandInServerResource.server();
        server.announce("MANUAL", "信息科通知：门诊挂号收费转入手工操作", "收费组长乙");
        given().cookie("kiosk_session", supervisor).post("/api/mode/instruction/pull").then().statusCode(200);
        // records of every kind, voided and corrected ones too, so that every list, the journal (F7) and every paper have
        // something to show
        String cashier = Desk.login("cashier-1");
        String reg = post(cashier, "/api/registrations", Map.of("name", "王小红", "sex", "F",
                "ageYears", 36, "phone", "13912345678", "insuranceType", "EMPLOYEE", "insuranceCard", "YB20261234", "departmentCode", "NK",
                "feeItemCode", "S0001"));
        String paid = post(cashier, "/api/charges", Map.of("registrationId", reg,
                "settlement", "PAID", "paymentMethod", "CASH", "lines", List.of(Map.of("code", "D0001", "quantity", 2))));
        String invoiceNo = given().cookie("kiosk_session", cashier).get("/api/charges?limit=1").then().extract().path("[0].details.invoiceNo");
        given().cookie("kiosk_session", cashier).contentType("application/json").body(Map.of("reason", "金额写错",
                        "approverAccountId", "super-1", "approverPassword", StandInServer.PASSWORD))
                .post("/api/invoices/" + invoiceNo + "/void").then().statusCode(200);
        String iou = post(cashier, "/api/charges", Map.of("registrationId", reg,
                "settlement", "IOU", "phone", "13912345678", "lines", List.of(Map.of("code", "S0101", "quantity", 1))));
        String slip = given().cookie("kiosk_session", cashier).get("/api/ious?open=true").then().statusCode(200).extract().path("[0].id");
        String settled = post(cashier, "/api/discharge-settlements", Map.of("patientId", "P0001",
                "lines", List.of(Map.of("code", "S0101", "quantity", 1)), "examsChecked", true));
        String nurse = Desk.login("nurse-1");
        String requisition = post(nurse, "/api/clinical/requisitions", Map.of("knownPatientId", "P0001",
                "lines", List.of(Map.of("code", "D0010", "quantity", 1))));
        String execution = post(nurse, "/api/clinical/charge-executions", Map.of("knownPatientId", "P0001",
                "lines", List.of(Map.of("code", "S0101", "quantity", 1)), "note", "晨间采血"));
        String voidedRequisition = post(nurse, "/api/clinical/requisitions", Map.of("knownPatientId", "P0001",
                "lines", List.of(Map.of("code", "D0010", "quantity", 2))));
        given().cookie("kiosk_session", nurse).contentType("application/json").body(Map.of("reason", "医嘱已停，请领作废",
                        "approverAccountId", "nurse-2", "approverPassword", StandInServer.PASSWORD))
                .post("/api/clinical/" + voidedRequisition + "/void").then().statusCode(200);
        String doctor = Desk.login("doctor-1");
        String prescription = post(doctor, "/api/clinical/prescriptions", Map.of("knownPatientId", "P0003", "diagnosis", "急性上呼吸道感染",
                "lines", List.of(drugLine("D0001", 0.5, "g", 2))));
        String correction = given().cookie("kiosk_session", doctor).contentType("application/json").body(Map.of("reason", "剂量写错，改为每日两次",
                "form", Map.of("knownPatientId", "P0003", "diagnosis", "急性上呼吸道感染", "lines", List.of(drugLine("D0001", 0.25, "g", 2))),
                "approverAccountId", "doctor-2", "approverPassword", StandInServer.PASSWORD))
                .post("/api/clinical/" + prescription + "/corrections").then().statusCode(201).extract().path("id");
        String order = post(doctor, "/api/clinical/orders", Map.of("knownPatientId", "P0001", "kind", "EXAM", "content", "胸部CT",
                "dischargeMark", "ABOUT_TO_DISCHARGE"));
        String exam = post(Desk.login("medtech-1"), "/api/clinical/exam-registers", Map.of("patientName", "王五", "stubNumber", "JC-0042",
                "exams", List.of(Map.of("description", "腹部B超", "priceFen", 12000), Map.of("itemCode", "S0101", "priceFen", 2000))));
        String dispense = post(Desk.login("pharm-1"), "/api/clinical/dispenses", Map.of("fillsRecordId", correction,
                "lines", List.of(Map.of("code", "D0001", "quantity", 2))));
        given().cookie("kiosk_session", cashier).contentType("application/json")
                .body(Map.of("symptom", "DATABASE_SLOW", "location", "收费处1号窗", "words", "开票很慢")).post("/api/fault-reports").then().statusCode(201);

        Path shots = Path.of("target", "screenshots", "zh");
        Files.createDirectories(shots);
        List<String> found = new ArrayList<>();
        try (HeadlessChromium chromium = HeadlessChromium.launch();
             BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
            // a refused sign-in says why in Chinese
            Page login = context.newPage();
            login.navigate(url.toString());
            login.waitForSelector("#login-accountId:focus");
            login.keyboard().type("cashier-1");
            login.keyboard().press("Tab");
            login.keyboard().type("wrong-password");
            login.keyboard().press("Enter");
            login.waitForSelector("#flash.bad:not([hidden])");
            found.addAll(seen(login, "refused sign-in"));
            login.close();
            for (String account : List.of("cashier-1", "nurse-1", "doctor-1", "medtech-1", "pharm-1")) {
                Page page = context.newPage();
                page.navigate(url.toString());
                page.waitForSelector("#login-accountId:focus");
                found.addAll(seen(page, account + " sign-in"));
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
                    String screen = page.getAttribute("#nav a.active", "href").substring(1);
                    page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(account + "-" + key + ".png")));
                    found.addAll(seen(page, account + " " + key + " " + screen));
                    found.addAll(more(page, account + " " + key, screen, shots));
                }
                page.keyboard().press("F10");
                page.waitForSelector("#login-accountId:focus");
                page.close();
            }
            Page paper = context.newPage();
            paper.navigate(url.toString());
            paper.waitForSelector("#login-accountId:focus");
            paper.keyboard().type("super-1");
            paper.keyboard().press("Tab");
            paper.keyboard().type("abc123");
            paper.keyboard().press("Enter");
            paper.waitForSelector("#nav:not([hidden])");
            for (String path : List.of("api/registrations/" + reg + "/slip", "api/charges/" + paid + "/invoice", "api/charges/" + iou + "/invoice",
                    "api/ious/" + slip + "/slip", "api/discharge-settlements/" + settled + "/paper")) {
                paper.navigate(url.toString() + path);
                found.addAll(findings(path.replaceAll("[0-9a-f-]{36}", "…"), paper.innerText("body")));
            }
            // the clinical papers, each read by a person allowed to print it
            Map<String, List<String>> clinical = Map.of("nurse-1", List.of(requisition, execution, voidedRequisition, "reports/census",
                    "reports/allergies", "reports/orders"), "doctor-1", List.of(prescription, correction, order), "medtech-1", List.of(exam),
                    "pharm-1", List.of(dispense));
            for (Map.Entry<String, List<String>> e : clinical.entrySet()) {
                context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("kiosk_session", Desk.login(e.getKey()))
                        .setUrl(url.toString())));
                for (String what : e.getValue()) {
                    String path = "api/clinical/" + what + (what.startsWith("reports/") ? "" : "/print");
                    paper.navigate(url.toString() + path);
                    assertThat(paper.innerText("body")).as(path).contains("停机期间手工单据");
                    found.addAll(findings(e.getKey() + " " + path.replaceAll("[0-9a-f-]{36}", "…"), paper.innerText("body")));
                }
            }
        }
        assertThat(found).as("words on the kiosk's screens and papers that are not Chinese").isEmpty();
    }

    /**
     * What else a screen shows a person: a save refused (the kiosk's and the server's messages at the fields), a pick list
     * open, the census narrowed and a patient's form opened from it, F8's phoned path unfolded, a print preview.
     */
    List<String> more(Page page, String where, String screen, Path shots) {
        List<String> out = new ArrayList<>();
        switch (screen) {
            case "mode" -> {
                page.evaluate("document.querySelector('#phoned').open = true");
                out.addAll(seen(page, where + " phoned path"));
                page.focus("#ph-reason");
                page.keyboard().press("Control+Enter"); // nobody to confirm: refused at the fields
                page.waitForSelector("#flash.bad:not([hidden])");
                out.addAll(seen(page, where + " phoned path refused"));
                page.keyboard().press("Escape");
            }
            case "census" -> {
                page.keyboard().type("12");
                page.waitForTimeout(200);
                out.addAll(seen(page, where + " census narrowed"));
                page.keyboard().press("Enter"); // opens the first form for the patient
                page.waitForSelector("#s-clinical:not([hidden]) #cl-whose:has-text('赵演示')");
                page.waitForTimeout(300);
                out.addAll(seen(page, where + " census → form"));
                page.keyboard().press(page.getAttribute("#nav a[href='#census']", "data-key"));
                page.waitForSelector("#s-census:not([hidden])");
                page.click("#s-census [data-report=census]"); // the census report in the print preview
                page.waitForSelector("#paper:not([hidden])");
                page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(where.replace(' ', '-') + "-preview.png")));
                out.addAll(seen(page, where + " census report preview"));
                page.keyboard().press("Escape");
                page.waitForSelector("#paper", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            }
            case "register", "charge", "settlement", "invoices", "ious" -> {
                page.keyboard().press("Control+Enter"); // an empty form saved: refused, in words
                page.waitForSelector("#flash.bad:not([hidden])");
                out.addAll(seen(page, where + " refused"));
                if ("charge".equals(screen)) {
                    page.focus("#ch-search");
                    page.keyboard().type("amxl");
                    page.waitForSelector("#ch-results li.sel");
                    out.addAll(seen(page, where + " pick list"));
                    page.keyboard().press("Escape");
                }
                page.keyboard().press("Escape");
                if ("ious".equals(screen) && page.locator("#iou-table tbody tr").count() > 0) {
                    // the open IOU slip reprinted (Alt+P): its short number and the exchange rule (EP-4.4)
                    page.focus("#iou-number");
                    page.keyboard().press("Alt+p");
                    page.waitForSelector("#paper:not([hidden])");
                    out.addAll(seen(page, where + " IOU slip preview"));
                    page.keyboard().press("Escape");
                    page.waitForSelector("#paper", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
                }
                if ("invoices".equals(screen) && page.locator("#inv-table tbody tr").count() > 0) {
                    // a reprint in the print preview (a voided invoice carries its void mark)
                    page.focus("#void-no");
                    page.keyboard().type(page.textContent("#inv-table tbody tr td").trim());
                    page.keyboard().press("Alt+p");
                    page.waitForSelector("#paper:not([hidden])");
                    out.addAll(seen(page, where + " reprint preview"));
                    page.keyboard().press("Escape");
                    page.waitForSelector("#paper", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
                    page.keyboard().press("Escape");
                }
            }
            default -> {
                if (screen.startsWith("clinical/")) {
                    page.keyboard().press("Control+Enter"); // an empty form saved: refused, in words
                    page.waitForSelector("#flash.bad:not([hidden])");
                    out.addAll(seen(page, where + " refused"));
                    if (page.isVisible("#cl-lines") && !screen.endsWith("exam-registers")) {
                        page.focus("#cl-lines");
                        page.keyboard().type("asp");
                        page.waitForSelector("#cl-lines-results li.sel");
                        out.addAll(seen(page, where + " pick list"));
                    }
                    page.keyboard().press("Escape");
                    page.keyboard().press("Escape");
                    // the last record of this form in the print preview (Alt+R, Alt+P)
                    if (page.locator("#cl-recent tbody tr").count() > 0) {
                        page.keyboard().press("Alt+r");
                        page.waitForSelector("#cl-recent:focus");
                        page.keyboard().press("Alt+p");
                        page.waitForSelector("#paper:not([hidden])");
                        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(where.replace(' ', '-') + "-preview.png")));
                        out.addAll(seen(page, where + " print preview"));
                        page.keyboard().press("Escape");
                        page.waitForSelector("#paper", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
                    }
                }
            }
        }
        return out;
    }
}
