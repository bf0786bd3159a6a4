package org.hospital.continuity.e2e.logscan;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds patient data in log files (HR-12, HR-13): resident ID numbers (18 characters with a valid birth
 * date), mainland mobile numbers, and the names of the fictitious patients the fixtures and demo data use.
 */
public final class PatientDataInLogs {

    /** The patient names of the demo data and the test fixtures. */
    public static final List<String> FIXTURE_PATIENT_NAMES = List.of("赵演示", "钱演练", "孙测试", "李小明", "张三😀",
            "演示病人甲", "演示病人乙", "演示病人丙", "演示病人丁", "演示病人戊", "演示病人己", "演示病人庚", "演示病人辛", "演示病人壬", "演示病人癸");

    static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");
    static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z.:\\-])1[3-9]\\d{9}(?![0-9A-Za-z])");

    /** One finding: file, line number, what kind, the line (clipped). */
    public record Finding(Path file, long line, String kind, String text) {
        @Override
        public String toString() {
            return file + ":" + line + " " + kind + ": " + text;
        }
    }

    private PatientDataInLogs() {
    }

    public static List<Finding> scanLine(Path file, long n, String line) {
        List<Finding> out = new ArrayList<>();
        Matcher id = ID_NUMBER.matcher(line);
        if (id.find()) {
            out.add(new Finding(file, n, "ID number", clip(line)));
        }
        Matcher phone = PHONE.matcher(line);
        if (phone.find()) {
            out.add(new Finding(file, n, "phone", clip(line)));
        }
        for (String name : FIXTURE_PATIENT_NAMES) {
            if (line.contains(name)) {
                out.add(new Finding(file, n, "patient name " + name, clip(line)));
            }
        }
        return out;
    }

    public static List<Finding> scan(Path file) throws IOException {
        List<Finding> out = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            long n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                out.addAll(scanLine(file, n, line));
            }
        }
        return out;
    }

    /** The log files the build leaves: Quarkus test logs, the e2e apps' logs, surefire/failsafe output files. */
    public static List<Path> logFiles(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String module : List.of("continuity-server", "offline-kiosk", "tests/e2e", "tests/sync-testkit", "sync", "playbooks")) {
            Path target = root.resolve(module).resolve("target");
            if (!Files.isDirectory(target)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(target, 4)) {
                files.filter(Files::isRegularFile).filter(p -> {
                    String name = p.getFileName().toString();
                    String dir = p.getParent().getFileName().toString();
                    return name.endsWith(".log") || dir.equals("test-logs") || dir.equals("e2e-logs")
                            || ((dir.equals("surefire-reports") || dir.equals("failsafe-reports")) && name.endsWith("-output.txt"));
                }).forEach(out::add);
            }
        }
        return out;
    }

    private static String clip(String line) {
        return line.length() > 240 ? line.substring(0, 240) + "…" : line;
    }
}
