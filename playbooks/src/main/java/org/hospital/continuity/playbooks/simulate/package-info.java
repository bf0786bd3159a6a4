/**
 * Scenario files, the deterministic simulator (fake clock) and the readable timeline. Used by tests, drills
 * (EP-9.4) and the CLI.
 */
package org.hospital.continuity.playbooks.simulate;
