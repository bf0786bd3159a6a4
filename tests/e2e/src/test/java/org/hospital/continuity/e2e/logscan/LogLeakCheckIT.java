package org.hospital.continuity.e2e.logscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HR-12/HR-13: after the whole build has run its tests (this runs in tests/e2e's verify phase, after the
 * server's and kiosk's test phases and the end-to-end tests), no log line may carry a patient's name, ID
 * number or phone.
 */
class LogLeakCheckIT {

    @Test
    @DisplayName("HR-12 the detector finds a planted ID number, phone and fixture name, and leaves record ids and timestamps alone")
    void theDetectorCanFail() {
        Path f = Path.of("planted.log");
        assertThat(PatientDataInLogs.scanLine(f, 1, "registered 110105198506010013 ok")).extracting(PatientDataInLogs.Finding::kind).contains("ID number");
        assertThat(PatientDataInLogs.scanLine(f, 1, "phone=13800000003")).extracting(PatientDataInLogs.Finding::kind).contains("phone");
        assertThat(PatientDataInLogs.scanLine(f, 1, "patient 赵演示 saved")).isNotEmpty();
        assertThat(PatientDataInLogs.scanLine(f, 1, "2026-11-22 03:27:42,689 INFO entry=5f0e7a4e-0000-4000-8000-000000000000 seq=17637000000001 "
                + "hash=3b80e1edad5b689d09d35f90b6c910e1c1a4b903972b0368b036b7540bffeede took 1126 ms")).isEmpty();
    }

    @Test
    @DisplayName("HR-12 no log line of the build's test runs carries a patient name, ID number or phone")
    void noPatientDataInAnyLog() throws Exception {
        Path root = Path.of(System.getProperty("continuity.root", "../.."));
        List<Path> files = PatientDataInLogs.logFiles(root);
        assertThat(files).as("log files under " + root.toAbsolutePath() + " (run the tests first)").isNotEmpty();
        List<PatientDataInLogs.Finding> findings = new ArrayList<>();
        long lines = 0;
        for (Path file : files) {
            findings.addAll(PatientDataInLogs.scan(file));
            lines += java.nio.file.Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1).count();
        }
        System.out.println("LOG SCAN files=" + files.size() + " lines=" + lines + " findings=" + findings.size());
        assertThat(findings).as("patient data in logs").isEmpty();
    }
}
