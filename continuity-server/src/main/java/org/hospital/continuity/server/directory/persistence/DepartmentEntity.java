package org.hospital.continuity.server.directory.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hospital.continuity.server.directory.Department;

/** A row of {@code department} (V0200). */
@Entity
@Table(name = "department")
public class DepartmentEntity {

    @Id
    public String code;
    @Column(name = "name_zh", nullable = false)
    public String nameZh;
    @Column(name = "name_en", nullable = false)
    public String nameEn;
    public String area;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static DepartmentEntity of(Department d, Instant now) {
        DepartmentEntity e = new DepartmentEntity();
        e.code = d.code();
        e.nameZh = d.nameZh();
        e.nameEn = d.nameEn();
        e.area = d.area();
        e.createdAt = now;
        return e;
    }

    Department toRecord() {
        return new Department(code, nameZh, nameEn, area);
    }
}
