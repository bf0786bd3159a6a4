package org.hospital.continuity.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/**
 * The server's structure rules, parameterised by the root package so that the tests can show each rule
 * failing on the deliberately broken classes of {@code archfixtures} as well as passing on the server.
 *
 * <p>A feature is the first package below the root ({@code …server.incident}); its top-level package is its
 * public face (ports, the records they exchange, its typed events); its sub-packages ({@code api}, {@code app},
 * {@code domain}, {@code persistence}, {@code integration}, {@code config}) are its own. {@code platform} is the
 * ground floor every feature may use; it uses no feature.
 */
final class ArchitectureRules {

    static final String PLATFORM = "platform";
    static final String[] SQL_CLIENT = {"io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..", "io.vertx.pgclient..",
            "io.vertx.mutiny.pgclient..", "java.sql..", "javax.sql.."};
    /** JPA, Hibernate and Panache's entity, repository and query types (its transaction annotations are allowed anywhere). */
    static final String[] HIBERNATE = {"jakarta.persistence..", "org.hibernate..", "io.quarkus.hibernate.reactive.panache",
            "io.quarkus.panache.."};

    private ArchitectureRules() {
    }

    /** (a) Features depend on each other without a loop: the feature graph is a DAG. */
    static ArchRule featuresFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles()
                .because("two features that need each other are one tangle: break the loop with an event of the lower feature "
                        + "(the upper one listens) or move the port both need into the lower feature's top-level package "
                        + "(dependency inversion); docs/architecture.md draws the graph");
    }

    /** (b) Another feature is used only through its top-level package (its public face); platform is open to all. */
    static ArchRule featuresUseOnlyPublicFaces(String root) {
        return classes().that().resideInAPackage(root + ".*..")
                .should(new ReachingInto(root, "a private package (api, app, domain, persistence, integration, config …)", null))
                .because("a feature's sub-packages are its own: call a port or use a record or event from the other feature's "
                        + "top-level package (e.g. …server.incident.Instructions), and add one there if what you need is missing");
    }

    /** (b) The persistence rule on its own, with its own message: no feature touches another's store. */
    static ArchRule noFeatureUsesAnothersPersistence(String root) {
        return classes().that().resideInAPackage(root + ".*..")
                .should(new ReachingInto(root, "its persistence package", "persistence"))
                .because("a feature's tables and stores are its own: ask the owning feature through a port in its top-level "
                        + "package (a query it answers from its own tables), never read its store or its tables");
    }

    /** (c) platform is the ground floor: it imports no feature. */
    static ArchRule platformUsesNoFeature(String root) {
        return noClasses().that().resideInAPackage(root + "." + PLATFORM + "..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("a feature's class",
                        (JavaClass c) -> feature(root, c).filter(f -> !f.equals(PLATFORM)).isPresent()))
                .because("platform is used by every feature, so it cannot use one: declare a port interface in platform and "
                        + "implement it in the feature (as platform.security.Accounts is implemented by account)");
    }

    /** (d) The SQL client and JDBC live only in persistence packages. */
    static ArchRule sqlOnlyInPersistence(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage("..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage(SQL_CLIENT)
                .because("SQL belongs to the feature's persistence package: move the statements into a store there (a "
                        + "persistence-level unit of work for several statements in one transaction) and call it");
    }

    /** (f) Entities and Hibernate live only in persistence packages. */
    static ArchRule hibernateOnlyInPersistence(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage("..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage(HIBERNATE)
                .because("entities, repositories and Hibernate sessions are the feature's persistence: its repositories hand out "
                        + "records, never entities; an app service marks its unit of work with @WithTransaction or @WithSession "
                        + "(io.quarkus.hibernate.reactive.panache.common), which is allowed anywhere");
    }

    /** (e) The plain libraries import no app code. */
    static ArchRule librariesImportNoApp(String[] libraries, String... apps) {
        return noClasses().that().resideInAnyPackage(libraries).should().dependOnClassesThat().resideInAnyPackage(apps)
                .because("playbooks and sync are plain libraries both apps use: move what they need into the library, "
                        + "or let the app adapt the library's types in its wiring or integration package");
    }

    /** The feature of a class: the first package segment below the root; empty for the root and for outsiders. */
    static Optional<String> feature(String root, JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = p.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /** The ring of a class inside its feature ({@code persistence} …), empty for the top-level package. */
    static Optional<String> ring(String root, JavaClass c) {
        String p = c.getPackageName();
        String rest = p.substring(Math.min(p.length(), root.length() + 1));
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String tail = rest.substring(dot + 1);
        int next = tail.indexOf('.');
        return Optional.of(next < 0 ? tail : tail.substring(0, next));
    }

    /** Reports a dependency into another feature's sub-package (or only its {@code onlyRing}); platform is exempt. */
    private static final class ReachingInto extends ArchCondition<JavaClass> {
        private final String root;
        private final String onlyRing;

        ReachingInto(String root, String what, String onlyRing) {
            super("not depend on another feature's " + what);
            this.root = root;
            this.onlyRing = onlyRing;
        }

        @Override
        public void check(JavaClass origin, ConditionEvents events) {
            Optional<String> from = feature(root, origin);
            if (from.isEmpty()) {
                return;
            }
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                Optional<String> to = feature(root, target);
                if (to.isEmpty() || to.get().equals(from.get()) || to.get().equals(PLATFORM)) {
                    continue;
                }
                Optional<String> ring = ring(root, target);
                if (ring.isPresent() && (onlyRing == null || onlyRing.equals(ring.get()))) {
                    events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                }
            }
        }
    }
}
