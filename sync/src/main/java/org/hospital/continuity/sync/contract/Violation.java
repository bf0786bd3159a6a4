package org.hospital.continuity.sync.contract;

/**
 * One field of a record at fault: {@code field} addressed from the record's payload ({@code payload.lines[2].amountFen})
 * or the envelope ({@code streamVersion}), {@code message} what was expected, in plain words, no patient data.
 */
public record Violation(String field, String message) {
}
