package org.hospital.continuity.playbooks.yaml;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hospital.continuity.playbooks.fault.Clauses;
import org.hospital.continuity.playbooks.text.Bilingual;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a YAML file with its position, read through snakeyaml's node API (no object construction, so no
 * arbitrary types), with typed accessors that fail with a {@link FileFormatException} naming file, line,
 * field and expectation. Shared by the playbook and scenario loaders.
 */
public final class YamlNode {

    private final String file;
    private final String path;
    private final Node node;
    private final Mark fallback;
    private final Map<String, YamlNode> children = new LinkedHashMap<>();

    private YamlNode(String file, String path, Node node, Mark fallback) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.fallback = fallback;
    }

    /**
     * Decodes a file's bytes as UTF-8; bytes that are not UTF-8 are a {@link FileFormatException} at the line
     * and column of the first of them.
     */
    public static String utf8(String file, byte[] bytes) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            // find the first bad byte: decode prefix by prefix is quadratic; walk the UTF-8 structure instead
            int bad = firstInvalidUtf8(bytes);
            String before = new String(bytes, 0, bad, java.nio.charset.StandardCharsets.UTF_8);
            int line = 1;
            int column = 1;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            StringBuilder found = new StringBuilder("bytes that are not UTF-8 (");
            for (int i = bad; i < Math.min(bytes.length, bad + 4); i++) {
                found.append(i > bad ? " " : "").append(String.format("0x%02X", bytes[i] & 0xFF));
            }
            throw new FileFormatException(file, line, column, "", "UTF-8 text (save the file as UTF-8)", found.append(')').toString());
        }
    }

    private static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int n;
            if (c < 0x80) {
                n = 0;
            } else if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
            } else {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            if (n == 2) {
                int c1 = b[i + 1] & 0xFF;
                if (c == 0xE0 && c1 < 0xA0 || c == 0xED && c1 > 0x9F) {
                    return i;
                }
            } else if (n == 3) {
                int c1 = b[i + 1] & 0xFF;
                if (c == 0xF0 && c1 < 0x90 || c == 0xF4 && c1 > 0x8F) {
                    return i;
                }
            }
            i += n + 1;
        }
        return b.length;
    }

    /** Parses one YAML document; a syntax error or an empty file is a {@link FileFormatException}. */
    public static YamlNode parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new FileFormatException(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "", "well-formed YAML", "a syntax error: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()));
        } catch (YAMLException e) {
            throw new FileFormatException(file, 1, 1, "", "one well-formed YAML document", firstLine(e.getMessage()));
        }
        if (root == null) {
            throw new FileFormatException(file, 1, 1, "", "a YAML mapping", "an empty file");
        }
        return new YamlNode(file, "", root, root.getStartMark());
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /** The field path, e.g. {@code steps[2].clause}. */
    public String path() {
        return path;
    }

    /** 1-based line of this node. */
    public int line() {
        return mark().getLine() + 1;
    }

    /** 1-based column of this node. */
    public int column() {
        return mark().getColumn() + 1;
    }

    /** A format error at this node. */
    public FileFormatException error(String expected) {
        return new FileFormatException(file, line(), column(), path, expected, found());
    }

    /** A format error at this node with an explicit "found" text. */
    public FileFormatException error(String expected, String found) {
        return new FileFormatException(file, line(), column(), path, expected, found);
    }

    /**
     * Checks that this node is a mapping whose keys are all among {@code allowed} (any key when null; none
     * repeated); returns this node for chaining.
     */
    public YamlNode mapping(String what, Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            throw error(what + (allowed == null ? " (a mapping)" : " (a mapping with keys " + sorted(allowed) + ")"));
        }
        if (children.isEmpty()) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : m.getValue()) {
                Node keyNode = tuple.getKeyNode();
                String key = keyNode instanceof ScalarNode s ? s.getValue() : null;
                String keyPath = key == null ? path : child(key);
                if (key == null) {
                    throw new FileFormatException(file, keyNode.getStartMark().getLine() + 1, keyNode.getStartMark().getColumn() + 1,
                            path, "a plain key", "a complex key");
                }
                if (allowed != null && !allowed.contains(key)) {
                    throw new FileFormatException(file, keyNode.getStartMark().getLine() + 1, keyNode.getStartMark().getColumn() + 1,
                            keyPath, "one of the keys " + sorted(allowed) + " in " + what, "unknown key '" + key + "'");
                }
                if (!seen.add(key)) {
                    throw new FileFormatException(file, keyNode.getStartMark().getLine() + 1, keyNode.getStartMark().getColumn() + 1,
                            keyPath, "each key once", "'" + key + "' repeated");
                }
                children.put(key, new YamlNode(file, keyPath, tuple.getValueNode(), keyNode.getStartMark()));
            }
        }
        return this;
    }

    /** The value of a key of this mapping (call {@link #mapping} first); absent or YAML null is empty. */
    public Optional<YamlNode> get(String key) {
        YamlNode child = children.get(key);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        return Optional.of(child);
    }

    /** The value of a required key, or an error at this mapping naming the missing field. */
    public YamlNode require(String key, String expected) {
        return get(key).orElseThrow(() -> new FileFormatException(file, line(), column(), child(key),
                expected, "nothing (the field is missing)"));
    }

    /** The keys present, in file order. */
    public List<String> keys() {
        return List.copyOf(children.keySet());
    }

    /** True for YAML null ({@code ~}, {@code null} or an empty value). */
    public boolean isNull() {
        return node instanceof ScalarNode s && (Tag.NULL.equals(s.getTag()) || s.getValue().isEmpty() && s.getTag() == null);
    }

    /** A non-blank scalar. */
    public String string(String expected) {
        if (!(node instanceof ScalarNode s) || isNull() || s.getValue().isBlank()) {
            throw error(expected);
        }
        return s.getValue().strip();
    }

    /** An identifier: lower-case letters, digits and dashes. */
    public String identifier() {
        String value = string("an id of lower-case letters, digits and dashes");
        if (!value.matches("[a-z0-9][a-z0-9-]*")) {
            throw error("an id of lower-case letters, digits and dashes", "'" + value + "'");
        }
        return value;
    }

    /** A sequence; each element's path is {@code field[i]}. */
    public List<YamlNode> list(String expected) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(expected + " (a list)");
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            items.add(new YamlNode(file, path + "[" + (i + 1) + "]", item, item.getStartMark()));
        }
        return items;
    }

    /** A list of scalars, or a single scalar taken as a one-element list. */
    public List<YamlNode> listOrSingle(String expected) {
        if (node instanceof ScalarNode) {
            return List.of(this);
        }
        return list(expected);
    }

    /** One of an enum's constant names. */
    public <E extends Enum<E>> E enumValue(Class<E> type) {
        String expected = "one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        String value = string(expected);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw error(expected, "'" + value + "'");
    }

    /** An ISO-8601 duration such as {@code PT30M}, {@code PT6H}, {@code P2D}; never negative. */
    public Duration duration() {
        String expected = "an ISO-8601 duration such as PT30M, PT6H or P2D";
        String value = string(expected);
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative()) {
                throw error(expected + " that is not negative", "'" + value + "'");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw error(expected, "'" + value + "'");
        }
    }

    /** An ISO-8601 date-time with offset, e.g. {@code 2026-10-01T09:00:00+08:00}. */
    public Instant instant() {
        String expected = "an ISO-8601 date-time with offset such as 2026-10-01T09:00:00+08:00";
        String value = string(expected);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw error(expected, "'" + value + "'");
        }
    }

    /** A time-zone id such as {@code Asia/Shanghai}. */
    public ZoneId zone() {
        String expected = "a time-zone id such as Asia/Shanghai";
        String value = string(expected);
        try {
            return ZoneId.of(value);
        } catch (RuntimeException e) {
            throw error(expected, "'" + value + "'");
        }
    }

    /** An integer within bounds. */
    public int integer(int min, int max) {
        String expected = "a whole number from " + min + " to " + max;
        String value = string(expected);
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw error(expected, "'" + value + "'");
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(expected, "'" + value + "'");
        }
    }

    /** {@code true} or {@code false}. */
    public boolean bool() {
        String value = string("true or false");
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw error("true or false", "'" + value + "'");
    }

    /** A clause id of the plan or the IT rules ({@link Clauses}). */
    public String clause() {
        String expected = "a clause id of the plan such as EP-6.2.3 (see emergency-plan.md) or HR-9";
        String value = string(expected);
        if (!Clauses.isKnown(value)) {
            throw error(expected, "'" + value + "'");
        }
        return value;
    }

    /** A mapping {@code {zh: …, en: …}} with both texts. */
    public Bilingual bilingual() {
        mapping("a text in both languages {zh: …, en: …}", Set.of("zh", "en"));
        String zh = require("zh", "the Chinese text").string("the Chinese text");
        String en = require("en", "the English text").string("the English text");
        return Bilingual.of(zh, en);
    }

    private Mark mark() {
        Mark m = node.getStartMark();
        return m != null ? m : fallback;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String found() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull()) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static String sorted(Set<String> keys) {
        return keys.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
