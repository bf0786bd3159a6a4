package org.hospital.continuity.playbooks.yaml;

/**
 * A playbook or scenario file is wrong. The message names the file, the line and column, the field, what was
 * expected and what was found, e.g.
 * {@code class-i.yaml:12:11: steps[2].clause: expected a clause id of the plan such as EP-6.2.3, found 'EP-6.2.9'}.
 */
public final class FileFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String expected;
    private final String found;

    /** An error at a position of a file: what was expected there, and what was found (null: nothing). */
    public FileFormatException(String file, int line, int column, String field, String expected, String found) {
        super(file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "(document)" : field)
                + ": expected " + expected + (found == null ? "" : ", found " + found));
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.expected = expected;
        this.found = found;
    }

    /** The file name (or resource path). */
    public String file() {
        return file;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column. */
    public int column() {
        return column;
    }

    /** The field path, e.g. {@code steps[2].clause}; empty for the document itself. */
    public String field() {
        return field;
    }

    /** What was expected, in words. */
    public String expected() {
        return expected;
    }

    /** What was found, or null when nothing was there. */
    public String found() {
        return found;
    }
}
