package org.hospital.continuity.kiosk.wardreport.app;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.hospital.continuity.kiosk.mode.SwitchingMode;
import org.hospital.continuity.kiosk.platform.config.KioskConfig;
import org.hospital.continuity.kiosk.platform.print.PdfPages;
import org.hospital.continuity.kiosk.reference.ReferenceData;
import org.hospital.continuity.kiosk.wardreport.persistence.WardReportPrints;

/**
 * The paper copy in the drawer: while the HIS is up (the kiosk is not in downtime), every
 * {@code continuity.ward-report.print-interval} the kiosk prints its wards' downtime reports from the latest snapshot as one
 * PDF per ward, keeps them in the data folder's {@code prints} folder (the newest set; older sets are removed) and hands each
 * to {@code continuity.ward-report.printer-command} when one is set. In downtime nothing is printed automatically (the
 * snapshot no longer changes; staff print from the screen). The last print's time goes to the readiness report.
 */
@ApplicationScoped
public class PrintingWardReports implements org.hospital.continuity.kiosk.wardreport.WardReportsPrinted {

    /** One round: the files written (empty: nothing due or nothing to print) and the outcome. */
    public record Printed(Instant at, List<Path> files, int pages, String outcome) {
    }

    private final WardReports reports;
    private final WardReportPrints prints;
    private final ReferenceData reference;
    private final SwitchingMode mode;
    private final KioskConfig config;
    private final InstantSource clock;
    private final DateTimeFormatter stamp;
    private final ReentrantLock lock = new ReentrantLock();

    public PrintingWardReports(WardReports reports, WardReportPrints prints, ReferenceData reference, SwitchingMode mode, KioskConfig config,
                               InstantSource clock) {
        this.reports = reports;
        this.prints = prints;
        this.reference = reference;
        this.mode = mode;
        this.config = config;
        this.clock = clock;
        this.stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneId.of(config.timeZone()));
    }

    @Scheduled(every = "${continuity.ward-report.check-every:1m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            printIfDue();
        } catch (RuntimeException e) {
            Log.warnf("ward reports not printed: %s", e.getClass().getSimpleName());
        }
    }

    /** Prints when due: automatic printing on, the HIS up (no downtime), a census in the snapshot, the interval passed. */
    public Optional<Printed> printIfDue() {
        if (!config.wardReport().autoPrint() || mode.state().downtime() || reports.wards().isEmpty() || reference.info().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<WardReportPrints.Print> last = prints.last();
        if (last.isPresent() && last.get().printedAt().plus(config.wardReport().printInterval()).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(print());
    }

    /** Prints every ward's report now (also staff's "print now"). */
    public Printed print() {
        if (!lock.tryLock()) {
            return new Printed(clock.instant(), List.of(), 0, "BUSY");
        }
        try {
            Instant now = clock.instant();
            Path folder = Path.of(config.dataDir()).resolve("prints");
            List<Path> files = new ArrayList<>();
            int pages = 0;
            String outcome = config.wardReport().printerCommand().filter(c -> !c.isBlank()).isPresent() ? "PRINTED" : "SAVED";
            try {
                Files.createDirectories(folder);
                List<WardReports.WardReport> all = reports.all(now);
                int n = 0;
                for (WardReports.WardReport r : all) {
                    byte[] pdf = PdfPages.render(r.xhtml(), r.ward() + " 停机报表", config.wardReport().pdfFont());
                    pages += pageCount(pdf);
                    // the file's name carries no patient data: the time and the ward's position
                    Path file = folder.resolve("ward-report-" + stamp.format(now) + "-" + (++n) + ".pdf");
                    Files.write(file, pdf);
                    files.add(file);
                }
                for (Path f : files) {
                    if (!toPrinter(f)) {
                        outcome = "FAILED";
                    }
                }
                removeOlderThan(folder, files);
            } catch (IOException | RuntimeException e) {
                Log.warnf("ward reports not printed: %s", e.getClass().getSimpleName());
                outcome = "FAILED";
            }
            prints.record(new WardReportPrints.Print(now, files.size(), pages, files.isEmpty() ? "" : folder.toString(), outcome));
            Log.infof("ward reports printed wards=%d pages=%d outcome=%s", files.size(), pages, outcome);
            return new Printed(now, files, pages, outcome);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int wards() {
        return reports.wards().size();
    }

    @Override
    public Optional<Instant> lastPrintedAt() {
        return prints.last().map(WardReportPrints.Print::printedAt);
    }

    /** The last print that reached paper or a file. */
    public Optional<WardReportPrints.Print> last() {
        return prints.last();
    }

    /** The PDF's page count (its pages sit in compressed object streams: read with PDFBox, not by pattern). */
    static int pageCount(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    private boolean toPrinter(Path file) {
        Optional<String> command = config.wardReport().printerCommand().filter(c -> !c.isBlank());
        if (command.isEmpty()) {
            return true;
        }
        List<String> argv = new ArrayList<>(List.of(command.get().trim().split("\\s+")));
        argv.add(file.toString());
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Keeps only the newest set of reports (older paper copies hold older patient data). */
    private static void removeOlderThan(Path folder, List<Path> keep) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith("ward-report-") && !keep.contains(f)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
