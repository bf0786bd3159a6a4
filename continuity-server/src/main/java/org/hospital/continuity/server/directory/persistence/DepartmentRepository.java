package org.hospital.continuity.server.directory.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hospital.continuity.server.directory.Department;
import org.hospital.continuity.server.platform.persistence.Constraints;
import org.hospital.continuity.server.platform.persistence.Sql;

/** The hospital's departments (EP-2). */
@ApplicationScoped
@WithSession
public class DepartmentRepository implements PanacheRepositoryBase<DepartmentEntity, String> {

    public Uni<List<Department>> departments() {
        return listAll(Sort.by("code")).map(l -> l.stream().map(DepartmentEntity::toRecord).toList());
    }

    /** A department by its code, or null. */
    public Uni<Department> department(String code) {
        return findById(code).map(e -> e == null ? null : e.toRecord());
    }

    /** Adds a department in a transaction of its own; false when the code exists (also when another admin just added it). */
    public Uni<Boolean> add(Department d, Instant now) {
        return Panache.withTransaction(() -> findById(d.code()).chain(existing -> existing != null ? Uni.createFrom().item(false)
                        : persist(DepartmentEntity.of(d, Sql.stored(now))).replaceWith(true)))
                .onFailure(Constraints::uniqueViolation).recoverWithItem(false);
    }

    /** Changes a department's names, area and place in a transaction of its own; false when there is no such department. */
    public Uni<Boolean> update(Department d) {
        return Panache.withTransaction(() -> findById(d.code()).map(e -> {
            if (e == null) {
                return false;
            }
            e.nameZh = d.nameZh();
            e.nameEn = d.nameEn();
            e.area = d.area();
            e.place = d.place();
            return true;
        }));
    }
}
