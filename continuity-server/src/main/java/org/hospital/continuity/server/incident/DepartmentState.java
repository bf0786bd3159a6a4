package org.hospital.continuity.server.incident;

import java.time.Instant;
import java.util.UUID;

/** A department's mode now (NORMAL when it never changed), and the instruction that set it (EP-6.1). */
public record DepartmentState(String department, String nameZh, String nameEn, DepartmentMode mode, Instant since, UUID instructionId) {
}
