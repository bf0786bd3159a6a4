/**
 * Fault classes (EP-4), their causes, the scope of a loss of service (EP-5) and the registry of clause ids.
 */
package org.hospital.continuity.playbooks.fault;
