package org.hospital.continuity.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The dependency rules of the house style and of the feature slices, checked on the compiled classes (STYLE.md). */
@DisplayName("Architecture: feature slices with a public face, platform as the ground floor, SQL only in persistence")
class ArchitectureTest {

    static final String SERVER = "org.hospital.continuity.server";
    static final String[] LIBRARIES = {"org.hospital.continuity.playbooks..", "org.hospital.continuity.sync.."};
    static final String[] APPS = {"org.hospital.continuity.server..", "org.hospital.continuity.kiosk.."};
    static final String FIXTURES = SERVER + ".archfixtures";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hospital.continuity");
    }

    @Test
    void theDomainLibrariesImportNoFramework() {
        noClasses().that().resideInAnyPackage(LIBRARIES)
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

    @Test
    @DisplayName("(a) the server's features depend on each other without a loop")
    void featuresAreFreeOfCycles() {
        ArchitectureRules.featuresFreeOfCycles(SERVER).check(classes);
    }

    @Test
    @DisplayName("(b) a feature uses another only through its top-level package (its public face)")
    void featuresUseOnlyPublicFaces() {
        ArchitectureRules.featuresUseOnlyPublicFaces(SERVER).check(classes);
    }

    @Test
    @DisplayName("(b) no feature uses another feature's persistence package")
    void noFeatureUsesAnothersPersistence() {
        ArchitectureRules.noFeatureUsesAnothersPersistence(SERVER).check(classes);
    }

    @Test
    @DisplayName("(c) platform depends on no feature")
    void platformUsesNoFeature() {
        ArchitectureRules.platformUsesNoFeature(SERVER).check(classes);
    }

    @Test
    @DisplayName("(d) SQL client and JDBC types are used only in persistence packages")
    void sqlOnlyInPersistence() {
        ArchitectureRules.sqlOnlyInPersistence(SERVER).check(classes);
    }

    @Test
    @DisplayName("(f) JPA entities, Hibernate and Panache repositories are used only in persistence packages")
    void hibernateOnlyInPersistence() {
        ArchitectureRules.hibernateOnlyInPersistence(SERVER).check(classes);
    }

    @Test
    @DisplayName("(e) the libraries (playbooks, sync) import no app code")
    void librariesImportNoApp() {
        ArchitectureRules.librariesImportNoApp(LIBRARIES, APPS).check(classes);
    }

    /**
     * Each rule evaluated on the deliberately broken classes of the test package {@code archfixtures} (imported
     * on purpose here, never by the production checks above): a rule that cannot fail would pass there too.
     */
    @Nested
    @DisplayName("Each rule catches the violation it exists for (test-only archfixtures classes)")
    class RulesCatchViolations {

        private final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);
        private final JavaClasses legal = new ClassFileImporter().importPackages(FIXTURES + ".alpha", FIXTURES + ".gamma");

        private String violations(ArchRule rule, JavaClasses in) {
            EvaluationResult result = rule.evaluate(in);
            assertThat(result.hasViolation()).as("the rule reports a violation").isTrue();
            return String.join("\n", result.getFailureReport().getDetails());
        }

        @Test
        @DisplayName("(a) alpha uses beta's face and beta reads alpha's store: the loop alpha ↔ beta is reported, gamma → alpha is not")
        void cycleIsReported() {
            assertThat(violations(ArchitectureRules.featuresFreeOfCycles(FIXTURES), fixtures))
                    .contains("feature alpha").contains("feature beta").doesNotContain("feature gamma");
            assertThat(ArchitectureRules.featuresFreeOfCycles(FIXTURES).evaluate(legal).hasViolation()).isFalse();
        }

        @Test
        @DisplayName("(b) beta's class reaching into alpha.persistence breaks the public-face rule; gamma using alpha's face does not")
        void privateReachIsReported() {
            assertThat(violations(ArchitectureRules.featuresUseOnlyPublicFaces(FIXTURES), fixtures))
                    .contains("BetaReadsAlphasStore").contains("AlphaStore").doesNotContain("GammaUsesAlphasFace");
            assertThat(ArchitectureRules.featuresUseOnlyPublicFaces(FIXTURES).evaluate(legal).hasViolation()).isFalse();
        }

        @Test
        @DisplayName("(b) beta reading alpha's store is reported by the persistence rule, with what to do instead")
        void persistenceReachIsReported() {
            ArchRule rule = ArchitectureRules.noFeatureUsesAnothersPersistence(FIXTURES);
            assertThat(violations(rule, fixtures)).contains("BetaReadsAlphasStore").contains("AlphaStore");
            assertThat(rule.getDescription()).contains("ask the owning feature through a port");
        }

        @Test
        @DisplayName("(c) a platform class using a feature is reported")
        void platformUsingAFeatureIsReported() {
            assertThat(violations(ArchitectureRules.platformUsesNoFeature(FIXTURES), fixtures))
                    .contains("PlatformUsesAlpha").contains("Alpha");
        }

        @Test
        @DisplayName("(d) a SQL client type in an app package is reported; the same type in persistence is not")
        void sqlOutsidePersistenceIsReported() {
            assertThat(violations(ArchitectureRules.sqlOnlyInPersistence(FIXTURES), fixtures))
                    .contains("BetaWritesSql").doesNotContain("AlphaStore");
        }

        @Test
        @DisplayName("(f) a JPA entity in an app package is reported; alpha's entity in its persistence package is not")
        void hibernateOutsidePersistenceIsReported() {
            ArchRule rule = ArchitectureRules.hibernateOnlyInPersistence(FIXTURES);
            assertThat(violations(rule, fixtures)).contains("BetaMapsAnEntity").doesNotContain("AlphaEntity");
            assertThat(rule.evaluate(legal).hasViolation()).isFalse();
            assertThat(rule.getDescription()).contains("repositories hand out records");
        }

        @Test
        @DisplayName("(e) a library class using app code is reported")
        void libraryUsingAppCodeIsReported() {
            assertThat(violations(ArchitectureRules.librariesImportNoApp(new String[] {FIXTURES + ".lib.."}, FIXTURES + ".alpha.."),
                    fixtures)).contains("LibraryUsesApp");
        }
    }
}
