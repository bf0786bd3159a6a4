package org.hospital.continuity.kiosk.pool;

/** The number pools the server hands out in blocks: downtime patient numbers and manual invoice numbers. */
public enum PoolKind {
    PATIENT,
    INVOICE
}
