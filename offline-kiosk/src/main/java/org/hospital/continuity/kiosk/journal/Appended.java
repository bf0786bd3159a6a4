package org.hospital.continuity.kiosk.journal;

/**
 * Something was committed to the journal (a capture or a phase change): observers may push it at once (HIS down, LAN up:
 * the relay to other stations starts with the push). Fired after the commit, on the capturing thread.
 */
public record Appended() {
}
