package org.hospital.continuity.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of the house style, checked on the compiled classes (STYLE.md). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hospital.continuity");
    }

    @Test
    void theSyncLibraryImportsNoFramework() {
        noClasses().that().resideInAnyPackage("org.hospital.continuity.sync..", "org.hospital.continuity.playbooks..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "org.hibernate..",
                        "jakarta.persistence..", "jakarta.ws.rs..", "io.smallrye..")
                .check(classes);
    }

    @Test
    void domainRingsImportNoFramework() {
        noClasses().that().resideInAPackage("org.hospital.continuity.kiosk..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "org.hibernate..",
                        "jakarta..", "io.smallrye..", "java.sql..")
                .allowEmptyShould(true) // until the kiosk has its first domain ring
                .check(classes);
    }

    @Test
    void theKioskNeverDependsOnTheServer() {
        noClasses().that().resideInAPackage("org.hospital.continuity.kiosk..")
                .should().dependOnClassesThat().resideInAPackage("org.hospital.continuity.server..")
                .check(classes);
    }
}
