/**
 * Playbooks as data: the model (trigger, steps per department, owners, notification targets, deadlines,
 * teams), the YAML loader with precise errors, and the matching of occurrences to due steps. The default
 * playbooks (EP-3 … EP-9) are in {@code src/main/resources/playbooks/}.
 */
package org.hospital.continuity.playbooks.playbook;
