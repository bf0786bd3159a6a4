package org.hospital.continuity.playbooks.playbook;

/** When a playbook fires. The names are what a playbook file writes under {@code trigger.type}. */
public enum TriggerType {
    /** An incident opens (its first grade): EP-3.2 record and verify. */
    INCIDENT_OPENED,
    /** The incident reaches a class for the first time (EP-4.5 … EP-4.8). */
    CLASS,
    /** The incident becomes a whole-network failure (EP-5.1). */
    WHOLE_NETWORK,
    /** One area (a building, a floor) is cut off (EP-4.1 局部网络不通): its ladder starts. */
    AREA_OUTAGE,
    /** A row of the downtime ladder falls due (EP-5.2.1 … EP-5.2.3, EP-6.1). */
    LADDER_STEP,
    /** Departments enter manual operation, by the ladder or on request (EP-6.2 … EP-6.7). */
    MANUAL_MODE,
    /** The system is back for departments in manual operation (EP-6.8, EP-6.x back-entry, EP-8.4, EP-8.5). */
    RECOVERY,
    /** The incident is closed (EP-4.7, EP-7.4, EP-8.1, EP-8.6, EP-9). */
    POST_INCIDENT
}
