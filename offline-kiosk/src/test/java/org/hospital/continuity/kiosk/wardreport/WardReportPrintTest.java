package org.hospital.continuity.kiosk.wardreport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.persistence.KioskDatabase;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.support.Desk;
import org.hospital.continuity.kiosk.support.StandInServer;
import org.hospital.continuity.kiosk.support.StandInServerResource;
import org.hospital.continuity.kiosk.wardreport.app.PrintingWardReports;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The ward's downtime reports like a BCA PC: the snapshot fed from the HIS (census, active orders, MAR of the next 24 hours,
 * allergies, each piece's as-of time) is kept sealed on the kiosk, and printed automatically as one A4 PDF per ward while the
 * HIS is up — headed with the ward and the as-of time, numbered 第 n 页/共 m 页 — and not in downtime. Its own application
 * (a fresh data folder): it needs a kiosk that is not in downtime yet, and prints every thirty seconds.
 */
@QuarkusTest
@TestProfile(WardReportPrintTest.PrintOften.class)
@QuarkusTestResource(StandInServerResource.class)
class WardReportPrintTest {

    public static class PrintOften implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("continuity.ward-report.print-interval", "PT30S");
        }
    }

    @Inject
    PrintingWardReports printing;
    @Inject
    ReferenceData reference;
    @Inject
    KioskDatabase database;
    @Inject
    KioskConfig config;

    @Test
    @DisplayName("HR-13 the HIS feed's orders, MAR and allergies reach the ward kiosk sealed; the automatic print makes the ward's PDF (ward, as-of time, 第 n 页/共 m 页) while the HIS is up, not in downtime")
    void theWardsPaperCopy() throws Exception {
        Desk.enrolled();
        assertThat(reference.medication("P0001").orders()).extracting(o -> o.drug()).containsExactly("碳酸司维拉姆片");
        assertThat(reference.medication("P0001").administrations()).hasSize(2);
        assertThat(reference.feed()).extracting(f -> f.piece()).contains("CENSUS", "ALLERGIES", "ORDERS", "MAR");

        // HR-13: the orders and the MAR are stored sealed with the rest of the patient, never in clear
        byte[] drug = "碳酸司维拉姆片".getBytes(StandardCharsets.UTF_8);
        int rows = database.read(c -> {
            int n = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select details from ref_patient")) {
                while (rs.next()) {
                    assertThat(indexOf(rs.getBytes(1), drug)).isEqualTo(-1);
                    n++;
                }
            }
            return n;
        });
        assertThat(rows).isGreaterThan(0);

        // while the HIS is up the report prints by itself: one PDF for the ward
        Optional<PrintingWardReports.Printed> printed = printing.printIfDue();
        assertThat(printed).isPresent();
        assertThat(printed.get().outcome()).isEqualTo("SAVED");
        assertThat(printed.get().files()).hasSize(1);
        byte[] pdf = Files.readAllBytes(printed.get().files().get(0));
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text;
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
            text = new PDFTextStripper().getText(doc).replace("\r", "");
        }
        assertThat(printed.get().pages()).isEqualTo(pages);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of(config.timeZone()));
        assertThat(text).contains("肾内一病区 · 停机报表", "数据截至 " + time.format(StandInServer.FEED_AS_OF), "第 1 页/共 " + pages + " 页",
                "在院病人一览", "24小时给药计划", "在用医嘱", "过敏史",
                "12床", "赵演示", "ZY2026001", "15床", "钱演练",
                "碳酸司维拉姆片", "800mg", "口服", "每日三次", "刘芳", time.format(StandInServer.MAR_FIRST),
                time.format(StandInServer.MAR_FIRST.plusSeconds(8 * 3600)),
                "青霉素", "过敏性休克", "重度", "海鲜", "荨麻疹", "轻度");
        // no codes, ids or ISO times on the paper; the outpatient is not on the ward's list
        assertThat(text).doesNotContain("P0001", "MedicationRequest", "SEVERE", "MILD", "T0", "孙测试");
        assertThat(printing.last()).isPresent();

        // not due again before the interval
        assertThat(printing.printIfDue()).isEmpty();
        // (a print under load takes seconds: the interval is long enough for that, and the test waits until it passed)
        Thread.sleep(Math.max(0, java.time.Duration.between(java.time.Instant.now(), printing.last().orElseThrow().printedAt()
                .plusSeconds(31)).toMillis()));
        // in downtime nothing prints by itself (the snapshot no longer changes; staff print from the screen)
        Desk.inDowntime();
        assertThat(printing.printIfDue()).isEmpty();

        // the screen's print preview and the PDF, for clinical staff only (HR-12)
        String nurse = Desk.login("nurse-1");
        String page = given().cookie("kiosk_session", nurse).get("/api/ward-reports/page").then().statusCode(200).extract().asString();
        assertThat(page).contains("肾内一病区 停机报表", "碳酸司维拉姆片", "过敏性休克");
        byte[] viaApi = given().cookie("kiosk_session", nurse).get("/api/ward-reports/pdf").then().statusCode(200).extract().asByteArray();
        assertThat(new String(viaApi, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        given().cookie("kiosk_session", Desk.login("cashier-1")).get("/api/ward-reports/page").then().statusCode(403);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
