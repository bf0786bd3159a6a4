package org.hospital.continuity.playbooks.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hospital.continuity.playbooks.playbook.Playbook;
import org.hospital.continuity.playbooks.playbook.PlaybookLoader;
import org.hospital.continuity.playbooks.playbook.PlaybookSet;
import org.hospital.continuity.playbooks.simulate.Scenario;
import org.hospital.continuity.playbooks.simulate.ScenarioLoader;
import org.hospital.continuity.playbooks.simulate.Simulation;
import org.hospital.continuity.playbooks.simulate.Simulator;
import org.hospital.continuity.playbooks.simulate.TimelineRenderer;
import org.hospital.continuity.playbooks.yaml.FileFormatException;

/**
 * The command line:
 * <pre>
 * java -jar playbooks/target/playbooks-0.1.0-SNAPSHOT-cli.jar simulate &lt;scenario.yaml&gt; [--playbooks &lt;dir&gt;]
 * java -jar playbooks/target/playbooks-0.1.0-SNAPSHOT-cli.jar validate &lt;dir&gt;
 * </pre>
 * {@code simulate} prints the timeline of a scenario run against the default playbooks (or the defaults
 * overridden by a hospital directory); {@code validate} checks a hospital's playbook directory. Output is UTF-8.
 * Exit codes: 0 success, 1 a bad file (the message names file, line, column, field and expectation), 2 usage,
 * 3 an internal error (one line, no stack trace).
 */
public final class Main {

    /** Success. */
    public static final int OK = 0;
    /** A scenario or playbook file is wrong. */
    public static final int BAD_FILE = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** Something went wrong inside (a defect): one line, no stack trace. */
    public static final int INTERNAL = 3;

    private static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: java -jar playbooks-<version>-cli.jar simulate <scenario.yaml> [--playbooks <dir>]",
            "       java -jar playbooks-<version>-cli.jar validate <playbook-dir>");

    private Main() {
    }

    /** Runs a command with UTF-8 output and exits with its code. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs a command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = List.of(args);
        try {
            if (a.size() >= 2 && a.get(0).equals("simulate")) {
                return simulate(a, out, err);
            }
            if (a.size() == 2 && a.get(0).equals("validate")) {
                return validate(Path.of(a.get(1)), out, err);
            }
        } catch (FileFormatException e) {
            err.println("error: " + e.getMessage());
            return BAD_FILE;
        } catch (UncheckedIOException e) {
            err.println("error: cannot read " + e.getCause().getMessage());
            return BAD_FILE;
        } catch (RuntimeException e) {
            err.println("error: internal error, please report it with the file: " + e);
            return INTERNAL;
        }
        err.println(USAGE_TEXT);
        return USAGE;
    }

    private static int simulate(List<String> a, PrintStream out, PrintStream err) {
        Path file = Path.of(a.get(1));
        PlaybookSet playbooks;
        if (a.size() == 2) {
            playbooks = PlaybookLoader.loadDefaults();
        } else if (a.size() == 4 && a.get(2).equals("--playbooks")) {
            playbooks = PlaybookLoader.loadWithOverrides(Path.of(a.get(3)));
        } else {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (!Files.isRegularFile(file)) {
            err.println("error: no such scenario file: " + file);
            return BAD_FILE;
        }
        Scenario scenario = ScenarioLoader.load(file);
        Simulation simulation = Simulator.run(scenario, playbooks);
        out.print(TimelineRenderer.render(simulation));
        return OK;
    }

    private static int validate(Path directory, PrintStream out, PrintStream err) {
        PlaybookSet hospital = PlaybookLoader.loadDirectory(directory);
        PlaybookSet merged = PlaybookLoader.loadDefaults().overriddenBy(hospital);
        for (Playbook p : hospital.playbooks()) {
            boolean replaces = PlaybookLoader.loadDefaults().byId(p.id()).isPresent();
            out.println("ok " + p.source() + ": " + p.id() + (replaces ? " (replaces the default)" : " (added)")
                    + (p.enabled() ? "" : " [disabled]"));
        }
        out.println(merged.playbooks().size() + " playbooks in force");
        return OK;
    }
}
