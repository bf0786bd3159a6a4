package org.hospital.continuity.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hospital.continuity.e2e.KioskCrashE2EIT.Answer;
import org.hospital.continuity.e2e.KioskCrashE2EIT.Client;
import org.hospital.continuity.testsupport.HeadlessChromium;
import org.hospital.continuity.testsupport.ScreenWords;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A ward that knows the hospital before it goes dark (EP-6 readiness, EP-6.5), with the packaged apps: the stand-in FHIR
 * HIS holds a ward of patients with beds and 住院号, their active orders, the MAR of the next 24 hours and an allergy; the
 * packaged server pulls it through its HIS reference feed; a ward kiosk enrolled against it gets its ward's slice and,
 * while the HIS is up, prints the ward's downtime report automatically (the PDF's text: ward, patients, drugs, allergy,
 * as-of time, 第 n 页/共 m 页). Then the server is stopped: the charge nurse declares downtime from the phoned instruction,
 * the banner says 完全离线, and the nurse reads the ward's census, MAR and allergies with the as-of time on the kiosk's
 * screen, in Chinese. Screenshots under {@code tests/e2e/target/ward-report-his/}.
 */
class WardReportFromHisE2EIT {

    static final Path SHOTS = Path.of("target", "ward-report-his");
    static final String WARD_DEPT = "HX-NEPH";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZONE);

    /** A FHIR resource's JSON with one reference filled in later. */
    private static String json(String template, Object... args) {
        return String.format(template, args);
    }

    @Test
    @DisplayName("EP-6 readiness, EP-6.5, HR-5, HR-13 the ward fed from the HIS: the automatic print's PDF holds the census, MAR and allergies with 第 n 页/共 m 页; offline (完全离线) the nurse reads them with the as-of time")
    void theWardKnowsTheHospitalBeforeItGoesDark() throws Exception {
        Files.createDirectories(SHOTS);
        Path root = AppProcess.root();
        Path data = Files.createTempDirectory("continuity-ward-his-");
        List<String> notChinese = new ArrayList<>();
        try (StandInHis his = StandInHis.start()) {
            // the HIS before the outage: the department, the ward with three beds, three patients in them, an active order each
            // for two of them with the MAR of the next 24 hours, one allergy and one "no known allergy"
            String dept = his.create(json("""
                    {"resourceType":"Organization","identifier":[{"system":"urn:his:department","value":"%s"}],"name":"肾内科"}""", WARD_DEPT));
            String ward = his.create(json("""
                    {"resourceType":"Location","name":"肾内三病区","physicalType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/location-physical-type","code":"wa"}]},
                     "managingOrganization":{"reference":"%s"}}""", dept));
            Map<String, String> beds = new HashMap<>();
            for (String bed : List.of("3床", "8床", "12床")) {
                beds.put(bed, his.create(json("""
                        {"resourceType":"Location","name":"%s","physicalType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/location-physical-type","code":"bd"}]},
                         "partOf":{"reference":"%s"}}""", bed, ward)));
            }
            String[][] people = {{"HX-P1", "陈肾友", "male", "1952-03-14", "ZY2026101", "3床"}, {"HX-P2", "林透析", "female", "1966-10-02", "ZY2026102", "8床"},
                    {"HX-P3", "黄观察", "male", "1979-07-21", "ZY2026103", "12床"}};
            Map<String, String> patients = new HashMap<>();
            for (String[] p : people) {
                String ref = his.create(json("""
                        {"resourceType":"Patient","identifier":[{"system":"urn:his:patient-id","value":"%s"}],"name":[{"text":"%s"}],"gender":"%s","birthDate":"%s"}""",
                        p[0], p[1], p[2], p[3]));
                patients.put(p[0], ref);
                his.create(json("""
                        {"resourceType":"Encounter","status":"in-progress","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
                         "identifier":[{"system":"urn:his:inpatient-number","value":"%s"}],"subject":{"reference":"%s"},
                         "location":[{"location":{"reference":"%s"},"status":"active"}],"serviceProvider":{"reference":"%s"}}""",
                        p[4], ref, beds.get(p[5]), dept));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            String order1 = his.create(json("""
                    {"resourceType":"MedicationRequest","status":"active","intent":"order","subject":{"reference":"%s"},
                     "medicationCodeableConcept":{"text":"碳酸司维拉姆片"},"authoredOn":"2026-12-05T02:00:00Z",
                     "dosageInstruction":[{"route":{"text":"口服"},"timing":{"code":{"text":"每日三次"}},"doseAndRate":[{"doseQuantity":{"value":800,"unit":"mg"}}]}]}""",
                    patients.get("HX-P1")));
            String order2 = his.create(json("""
                    {"resourceType":"MedicationRequest","status":"active","intent":"order","subject":{"reference":"%s"},
                     "medicationCodeableConcept":{"text":"头孢呋辛钠注射液"},"authoredOn":"2026-12-05T03:00:00Z",
                     "dosageInstruction":[{"route":{"text":"静脉滴注"},"timing":{"code":{"text":"每12小时一次"}},"doseAndRate":[{"doseQuantity":{"value":1.5,"unit":"g"}}]}]}""",
                    patients.get("HX-P2")));
            Instant dose1 = now.plus(Duration.ofHours(3));
            Instant dose2 = now.plus(Duration.ofHours(5));
            for (Object[] d : new Object[][] {{patients.get("HX-P1"), order1, "碳酸司维拉姆片", dose1}, {patients.get("HX-P2"), order2, "头孢呋辛钠注射液", dose2}}) {
                his.create(json("""
                        {"resourceType":"MedicationAdministration","status":"in-progress","subject":{"reference":"%s"},"request":{"reference":"%s"},
                         "medicationCodeableConcept":{"text":"%s"},"effectiveDateTime":"%s"}""", d[0], d[1], d[2], d[3]));
            }
            his.create(json("""
                    {"resourceType":"AllergyIntolerance","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},
                     "code":{"text":"青霉素","coding":[{"system":"urn:his:allergen","code":"A-PEN","display":"青霉素"}]},"patient":{"reference":"%s"},
                     "reaction":[{"severity":"severe","manifestation":[{"text":"过敏性休克"}]}]}""", patients.get("HX-P1")));
            his.create(json("""
                    {"resourceType":"AllergyIntolerance","code":{"coding":[{"system":"http://snomed.info/sct","code":"716186003","display":"No known allergy"}]},
                     "patient":{"reference":"%s"}}""", patients.get("HX-P2")));

            // the packaged server, fed from the HIS (pulled on request here: the schedule waits an hour)
            int port = StationRelayE2EIT.freePort();
            String adminPassword = "E2e-Ward-" + UUID.randomUUID().toString().substring(0, 8) + "-1a";
            Map<String, String> props = new HashMap<>(Map.of("quarkus.http.port", String.valueOf(port), "continuity.data-dir",
                    data.resolve("server").toString(), "continuity.auth.initial-admin.password", adminPassword,
                    "continuity.kiosk.verifier-iterations", "10000", "continuity.writeback.fhir-base-url", his.baseUrl(),
                    "continuity.his-feed.enabled", "true", "continuity.his-feed.start-delay", "1h", "continuity.his-feed.interval", "1h"));
            AppProcess server = AppProcess.start("ward-his-server", root.resolve("continuity-server/target/quarkus-app/quarkus-run.jar"),
                    List.of("-Xmx512m"), props, Map.of());
            AppProcess kiosk = null;
            HeadlessChromium chromium = null;
            try {
                server.awaitBaseUrl(Duration.ofSeconds(180));
                Client admin = new Client("http://127.0.0.1:" + port);
                Answer login = admin.send("POST", "/api/auth/login", Map.of("username", "admin", "password", adminPassword), null);
                assertThat(login.status()).as(String.valueOf(login.body())).isEqualTo(200);
                String token = login.body().path("token").asText();
                StaffAccounts.department(admin, token, WARD_DEPT, "肾内科", "NURSE_STATION");
                StaffAccounts.person(admin, token, "nurse-1", "护士丙", WARD_DEPT, "NURSE");
                StaffAccounts.person(admin, token, "head-1", "护士长甲", WARD_DEPT, "NURSE", "DEPARTMENT_HEAD");
                StaffAccounts.person(admin, token, "head-2", "护士长乙", WARD_DEPT, "NURSE", "DEPARTMENT_HEAD");

                Answer pulled = admin.send("POST", "/api/his-feed/pull", null, token);
                assertThat(pulled.status()).as(String.valueOf(pulled.body())).isEqualTo(200);
                for (String piece : List.of("CENSUS", "ALLERGIES", "ORDERS", "MAR")) {
                    assertThat(pulled.body().path("outcome").path(piece).asText()).as(piece).isIn("READ", "SAME");
                }
                // the as-of time the ward's paper and screen print: the oldest of the four pieces' (the HIS's last answer)
                Instant asOf = null;
                for (JsonNode p : pulled.body().path("pieces")) {
                    if (List.of("CENSUS", "ALLERGIES", "ORDERS", "MAR").contains(p.path("piece").asText())) {
                        Instant t = Instant.parse(p.path("asOf").asText());
                        asOf = asOf == null || t.isBefore(asOf) ? t : asOf;
                    }
                }
                String asOfWords = "数据截至 " + TIME.format(asOf);

                Answer created = admin.send("POST", "/api/admin/kiosks", Map.of("name", "肾内三病区护士站", "departmentCode", WARD_DEPT), token);
                assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
                kiosk = AppProcess.start("ward-his-kiosk", root.resolve("offline-kiosk/target/quarkus-app/quarkus-run.jar"), List.of("-Xmx256m"),
                        Map.of("quarkus.http.port", "0", "continuity.data-dir", data.resolve("kiosk").toString(),
                                "continuity.server-url", "http://127.0.0.1:" + port, "continuity.ward-report.check-every", "2s",
                                "continuity.instructions.interval", "2s", "continuity.faults.interval", "2s"), Map.of());
                String kioskUrl = kiosk.awaitBaseUrl(Duration.ofSeconds(180));
                Client desk = new Client(kioskUrl);
                desk.ok("POST", "/api/kiosk/enrolment", Map.of("code", created.body().path("code").asText()));
                desk.ok("PUT", "/api/settings/language", Map.of("language", "zh-CN"));

                // while the HIS is up, the kiosk prints its ward's report by itself (the paper copy in the drawer)
                Path prints = data.resolve("kiosk").resolve("prints");
                Path pdf = null;
                for (int i = 0; i < 120 && pdf == null; i++) {
                    if (Files.isDirectory(prints)) {
                        try (Stream<Path> files = Files.list(prints)) {
                            pdf = files.filter(f -> f.getFileName().toString().startsWith("ward-report-") && f.toString().endsWith(".pdf"))
                                    .findFirst().orElse(null);
                        }
                    }
                    if (pdf == null) {
                        Thread.sleep(1000);
                    }
                }
                assertThat(pdf).as("the automatic print wrote the ward's PDF").isNotNull();
                Thread.sleep(500); // the file is written whole before the print is recorded
                String text;
                int pages;
                try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                    pages = doc.getNumberOfPages();
                    text = new PDFTextStripper().getText(doc).replace("\r", "");
                }
                Files.writeString(SHOTS.resolve("ward-report.txt"), text);
                Files.copy(pdf, SHOTS.resolve("ward-report.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                assertThat(text).contains("肾内三病区 · 停机报表", asOfWords, "第 1 页/共 " + pages + " 页", "在院病人一览", "24小时给药计划", "在用医嘱",
                        "过敏史", "3床", "陈肾友", "ZY2026101", "8床", "林透析", "12床", "黄观察", "碳酸司维拉姆片", "800mg", TIME.format(dose1),
                        "头孢呋辛钠注射液", "静脉滴注", "青霉素", "过敏性休克");
                assertThat(text).doesNotContain("HX-P1", "MedicationRequest", "SEVERE", "null");

                // the network dies with the HIS: the server is gone
                server.close();
                // EP-6.1: the charge nurse declares downtime from the phoned instruction, confirmed by the second head nurse
                desk.ok("POST", "/api/session", Map.of("accountId", "head-1", "password", StaffAccounts.PASSWORD));
                desk.ok("POST", "/api/mode/downtime", Map.of("source", "SUPERVISOR", "reason", "信息科电话通知：HIS与网络全部中断",
                        "confirmerAccountId", "head-2", "confirmerPassword", StaffAccounts.PASSWORD));

                chromium = HeadlessChromium.launch();
                BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                Page page = context.newPage();
                page.navigate(kioskUrl);
                page.waitForSelector("#login-accountId:focus");
                page.keyboard().type("nurse-1");
                page.keyboard().press("Tab");
                page.keyboard().type(StaffAccounts.PASSWORD);
                page.keyboard().press("Enter");
                page.waitForSelector("#nav:not([hidden]) a.active");
                page.waitForSelector("#b-mode:has-text('完全离线')", new Page.WaitForSelectorOptions().setTimeout(90_000));
                page.click("#nav a[href='#census']");
                page.waitForSelector("#s-census:not([hidden]) #cs-table tbody tr:nth-child(3)");
                String census = page.innerText("#s-census");
                assertThat(census).contains("3床", "陈肾友", "ZY2026101", "8床", "林透析", "12床", "黄观察", "青霉素（过敏性休克）");
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("1-census-offline.png")));
                notChinese.addAll(ScreenWords.findings("census", page.innerText("body")));
                page.click("#cs-ward-report");
                page.waitForSelector("#paper:not([hidden])");
                Frame frame = null;
                for (int i = 0; frame == null && i < 100; i++) {
                    frame = page.frameByUrl(u -> u.contains("/api/ward-reports/page"));
                    if (frame == null) {
                        page.waitForTimeout(100);
                    }
                }
                assertThat(frame).isNotNull();
                frame.waitForSelector("h1");
                String report = frame.innerText("body");
                assertThat(report).contains("肾内三病区 停机报表", asOfWords, "在院病人一览", "陈肾友", "林透析", "黄观察", "24小时给药计划",
                        TIME.format(dose1), "碳酸司维拉姆片", "800mg", TIME.format(dose2), "头孢呋辛钠注射液", "1.5g", "在用医嘱", "每日三次",
                        "过敏史", "青霉素", "过敏性休克");
                assertThat(report).doesNotContain("HX-P", "MedicationRequest", "SEVERE", "null", "undefined");
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("2-ward-report-offline.png")).setFullPage(true));
                notChinese.addAll(ScreenWords.findings("ward-report", report));
                assertThat(notChinese).as("every word on the screens is Chinese").isEmpty();
                context.close();
            } finally {
                if (chromium != null) {
                    chromium.close();
                }
                if (kiosk != null) {
                    kiosk.close();
                }
                server.close();
            }
        }
    }
}
