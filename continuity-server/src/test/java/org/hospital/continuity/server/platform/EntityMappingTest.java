package org.hospital.continuity.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hospital.continuity.server.platform.persistence.SessionContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Schema management is off (the SQL scripts create the tables), so nothing checks at start-up that an entity names
 * its table's columns right: every entity is read once against the migrated schema here, each mapped column named in
 * the statement PostgreSQL plans.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class EntityMappingTest {

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    @DisplayName("every entity's table and columns exist in the schema the scripts create")
    void everyEntityReadsFromItsTable() {
        List<String> entities = new ArrayList<>();
        sessions.getMetamodel().getEntities().forEach((EntityType<?> e) -> entities.add(e.getName()));
        assertThat(entities).as("the Panache features' entities").contains("PersonEntity", "FaultReportEntity", "WorkbenchItemEntity",
                "ProbeEntity", "DrillEntity", "KioskReadinessEntity", "StatusReportEntity");
        Map<String, String> failures = new TreeMap<>();
        for (String entity : entities) {
            try {
                SessionContext.await(() -> sessions.withSession(s -> s.createSelectionQuery("from " + entity, Object.class)
                        .setMaxResults(1).getResultList()).replaceWithVoid().onFailure().recoverWithUni(e -> {
                            failures.put(entity, e.getMessage());
                            return Uni.createFrom().voidItem();
                        }));
            } catch (RuntimeException e) {
                failures.put(entity, e.getMessage());
            }
        }
        assertThat(failures).as("entities whose table or columns the schema lacks").isEmpty();
    }
}
