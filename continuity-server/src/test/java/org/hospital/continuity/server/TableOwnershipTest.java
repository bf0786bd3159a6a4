package org.hospital.continuity.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Table ownership: each feature owns the tables its schema scripts create (the scripts its {@code SchemaScripts}
 * class lists, per feature ranges under {@code src/main/resources/db/migration}), and the SQL text in a feature's
 * classes names only its own tables and the platform's. What another feature keeps is asked of it through a port
 * in its public face (docs/architecture.md). Read from the sources, so it sees SQL in any string of any class.
 */
@DisplayName("Table ownership: a feature's SQL names only its own tables")
class TableOwnershipTest {

    static final Path SOURCES = Path.of("src/main/java/org/hospital/continuity/server");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** The platform's own table (schema migration bookkeeping): any feature may read it. */
    static final Set<String> PLATFORM_TABLES = Set.of("schema_migration");

    /**
     * Tables created by one feature's shipped script for another (scripts are never edited, so ownership is
     * declared here): the restore-test record is the backup feature's, created with the readiness tables.
     */
    static final Map<String, String> OWNER_BY_DECLARATION = Map.of("restore_test", "backup");

    private static final Pattern CREATE = Pattern.compile("(?i)create\\s+table\\s+(\\w+)");
    private static final Pattern SCRIPT = Pattern.compile("\"db/migration/(V\\d+__\\w+\\.sql)\"");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern TABLE_USE = Pattern.compile("(?i)\\b(?:from|join|into|update|table|exists)\\s+(\\w+)");

    private static Map<String, String> owners;

    @BeforeAll
    static void readOwners() {
        owners = owners(SOURCES, MIGRATIONS);
    }

    /** table → owning feature, from the scripts each feature's SchemaScripts class lists. */
    static Map<String, String> owners(Path sources, Path migrations) {
        Map<String, String> out = new TreeMap<>();
        for (Path file : javaFiles(sources)) {
            String src = read(file);
            if (!src.contains("SchemaScripts")) {
                continue;
            }
            String feature = feature(sources, file);
            Matcher m = SCRIPT.matcher(src);
            while (m.find()) {
                Matcher t = CREATE.matcher(read(migrations.resolve(m.group(1))));
                while (t.find()) {
                    String previous = out.put(t.group(1).toLowerCase(), feature);
                    if (previous != null && !previous.equals(feature)) {
                        throw new IllegalStateException("two features create " + t.group(1));
                    }
                }
            }
        }
        out.putAll(OWNER_BY_DECLARATION);
        return out;
    }

    /** "feature: table (file)" for every table the SQL text of {@code feature}'s source names but another feature owns. */
    static List<String> foreignTables(String feature, String fileName, String source, Map<String, String> owners) {
        StringBuilder sql = new StringBuilder();
        Matcher block = TEXT_BLOCK.matcher(source);
        while (block.find()) {
            sql.append(block.group(1)).append('\n');
        }
        Matcher string = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (string.find()) {
            sql.append(string.group(1)).append('\n');
        }
        Set<String> found = new TreeSet<>();
        Matcher use = TABLE_USE.matcher(sql);
        while (use.find()) {
            String table = use.group(1).toLowerCase();
            String owner = owners.get(table);
            if (owner != null && !owner.equals(feature) && !PLATFORM_TABLES.contains(table)) {
                found.add(feature + ": " + table + " (" + owner + "'s) in " + fileName);
            }
        }
        return new ArrayList<>(found);
    }

    @Test
    @DisplayName("every schema script belongs to exactly one feature and every table has an owner")
    void everyScriptHasAnOwner() {
        Set<String> listed = new TreeSet<>();
        for (Path file : javaFiles(SOURCES)) {
            String src = read(file);
            if (src.contains("SchemaScripts")) {
                Matcher m = SCRIPT.matcher(src);
                while (m.find()) {
                    assertThat(listed.add(m.group(1))).as(m.group(1) + " listed twice").isTrue();
                }
            }
        }
        try (Stream<Path> scripts = Files.list(MIGRATIONS)) {
            assertThat(scripts.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).toList())
                    .as("scripts no feature lists").allMatch(listed::contains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(owners).containsEntry("incident_event", "incident").containsEntry("sync_entry", "syncreceiver")
                .containsEntry("restore_test", "backup");
    }

    @Test
    @DisplayName("the SQL in each feature's classes names only the feature's own tables and the platform's")
    void featuresNameOnlyTheirOwnTables() {
        List<String> foreign = new ArrayList<>();
        for (Path file : javaFiles(SOURCES)) {
            String feature = feature(SOURCES, file);
            if (feature.isEmpty()) {
                continue;
            }
            foreign.addAll(foreignTables(feature, SOURCES.relativize(file).toString(), read(file), owners));
        }
        foreign.removeAll(KNOWN.keySet());
        assertThat(foreign).as("ask the owning feature through a port in its public face instead").isEmpty();
    }

    @Test
    @DisplayName("every remaining exception still exists (a fixed one is removed from the list, so the list only shrinks)")
    void knownExceptionsStillExist() {
        List<String> foreign = new ArrayList<>();
        for (Path file : javaFiles(SOURCES)) {
            String feature = feature(SOURCES, file);
            if (!feature.isEmpty()) {
                foreign.addAll(foreignTables(feature, SOURCES.relativize(file).toString(), read(file), owners));
            }
        }
        assertThat(foreign).containsAll(KNOWN.keySet());
    }

    @Test
    @DisplayName("a board class whose SQL reads the sync receiver's sync_kiosk table is reported (fixture string, not production code)")
    void aForeignTableIsReported() {
        String fixture = """
                class KioskBacklog {
                    static final String SQL = "select kiosk_id, pending from sync_kiosk where pending > 0";
                    static final String OWN = \"""
                            select id from board_status_report where incident_id = $1\""";
                }
                """;
        assertThat(foreignTables("board", "KioskBacklog.java", fixture, owners))
                .containsExactly("board: sync_kiosk (syncreceiver's) in KioskBacklog.java");
        assertThat(foreignTables("syncreceiver", "KioskBacklog.java", fixture, owners))
                .containsExactly("syncreceiver: board_status_report (board's) in KioskBacklog.java");
    }

    @Test
    @DisplayName("words in messages are not tables: only names a schema script creates count")
    void proseIsNotATable() {
        String fixture = "class X { String s = \"read from the board, update the incident list, join the team\"; }";
        assertThat(foreignTables("notification", "X.java", fixture, owners)).isEmpty();
    }

    /**
     * Cross-feature table access still waiting for its port, each with why; nothing may be added, and the list only
     * shrinks. It is empty: every feature's SQL names only its own tables (docs/architecture.md, "Tables").
     */
    static final Map<String, String> KNOWN = new TreeMap<>();

    static String feature(Path sources, Path file) {
        Path rel = sources.relativize(file);
        return rel.getNameCount() < 2 ? "" : rel.getName(0).toString();
    }

    static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
