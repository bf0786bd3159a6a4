/** Departments, offices and teams: who switches to manual, who owns a step, who is told (EP-2, EP-5.2, EP-6, EP-8.2). */
package org.hospital.continuity.playbooks.party;
