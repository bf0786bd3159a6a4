package org.hospital.continuity.kiosk;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hospital.continuity.kiosk.platform.persistence.KioskSchemaScripts;

/**
 * Table ownership: each feature's {@link KioskSchemaScripts} lists its migration scripts in
 * {@code src/main/resources/db/kiosk} and claims the tables it owns among those they create; the SQL text in
 * a feature's classes (their string constants, read from the compiled classes) names only its own tables.
 */
final class KioskTables {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern TABLE_IN_SQL = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table(?:\\s+if\\s+(?:not\\s+)?exists)?)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern SQL_START = Pattern.compile("(?is)^\\s*\\(?\\s*(select|insert|update|delete|create|drop|alter|with|replace)\\b.*");

    /** Which feature owns which table, and whatever is inconsistent in the claims. */
    record Ownership(Map<String, String> owners, List<String> problems) {
    }

    private KioskTables() {
    }

    /** The owners claimed by the {@link KioskSchemaScripts} among {@code classes} (features under {@code base}). */
    static Ownership ownership(JavaClasses classes, String base) {
        Map<String, String> owners = new TreeMap<>();
        Map<String, Set<String>> createdBy = new TreeMap<>(); // table → scripts creating it (among those listed)
        Map<String, Set<String>> listedBy = new TreeMap<>(); // script → features listing it
        List<String> problems = new ArrayList<>();
        for (JavaClass c : classes) {
            if (c.isInterface() || !c.isAssignableTo(KioskSchemaScripts.class)) {
                continue;
            }
            String feature = KioskArchitecture.feature(base, c.getPackageName());
            KioskSchemaScripts schema = instantiate(c);
            Set<String> ownCreated = new TreeSet<>();
            for (String script : schema.scripts()) {
                listedBy.computeIfAbsent(script, s -> new TreeSet<>()).add(feature);
                for (String table : createdTables(read(script))) {
                    ownCreated.add(table);
                    createdBy.computeIfAbsent(table, t -> new TreeSet<>()).add(script);
                }
            }
            for (String table : schema.tables()) {
                if (!ownCreated.contains(table)) {
                    problems.add(feature + " claims table " + table + ", which none of its scripts " + schema.scripts() + " creates");
                }
                String before = owners.putIfAbsent(table, feature);
                if (before != null && !before.equals(feature)) {
                    problems.add("table " + table + " is claimed by both " + before + " and " + feature);
                }
            }
        }
        createdBy.forEach((table, scripts) -> {
            if (!owners.containsKey(table)) {
                problems.add("table " + table + " (created by " + scripts + ") is claimed by no feature listing that script");
            }
        });
        return new Ownership(owners, problems);
    }

    /** Tables a script creates. */
    static Set<String> createdTables(String script) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : script.lines().filter(l -> !l.trim().startsWith("--")).toList()) {
            Matcher m = CREATE_TABLE.matcher(line);
            while (m.find()) {
                out.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * Every use of a table in SQL text of a class of one feature that another feature owns: "feature: Class
     * names table (owned by other)". Tables no script creates (SQLite's own, {@code schema_migration}) are ignored.
     */
    static List<String> foreignTables(JavaClasses classes, String base, Map<String, String> owners) {
        List<String> out = new ArrayList<>();
        for (JavaClass c : classes) {
            String feature = KioskArchitecture.feature(base, c.getPackageName());
            if (feature == null) {
                continue;
            }
            for (String constant : stringConstants(c)) {
                if (!SQL_START.matcher(constant).matches()) {
                    continue;
                }
                Matcher m = TABLE_IN_SQL.matcher(constant);
                while (m.find()) {
                    String table = m.group(1).toLowerCase(Locale.ROOT);
                    String owner = owners.get(table);
                    if (owner != null && !owner.equals(feature)) {
                        out.add(feature + ": " + c.getName() + " names table " + table + " (owned by " + owner + ")");
                    }
                }
            }
        }
        return out;
    }

    /** The string literals of a compiled class (its constant pool's CONSTANT_String entries; text blocks and concatenation recipes too). */
    static List<String> stringConstants(JavaClass c) {
        try (InputStream in = c.getSource().orElseThrow().getUri().toURL().openStream();
             DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            Map<Integer, String> utf8 = new HashMap<>();
            List<Integer> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8.put(i, data.readUTF());
                    case 8 -> strings.add(data.readUnsignedShort());
                    case 7, 16, 19, 20 -> data.skipBytes(2);
                    case 15 -> data.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                    case 5, 6 -> {
                        data.skipBytes(8);
                        i++; // takes two slots
                    }
                    default -> throw new IllegalStateException("unknown constant pool tag " + tag + " in " + c.getName());
                }
            }
            return strings.stream().map(utf8::get).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String script) {
        try (InputStream in = KioskTables.class.getClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("script not on the classpath: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KioskSchemaScripts instantiate(JavaClass c) {
        try {
            return (KioskSchemaScripts) Class.forName(c.getName()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + c.getName() + " to read its scripts", e);
        }
    }
}
