package org.hospital.continuity.server;

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
    void theDomainLibrariesImportNoFramework() {
        noClasses().that().resideInAnyPackage("org.hospital.continuity.playbooks..", "org.hospital.continuity.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "org.hibernate..",
                        "jakarta.persistence..", "jakarta.ws.rs..", "io.smallrye..")
                .check(classes);
    }

    @Test
    void domainRingsImportNoFramework() {
        noClasses().that().resideInAPackage("org.hospital.continuity.server..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "org.hibernate..",
                        "jakarta..", "io.smallrye..")
                .check(classes);
    }

    @Test
    void theServerNeverDependsOnTheKiosk() {
        noClasses().that().resideInAPackage("org.hospital.continuity.server..")
                .should().dependOnClassesThat().resideInAPackage("org.hospital.continuity.kiosk..")
                .check(classes);
    }

    @Test
    void entitiesStayInPersistence() {
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Entity")
                .check(classes);
    }
}
