package org.hospital.continuity.playbooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("CLI: simulate <scenario.yaml> prints the timeline")
class MainTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "simulate {0}")
    @MethodSource("scenarioFiles")
    @DisplayName("simulate prints a readable timeline for every scenario file")
    void simulatesEveryScenario(Path file) {
        Result r = run("simulate", file.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).startsWith("场景 Scenario").contains("信号 SIGNAL").contains("预案 STEP").contains("条目 Entries");
        assertThat(r.err()).isEmpty();
    }

    @Test
    @DisplayName("a bad scenario file exits 1 with file and line; a wrong command line exits 2 with the usage")
    void errors(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "id: x\ntitle: {zh: 坏, en: Bad}\nstart: yesterday\ntimeline: []\n", StandardCharsets.UTF_8);

        Result badFile = run("simulate", bad.toString());
        assertThat(badFile.code()).isEqualTo(Main.BAD_FILE);
        assertThat(badFile.err()).contains("bad.yaml:3:").contains("start");

        // malformed input of every kind: file:line:col and no stack trace
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "id: x\ntitle: {zh: \u574f, en: Bad}\n".replace("\u574f", "\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "id: x\ntitle: {zh: 坏, en: Bad}\nstart: 2026-11-24T10:00:00+08:00\ntimeline:\n"
                + "  - at: PT2562047788015215H\n    probe: {component: DATABASE_SERVER, target: db, status: DOWN}\n", StandardCharsets.UTF_8);
        Path end = dir.resolve("end.yaml");
        Files.writeString(end, "id: x\ntitle: {zh: 坏, en: Bad}\nstart: +999999999-12-31T23:59:59Z\ntimeline:\n"
                + "  - at: PT0M\n    probe: {component: DATABASE_SERVER, target: db, status: DOWN}\n", StandardCharsets.UTF_8);
        for (Path p : List.of(latin1, huge, end)) {
            Result r = run("simulate", p.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(Main.BAD_FILE);
            assertThat(r.err()).as(p.toString()).matches("(?s)error: " + p.getFileName() + ":\\d+:\\d+: .*")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }

        assertThat(run().code()).isEqualTo(Main.USAGE);
        assertThat(run("simulate").err()).contains("usage:");
        assertThat(run("simulate", dir.resolve("missing.yaml").toString()).code()).isEqualTo(Main.BAD_FILE);
    }

    @Test
    @DisplayName("simulate --playbooks uses a hospital directory; validate reports what it replaces")
    void hospitalPlaybooks(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ours.yaml"), """
                id: ep4-2-class-ii
                title: {zh: 本院二类故障, en: Our Class II}
                clause: EP-4.2
                trigger: {type: CLASS, class: CLASS_II}
                steps:
                  - id: phone-admin
                    clause: EP-4.6
                    owner: SYSTEM_ADMINISTRATOR
                    action: {zh: 电话通知系统管理员, en: Phone the system administrator}
                """, StandardCharsets.UTF_8);

        Result validate = run("validate", dir.toString());
        assertThat(validate.code()).isEqualTo(Main.OK);
        assertThat(validate.out()).contains("ours.yaml: ep4-2-class-ii (replaces the default)");

        Result sim = run("simulate", "src/test/resources/scenarios/single-terminal-fault.yaml", "--playbooks", dir.toString());
        assertThat(sim.out()).contains("ep4-2-class-ii/phone-admin").doesNotContain("ep4-2-class-ii/it-resolves-centrally");
    }
}
