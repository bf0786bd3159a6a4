package org.hospital.continuity.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the house style and the kiosk's feature slices, checked on the compiled classes
 * (STYLE.md, docs/architecture.md "Offline kiosk"). Each feature rule is also evaluated against the
 * deliberately broken classes of {@code architecture.fixtures} (test code, imported on their own) to show that
 * it reports what it forbids.
 */
class ArchitectureTest {

    static final String KIOSK = "org.hospital.continuity.kiosk";
    static final String FIXTURES = "org.hospital.continuity.kiosk.architecture.fixtures";
    /** The longest a main Java file of the kiosk may be: a longer one has more than one job. */
    static final int MAX_LINES = 400;

    private static JavaClasses classes;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hospital.continuity");
        fixtures = new ClassFileImporter().importPackages(FIXTURES);
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
                .check(classes);
    }

    @Test
    void theKioskNeverDependsOnTheServer() {
        noClasses().that().resideInAPackage("org.hospital.continuity.kiosk..")
                .should().dependOnClassesThat().resideInAPackage("org.hospital.continuity.server..")
                .check(classes);
    }

    @Test
    @DisplayName("the libraries (sync, playbooks) import no feature of the kiosk")
    void theLibrariesImportNoKioskFeature() {
        noClasses().that().resideInAnyPackage("org.hospital.continuity.sync..", "org.hospital.continuity.playbooks..")
                .should().dependOnClassesThat().resideInAPackage(KIOSK + "..")
                .because("the libraries are shared by both apps and are below them: a type both need lives in the library, "
                        + "and the kiosk adapts it (as enrolment's ServerWire and journal's Journal adapt sync's wire types)")
                .check(classes);
    }

    @Test
    @DisplayName("the kiosk's features depend on each other without a loop")
    void featuresAreFreeOfCycles() {
        KioskArchitecture.featuresFreeOfCycles(KIOSK).check(classes);
    }

    @Test
    @DisplayName("a feature uses another only through its top-level package (its public face)")
    void onlyPublicFacesAcrossFeatures() {
        KioskArchitecture.onlyPublicFacesAcrossFeatures(KIOSK).check(classes);
    }

    @Test
    @DisplayName("no feature touches another feature's persistence package")
    void noAccessToAnotherFeaturesPersistence() {
        KioskArchitecture.noAccessToAnotherFeaturesPersistence(KIOSK).check(classes);
    }

    @Test
    @DisplayName("platform, the ground floor, depends on no feature")
    void platformDependsOnNoFeature() {
        KioskArchitecture.platformDependsOnNoFeature(KIOSK).check(classes);
    }

    @Test
    @DisplayName("JDBC and SQLite types appear only in persistence packages")
    void jdbcOnlyInPersistence() {
        KioskArchitecture.jdbcOnlyInPersistence(KIOSK).check(classes);
    }

    @Test
    @DisplayName("every table of db/kiosk has exactly one owning feature, claimed from the scripts that feature lists")
    void everyTableHasOneOwner() throws IOException {
        KioskTables.Ownership ownership = KioskTables.ownership(classes, KIOSK);
        assertThat(ownership.problems()).isEmpty();
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/db/kiosk"))) {
            for (Path script : scripts.toList()) {
                for (String table : KioskTables.createdTables(Files.readString(script))) {
                    assertThat(ownership.owners()).as("table %s of %s has an owner", table, script.getFileName()).containsKey(table);
                }
            }
        }
    }

    @Test
    @DisplayName("the SQL of a feature's classes names only the feature's own tables")
    void sqlNamesOnlyTheFeaturesOwnTables() {
        KioskTables.Ownership ownership = KioskTables.ownership(classes, KIOSK);
        assertThat(KioskTables.foreignTables(classes, KIOSK, ownership.owners())).isEmpty();
    }

    @Test
    @DisplayName("no main Java file of the kiosk is over 400 lines (a bigger room is split by job)")
    void noMainFileOverFourHundredLines() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> big = files.filter(p -> p.toString().endsWith(".java")).filter(p -> lines(p) > MAX_LINES)
                    .map(p -> p + " (" + lines(p) + " lines)").toList();
            assertThat(big).isEmpty();
        }
    }

    private static long lines(Path p) {
        try (Stream<String> l = Files.lines(p)) {
            return l.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each rule evaluated against the fixtures: it must report exactly the class that breaks it, with its instruction. */
    @Nested
    @DisplayName("each rule reports a deliberate violation (fixtures)")
    class TheRulesCatchViolations {

        @Test
        @DisplayName("a loop between two features (alpha ↔ beta, each through the other's public face) is reported as a cycle")
        void aLoopIsReported() {
            EvaluationResult result = KioskArchitecture.featuresFreeOfCycles(FIXTURES).evaluate(fixtures);
            assertThat(result.hasViolation()).isTrue();
            assertThat(report(result)).contains("feature alpha", "feature beta").doesNotContain("feature charge", "feature platform")
                    .contains("publishes an event or defines a port");
        }

        @Test
        @DisplayName("a charge use case calling the journal's domain ring is reported; the journal's public face is not")
        void reachingIntoAnotherFeatureIsReported() {
            EvaluationResult result = KioskArchitecture.onlyPublicFacesAcrossFeatures(FIXTURES).evaluate(fixtures);
            assertThat(violators(result)).containsExactlyInAnyOrder("ReachingIntoTheDomain", "ReadingTheJournalsStore");
            assertThat(report(result)).contains("only a feature's top-level package");
        }

        @Test
        @DisplayName("a charge use case holding the journal's store is reported, with the persistence message")
        void anotherFeaturesPersistenceIsReported() {
            EvaluationResult result = KioskArchitecture.noAccessToAnotherFeaturesPersistence(FIXTURES).evaluate(fixtures);
            assertThat(violators(result)).containsExactly("ReadingTheJournalsStore");
            assertThat(report(result)).contains("a feature's tables and stores are its own");
        }

        @Test
        @DisplayName("a platform health check asking the journal feature is reported")
        void platformUsingAFeatureIsReported() {
            EvaluationResult result = KioskArchitecture.platformDependsOnNoFeature(FIXTURES).evaluate(fixtures);
            assertThat(violators(result)).containsExactly("LeakyCheck");
            assertThat(report(result)).contains("let platform own a port");
        }

        @Test
        @DisplayName("JDBC in a charge use case is reported; JDBC in the journal's persistence is not")
        void jdbcOutsidePersistenceIsReported() {
            EvaluationResult result = KioskArchitecture.jdbcOnlyInPersistence(FIXTURES).evaluate(fixtures);
            assertThat(violators(result)).containsExactly("SqlInAUseCase");
            assertThat(report(result)).contains("put the statement in a store there");
        }

        @Test
        @DisplayName("charge SQL joining the journal's table is reported; its own table is not")
        void sqlNamingAnotherFeaturesTableIsReported() {
            KioskTables.Ownership ownership = KioskTables.ownership(classes, KIOSK);
            assertThat(KioskTables.foreignTables(fixtures, FIXTURES, ownership.owners()))
                    .containsExactly("charge: " + FIXTURES + ".charge.persistence.ChargeStore names table journal (owned by journal)");
        }

        @Test
        @DisplayName("a feature claiming a table its scripts do not create, and leaving its own unclaimed, is reported")
        void aWrongClaimIsReported() {
            assertThat(KioskTables.ownership(fixtures, FIXTURES).problems()).containsExactlyInAnyOrder(
                    "pool claims table journal, which none of its scripts [db/kiosk/V0130__pool.sql] creates",
                    "table number_block (created by [db/kiosk/V0130__pool.sql]) is claimed by no feature listing that script");
        }

        private static String report(EvaluationResult result) {
            return result.getFailureReport().toString();
        }

        /** The simple names of the classes the result reports (the origin of each violated dependency). */
        private static List<String> violators(EvaluationResult result) {
            return result.getFailureReport().getDetails().stream()
                    .map(d -> d.replaceFirst("^(?:Class|Method|Constructor|Field) <([^>]+)>.*$", "$1"))
                    .map(name -> name.replaceFirst("^" + java.util.regex.Pattern.quote(FIXTURES) + "\\.[a-z.]+\\.", ""))
                    .map(name -> name.replaceFirst("[.(].*$", ""))
                    .distinct().toList();
        }
    }
}
