/** The command line: {@code simulate <scenario.yaml>} and {@code validate <dir>}. */
package org.hospital.continuity.playbooks.cli;
