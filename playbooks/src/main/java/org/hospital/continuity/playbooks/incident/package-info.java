/**
 * The incident engine: re-grading, the whole-network outage and its ladder, playbook steps and deadlines, as
 * pure functions over an immutable state. Entry point: {@link org.hospital.continuity.playbooks.incident.IncidentEngine}.
 */
package org.hospital.continuity.playbooks.incident;
