/**
 * The EP-5.2 downtime ladder (30 min / 6 h / 24 h) and the EP-5.1 context modifiers that pull it earlier and
 * widen who is told. Entry point: {@link org.hospital.continuity.playbooks.ladder.DowntimeLadder}.
 */
package org.hospital.continuity.playbooks.ladder;
