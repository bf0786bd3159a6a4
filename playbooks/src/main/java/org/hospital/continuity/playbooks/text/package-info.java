/** Bilingual (zh + en) texts shared by every part of the plan. */
package org.hospital.continuity.playbooks.text;
