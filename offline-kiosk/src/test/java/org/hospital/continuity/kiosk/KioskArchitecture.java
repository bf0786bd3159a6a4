package org.hospital.continuity.kiosk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.function.BiPredicate;

/**
 * The kiosk's feature rules, written for a base package so that ArchitectureTest checks them on the app
 * ({@code org.hospital.continuity.kiosk}) and shows on deliberately broken fixtures that each one catches
 * what it forbids. A feature is the package right below the base ({@code journal}, {@code charge} …); its
 * top-level package is its public face (application services, ports, events and their records); its rings
 * ({@code domain}, {@code app}, {@code api}, {@code persistence}, {@code integration}, {@code config} …) are its own.
 * {@code platform} is the ground floor: every feature may use it, it uses no feature.
 */
final class KioskArchitecture {

    static final String PLATFORM = "platform";

    private KioskArchitecture() {
    }

    /** The feature a package belongs to under {@code base}, or null outside the features. */
    static String feature(String base, String packageName) {
        if (!packageName.startsWith(base + ".")) {
            return null;
        }
        String rest = packageName.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static ArchRule featuresFreeOfCycles(String base) {
        return slices().matching(base + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles()
                .because("the kiosk's features must form a graph without loops (docs/architecture.md): when two features need each "
                        + "other, the lower one owns the shared part in its public face, or it publishes an event or defines a port "
                        + "that the higher one observes or implements (as session.SessionEvent and platform.security.SignedInStaff do)");
    }

    static ArchRule onlyPublicFacesAcrossFeatures(String base) {
        return classes().that().resideInAPackage(base + "..")
                .should(dependOnOtherFeaturesOnly(base, "only through their top-level package (their public face)",
                        (from, target) -> !target.getPackageName().equals(base + "." + feature(base, target.getPackageName()))))
                .because("another feature may use only a feature's top-level package (its application services, ports, events and "
                        + "their records): move what you need there, or ask the owning feature for a port; never reach into its "
                        + "domain, app, api, integration or config");
    }

    static ArchRule noAccessToAnotherFeaturesPersistence(String base) {
        return classes().that().resideInAPackage(base + "..")
                .should(dependOnOtherFeaturesOnly(base, "never through their persistence package",
                        (from, target) -> target.getPackageName().startsWith(base + "." + feature(base, target.getPackageName()) + ".persistence")))
                .because("a feature's tables and stores are its own (its migration scripts, its SQL): call the owning feature's "
                        + "public face (journal.Journal, charge.InvoiceRegister, session.StaffVerifiers …) and pass it the "
                        + "WriteTransaction when the write belongs to your transaction");
    }

    static ArchRule platformDependsOnNoFeature(String base) {
        return noClasses().that().resideInAPackage(base + "." + PLATFORM + "..")
                .should().dependOnClassesThat(resideInAPackage(base + "..").and(not(resideInAPackage(base + "." + PLATFORM + ".."))))
                .because("platform is the ground floor every feature stands on: let platform own a port (an interface and its "
                        + "records) that the feature implements, as platform.security.SignedInStaff, or move the code into the "
                        + "feature that owns the facts, as readiness.health.ReferenceAndBacklogCheck");
    }

    static ArchRule jdbcOnlyInPersistence(String base) {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage("..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
                .because("SQL and JDBC belong in a feature's persistence package: put the statement in a store there (a SQLException "
                        + "leaves it as a KioskStorageException) and hand the store the WriteTransaction from Journal.Capture#transaction() "
                        + "or KioskDatabase#transaction");
    }

    /** Each dependency on another feature (not platform) that {@code forbidden} matches is a violation. */
    private static ArchCondition<JavaClass> dependOnOtherFeaturesOnly(String base, String how, BiPredicate<JavaClass, JavaClass> forbidden) {
        return new ArchCondition<>("depend on other features " + how) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String from = feature(base, c.getPackageName());
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    String to = feature(base, target.getPackageName());
                    if (to == null || to.equals(from) || to.equals(PLATFORM)) {
                        continue;
                    }
                    if (forbidden.test(c, target)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
