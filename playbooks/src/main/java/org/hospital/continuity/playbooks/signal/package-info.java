/**
 * Signals about an incident: probe results for HIS components, fault reports from workstations (EP-3),
 * integrity alarms, IT's diagnoses (EP-3.2) and clearances.
 */
package org.hospital.continuity.playbooks.signal;
