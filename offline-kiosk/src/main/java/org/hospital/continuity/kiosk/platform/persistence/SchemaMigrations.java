package org.hospital.continuity.kiosk.platform.persistence;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies the features' SQL scripts ({@link KioskSchemaScripts}) once each, in the order of their file names
 * across features, each in a transaction of its own, and records them in {@code schema_migration}. A script
 * that several features list (one written before the features were split) is applied once.
 */
final class SchemaMigrations {

    /** Runs one transaction on the writer connection before the writer thread runs. */
    @FunctionalInterface
    interface Transactions {
        void run(KioskDatabase.Work<Void> work) throws SQLException;
    }

    private SchemaMigrations() {
    }

    static void migrate(Connection writer, Collection<KioskSchemaScripts> contributions, Transactions transactions) throws SQLException {
        try (Statement st = writer.createStatement()) {
            st.execute("create table if not exists schema_migration (script text primary key, applied_at text not null)");
        }
        Set<String> applied = new HashSet<>();
        try (Statement st = writer.createStatement(); ResultSet rs = st.executeQuery("select script from schema_migration")) {
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        }
        List<String> scripts = contributions.stream().flatMap(c -> c.scripts().stream()).distinct()
                .sorted(Comparator.comparing(SchemaMigrations::fileName)).toList();
        for (String script : scripts) {
            String name = fileName(script);
            if (applied.contains(name)) {
                continue;
            }
            transactions.run(c -> {
                try (Statement st = c.createStatement()) {
                    for (String sql : statements(read(script))) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("insert into schema_migration(script, applied_at) values (?, datetime('now'))")) {
                    ps.setString(1, name);
                    ps.executeUpdate();
                }
                return null;
            });
            Log.infof("kiosk schema script applied: %s", name);
        }
    }

    /**
     * Splits a script into statements at ';' line ends; a {@code create trigger … begin … end;}
     * block stays one statement.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\\n")) {
            String trimmed = line.trim();
            if (onlyComments(current.toString()) && trimmed.toLowerCase(Locale.ROOT).startsWith("create trigger")) {
                inTrigger = true;
            }
            current.append(line).append('\n');
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("end;") : trimmed.endsWith(";");
            if (ends) {
                String sql = current.toString().trim();
                if (!inTrigger) {
                    sql = sql.substring(0, sql.length() - 1);
                }
                if (!onlyComments(sql)) {
                    out.add(sql);
                }
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!onlyComments(current.toString())) {
            out.add(current.toString().trim());
        }
        return out;
    }

    private static boolean onlyComments(String sql) {
        return sql.lines().map(String::trim).allMatch(l -> l.isEmpty() || l.startsWith("--"));
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The text of a script on the classpath. */
    static String read(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Schema script not on the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
