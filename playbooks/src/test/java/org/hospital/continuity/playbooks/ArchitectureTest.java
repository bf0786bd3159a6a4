package org.hospital.continuity.playbooks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the domain core plain (no framework) and free of the system clock (STYLE: no now() in the domain). */
@DisplayName("Architecture: a plain-Java domain core that never reads the clock")
class ArchitectureTest {

    /** The module's compiled production classes (imported from the build folder: fast, no classpath scan). */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target/classes"));

    @Test
    @DisplayName("the import found the module's classes (a rule over nothing would pass vacuously)")
    void importedTheModule() {
        org.assertj.core.api.Assertions.assertThat(PRODUCTION.contain("org.hospital.continuity.playbooks.classify.Classifier")).isTrue();
    }

    @Test
    @DisplayName("no Quarkus, Hibernate, Vert.x, Jakarta or Mutiny in the playbooks module")
    void noFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "org.hibernate..", "io.vertx..", "jakarta..", "javax.persistence..", "io.smallrye..")
                .check(PRODUCTION);
    }

    @Test
    @DisplayName("nothing reads the system clock: the time is always passed in")
    void noSystemClock() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(InstantSource.class, "system")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .check(PRODUCTION);
    }

    @Test
    @DisplayName("the domain packages do not depend on the simulator or the CLI")
    void layering() {
        noClasses().that().resideInAnyPackage("..fault..", "..party..", "..signal..", "..classify..", "..ladder..",
                        "..playbook..", "..incident..")
                .should().dependOnClassesThat().resideInAnyPackage("..simulate..", "..cli..")
                .check(PRODUCTION);
        noClasses().that().resideInAnyPackage("..classify..", "..ladder..", "..fault..", "..signal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.yaml..")
                .check(PRODUCTION);
    }
}
