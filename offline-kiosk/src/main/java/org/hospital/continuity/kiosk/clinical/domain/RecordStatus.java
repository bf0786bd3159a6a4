package org.hospital.continuity.kiosk.clinical.domain;

/** Where a clinical record stands (HR-9: never changed in place): as written, voided with a reason, or superseded by its correction. */
public enum RecordStatus {
    ACTIVE,
    VOIDED,
    CORRECTED
}
